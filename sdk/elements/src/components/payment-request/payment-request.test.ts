import { expect, fixture, html } from '@open-wc/testing';
import { $, $maybe, errorOf, focused, mock, nextEvent, settle, until } from '../../../test/helpers.js';
import {
  forgetSessions,
  storeSession,
  testCards,
  walletKeys,
  walletMock,
  type SeedSpec,
} from '../../../test/wallet-helpers.js';
import '../../define/cc-payment-request.js';
import type { CcPaymentFailedEvent } from '../../events/cc-payment-failed-event.js';
import type { CcPaymentRequestApprovedEvent } from '../../events/cc-payment-request-approved-event.js';
import type { CcPaymentRequestDeclinedEvent } from '../../events/cc-payment-request-declined-event.js';
import type { CcPaymentSucceededEvent } from '../../events/cc-payment-succeeded-event.js';
import type { CcPaymentRequest } from './payment-request.js';

// Northwind's minimums: 50 % by card, 25 % otherwise (ACH).
const oneRequest = (spec: Partial<SeedSpec> = {}): SeedSpec => ({
  requests: [{ amount: 100000, memo: 'March deliveries' }],
  methods: [{ type: 'card' }, { type: 'ach' }],
  ...spec,
});

async function mount(spec: SeedSpec = oneRequest()) {
  const seeded = await walletMock.seed(walletKeys.valid, spec);
  storeSession(seeded.session.token);
  const provider = await fixture(html`<cc-provider publishable-key=${walletKeys.valid} locale="en">
    <cc-payment-request request-id=${seeded.requests[0]!.id}></cc-payment-request>
  </cc-provider>`);
  const el = provider.querySelector('cc-payment-request')!;
  await until(() => $maybe(el, '#request-title'), 'the request shows');
  await settle(el);
  return { el, seeded };
}

function typeAmount(el: CcPaymentRequest, value: string) {
  const input = $<HTMLInputElement>(el, '#request-amount');
  input.focus();
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  input.blur();
}

/** The radio of the method whose label starts with `label` ("Visa", "Bank account"). */
function chooseMethod(el: CcPaymentRequest, label: string) {
  const match = [...el.shadowRoot!.querySelectorAll('.choice label')].find((l) =>
    l.textContent!.trim().startsWith(label),
  )!;
  el.shadowRoot!.getElementById(match.getAttribute('for')!)!.click();
}

const methodInputs = (el: CcPaymentRequest) => [
  ...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name="request-method"]'),
];
const primary = (el: CcPaymentRequest) => $<HTMLButtonElement>(el, '[part~="button-primary"]');
const payments = () =>
  mock.requests('/v1/customer/payment-requests/').then((all) => all.filter((r) => r.path.endsWith('/payments')));

describe('<cc-payment-request>', () => {
  beforeEach(async () => {
    await mock.reset();
    forgetSessions();
  });

  it('is accessible', async () => {
    const { el } = await mount();
    await expect(el).to.be.accessible();
  });

  it('shows what is asked, the minimum for the chosen method, and offers approve and pay in one step', async () => {
    const { el } = await mount();
    const facts = $(el, '.facts').textContent!.replace(/\s+/g, ' ');
    expect(facts).to.contain('Amount requested$1,000.00');
    expect(facts).to.contain('NoteMarch deliveries');
    expect($(el, '#request-status').textContent).to.equal('Awaiting your approval');
    expect($<HTMLInputElement>(el, '#request-amount').value, 'the whole amount by default').to.equal('1,000.00');
    expect(primary(el).textContent!.trim()).to.equal('Approve and pay $1,000.00');
    const hint = () => $(el, '#request-amount-hint').textContent;
    expect(hint()).to.equal('At least $500.00 with this payment method, up to $1,000.00.');
    chooseMethod(el, 'Bank account');
    await settle(el);
    expect(hint(), 'the ACH minimum').to.equal('At least $250.00 with this payment method, up to $1,000.00.');
  });

  it('approves and pays part in one step, firing approved then succeeded', async () => {
    const { el, seeded } = await mount();
    const events: string[] = [];
    el.addEventListener('cc-payment-request-approved', (e) => events.push(e.type));
    const approved = nextEvent<CcPaymentRequestApprovedEvent>(el, 'cc-payment-request-approved');
    const paid = nextEvent<CcPaymentSucceededEvent>(el, 'cc-payment-succeeded');
    el.addEventListener('cc-payment-succeeded', (e) => events.push(e.type));
    typeAmount(el, '600');
    primary(el).click();
    expect((await approved).detail).to.deep.equal({
      paymentRequestId: seeded.requests[0]!.id,
      contactId: seeded.contact.id,
    });
    const { detail } = await paid;
    expect(detail).to.deep.equal({
      paymentId: detail.paymentId,
      amount: 60000,
      currency: 'USD',
      paymentRequestId: seeded.requests[0]!.id,
    });
    expect(detail.paymentId).to.match(/^pay_/);
    expect(events).to.deep.equal(['cc-payment-request-approved', 'cc-payment-succeeded']);
    const [request] = await payments();
    expect(request!.body).to.deep.equal({
      amount: 60000,
      paymentMethodId: seeded.methods.find((m) => m.isDefault)!.id,
    });
    await until(() => $(el, '#request-status').textContent === 'Partially paid', 'status read again');
    expect(focused(el)?.id).to.equal('request-outcome');
    expect($(el, '#request-outcome').textContent).to.equal('Thank you: your payment of $600.00 went through.');
    expect($(el, '.facts').textContent!.replace(/\s+/g, ' ')).to.contain('Left to pay$400.00');
    expect(primary(el).textContent!.trim(), 'approved now: Pay').to.equal('Pay $400.00');
    await expect(el).to.be.accessible();
  });

  it('refuses a partial payment below the minimum before sending, and allows the whole remainder', async () => {
    const { el } = await mount(oneRequest({ requests: [{ amount: 100000, status: 'approved' }] }));
    typeAmount(el, '499.99');
    await settle(el);
    expect(errorOf(el, 'request-amount')).to.equal(
      'Pay at least $500.00 with this payment method, or the whole amount left.',
    );
    primary(el).click();
    await settle(el);
    expect(focused(el)?.id).to.equal('request-amount');
    expect(await payments()).to.have.length(0);
    chooseMethod(el, 'Bank account');
    await settle(el);
    expect(errorOf(el, 'request-amount'), 'ACH allows 25 %').to.equal(undefined);
    typeAmount(el, '1,000.01');
    await settle(el);
    expect(errorOf(el, 'request-amount')).to.equal('You can pay at most $1,000.00.');
    await expect(el).to.be.accessible();
  });

  it('shows a server 422 (exceeds_remaining_balance) at the amount', async () => {
    const { el, seeded } = await mount(oneRequest({ requests: [{ amount: 100000, status: 'approved' }] }));
    // Another tab pays $700.00 meanwhile.
    const other = await fetch(`/v1/customer/payment-requests/${seeded.requests[0]!.id}/payments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${seeded.session.token}` },
      body: JSON.stringify({ amount: 70000, paymentMethodId: seeded.methods[0]!.id }),
    });
    expect(other.status).to.equal(201);
    const failed = nextEvent<CcPaymentFailedEvent>(el, 'cc-payment-failed');
    typeAmount(el, '500');
    primary(el).click();
    expect((await failed).detail).to.deep.include({
      amount: 50000,
      currency: 'USD',
      code: 'exceeds_remaining_balance',
    });
    await until(() => errorOf(el, 'request-amount'), 'field error');
    expect(errorOf(el, 'request-amount')).to.equal('You can pay at most $300.00.');
    expect(focused(el)?.id).to.equal('request-amount');
    await until(() => $(el, '.facts').textContent!.includes('$300.00'), 'numbers read again');
  });

  it('shows a declined card (402) in plain words and fires cc-payment-failed with the payment id', async () => {
    const { el, seeded } = await mount(
      oneRequest({
        requests: [{ amount: 100000, status: 'approved' }],
        methods: [{ type: 'card', number: '4000000000000002' }],
      }),
    );
    const failed = nextEvent<CcPaymentFailedEvent>(el, 'cc-payment-failed');
    primary(el).click();
    const { detail } = await failed;
    expect(detail).to.deep.equal({
      paymentId: detail.paymentId,
      amount: 100000,
      currency: 'USD',
      code: 'card_declined',
      paymentRequestId: seeded.requests[0]!.id,
    });
    expect(detail.paymentId).to.match(/^pay_/);
    await settle(el);
    expect($(el, '[role="alert"]').textContent).to.equal(
      'Your card was declined. Try another payment method, or contact your card issuer.',
    );
    expect(focused(el)?.id).to.equal('request-alert');
    expect($(el, '#request-status').textContent, 'no money moved').to.equal('Approved');
    await expect(el).to.be.accessible();
  });

  it('approves alone, and declines', async () => {
    const { el, seeded } = await mount();
    const approved = nextEvent<CcPaymentRequestApprovedEvent>(el, 'cc-payment-request-approved');
    $(el, '#request-approve').click();
    await approved;
    await settle(el);
    expect($(el, '#request-status').textContent).to.equal('Approved');
    expect($(el, '#request-outcome').textContent).to.equal('You approved this payment request.');
    expect(await payments()).to.have.length(0);

    const second = await walletMock.seed(walletKeys.valid, oneRequest());
    storeSession(second.session.token);
    el.requestId = second.requests[0]!.id;
    await until(() => $maybe(el, '#request-decline'), 'the second request');
    const declined = nextEvent<CcPaymentRequestDeclinedEvent>(el, 'cc-payment-request-declined');
    $(el, '#request-decline').click();
    expect((await declined).detail).to.deep.equal({
      paymentRequestId: second.requests[0]!.id,
      contactId: second.contact.id,
    });
    await settle(el);
    expect($(el, '#request-status').textContent).to.equal('Declined');
    expect($maybe(el, 'form'), 'nothing to pay').to.equal(null);
    expect(seeded.requests[0]!.id).not.to.equal(second.requests[0]!.id);
  });

  it('asks for a payment method first when there is none, then pays with it', async () => {
    const { el } = await mount(oneRequest({ methods: [], requests: [{ amount: 5000, status: 'approved' }] }));
    const form = $(el, 'cc-payment-method-form');
    await until(() => form.shadowRoot?.querySelector('#method-cardNumber'), 'the inline method form');
    for (const [id, value] of [
      ['method-cardNumber', testCards.ok],
      ['method-expiry', '12/39'],
      ['method-cvc', '123'],
    ] as const) {
      const input = form.shadowRoot!.querySelector<HTMLInputElement>(`#${id}`)!;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    }
    form.shadowRoot!.querySelector<HTMLButtonElement>('[part~="button-primary"]')!.click();
    await until(() => methodInputs(el).length === 1, 'the new method is offered');
    expect(methodInputs(el)[0]!.checked).to.equal(true);
    const paid = nextEvent<CcPaymentSucceededEvent>(el, 'cc-payment-succeeded');
    primary(el).click();
    expect((await paid).detail.amount).to.equal(5000);
  });
});
