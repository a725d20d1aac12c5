import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { LitElement } from 'lit';
import { $, $maybe, focused, loseNextAnswer, mock, nextEvent, settle, until } from '../../../test/helpers.js';
import {
  forgetSessions,
  openWalletLink,
  storeSession,
  walletKeys,
  walletMock,
  type SeedSpec,
} from '../../../test/wallet-helpers.js';
import '../../define/cc-wallet.js';
import type { CcDisputeSavedEvent } from '../../events/cc-dispute-saved-event.js';
import type { CcPaymentFailedEvent } from '../../events/cc-payment-failed-event.js';
import type { CcPaymentRequestApprovedEvent } from '../../events/cc-payment-request-approved-event.js';
import type { CcPaymentSucceededEvent } from '../../events/cc-payment-succeeded-event.js';
import type { CcWallet } from './wallet.js';

const full: SeedSpec = {
  terms: { netDays: 45, creditLimit: 2500000, currency: 'USD' },
  invoices: [
    { amount: 125000, number: 'INV-1001', dueDate: '2024-01-15' },
    { amount: 40000, number: 'INV-1002', dueDate: '2099-06-30' },
    { amount: 9900, number: 'INV-1003', status: 'paid', balance: 0 },
  ],
  requests: [{ amount: 50000, memo: 'Spring order deposit' }],
  methods: [{ type: 'card' }],
};

async function mount(spec: SeedSpec = full, key = walletKeys.valid) {
  const seeded = await walletMock.seed(key, spec);
  storeSession(seeded.session.token);
  const provider = await fixture(
    html`<cc-provider publishable-key=${key} locale="en"><cc-wallet></cc-wallet></cc-provider>`,
  );
  const el = provider.querySelector('cc-wallet')!;
  await until(() => $maybe(el, '#wallet-title'), 'the wallet shows');
  await settle(el);
  return { el, seeded };
}

const rows = (el: CcWallet, table = 'invoices-title') =>
  [...el.shadowRoot!.querySelectorAll(`table[aria-labelledby="${table}"] tbody tr[part="row"]:not(.panel-row)`)].map(
    (row) => [...row.children].map((cell) => cell.textContent!.replace(/\s+/g, ' ').trim()),
  );
const button = (el: CcWallet, label: string) => $<HTMLButtonElement>(el, `button[aria-label="${label}"]`);
const inner = <E extends Element>(host: Element | null, selector: string) =>
  host?.shadowRoot?.querySelector<E>(selector) ?? null;

/** A test-only element that renders the provider and the wallet inside its own shadow root. */
class WalletHost extends LitElement {
  override render() {
    return html`<cc-provider publishable-key=${walletKeys.valid} locale="en"><cc-wallet></cc-wallet></cc-provider>`;
  }
}
customElements.define('wallet-host', WalletHost);

describe('<cc-wallet>', () => {
  beforeEach(async () => {
    await mock.reset();
    forgetSessions();
  });

  it('is accessible', async () => {
    const { el } = await mount();
    await expect(el).to.be.accessible();
  });

  it('is accessible while loading, empty, and with a form open in place', async () => {
    const seeded = await walletMock.seed(walletKeys.valid);
    storeSession(seeded.session.token);
    const provider = await fixture(
      html`<cc-provider publishable-key=${walletKeys.valid} locale="en"><cc-wallet></cc-wallet></cc-provider>`,
    );
    const el = provider.querySelector('cc-wallet')!;
    await expect(el).to.be.accessible();
    await until(() => $maybe(el, '#wallet-title'), 'the wallet shows');
    expect(el.shadowRoot!.textContent).to.contain('No invoices yet.');
    expect(el.shadowRoot!.textContent).to.contain('No payment methods yet.');
    await expect(el).to.be.accessible();
    $(el, '#add-method').click();
    await until(() => inner($maybe(el, 'cc-payment-method-form'), 'form'), 'the method form');
    await expect(el).to.be.accessible();
  });

  it('shows terms and invoices in a table: number, balance, due date, status and overdue', async () => {
    const { el } = await mount();
    expect($(el, '#wallet-title').textContent).to.equal('Your account with Northwind Industrial Supply');
    expect($(el, '.facts').textContent!.replace(/\s+/g, ' ')).to.contain(
      'Net 45: pay each invoice within 45 days of its issue date',
    );
    expect($(el, 'table[part="table"] thead').textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      'Invoice Balance Due date Status Actions',
    );
    expect(rows(el)).to.deep.equal([
      ['INV-1003', '$0.00', 'Dec 31, 2099', 'Paid', ''],
      ['INV-1002', '$400.00', 'Jun 30, 2099', 'Open', 'Pay Dispute'],
      ['INV-1001', '$1,250.00', 'Jan 15, 2024', 'Open Overdue', 'Pay Dispute'],
    ]);
    expect(el.shadowRoot!.textContent).to.contain('Spring order deposit');
    expect(el.shadowRoot!.textContent).to.contain('Visa ending in 4242');
  });

  it('shows older invoices on request, keeps them through a reload, and pays one of them', async () => {
    const many: SeedSpec = {
      invoices: Array.from({ length: 57 }, (_, i) => ({
        amount: 1000 + i,
        number: `INV-${2001 + i}`,
        dueDate: '2099-01-31',
      })),
      methods: [{ type: 'card' }],
    };
    const { el } = await mount(many);
    expect(rows(el).length).to.equal(50);
    expect(rows(el)[0]![0]).to.equal('INV-2057');
    const older = $<HTMLButtonElement>(el, '#older-invoices');
    expect(older.textContent!.trim()).to.equal('Show older invoices');
    await expect(el).to.be.accessible();
    older.click();
    await until(() => rows(el).length === 57, 'the older invoices');
    expect(rows(el).at(-1)![0]).to.equal('INV-2001');
    expect($maybe(el, '#older-invoices'), 'nothing older left').to.equal(null);
    expect(
      el.shadowRoot!.querySelector('section[aria-labelledby="invoices-title"] [role="status"]')!.textContent,
    ).to.equal('7 older invoices shown.');
    await until(() => focused(el)?.textContent === 'INV-2007', 'focus on the first invoice that came');
    const requests = await mock.requests('/v1/customer/invoices');
    expect(requests.at(-1)!.query).to.match(/^limit=50&startingAfter=inv_/);
    // Paying an older one reloads the wallet: the older invoices stay, up to date.
    button(el, 'Pay invoice INV-2001').click();
    await settle(el);
    $(el, '#pay-title ~ form [part~="button-primary"]').click();
    await until(
      () => rows(el).some((row) => row[0] === 'INV-2001' && row[3] === 'Paid'),
      'the older invoice shows as paid',
    );
    expect(rows(el).length).to.equal(57);
  });

  it('shows older payment requests on request, with focus on the first that came', async () => {
    const many: SeedSpec = {
      requests: Array.from({ length: 53 }, (_, i) => ({ amount: 1000 + i, memo: `Deposit ${i + 1}` })),
      methods: [{ type: 'card' }],
    };
    const { el } = await mount(many);
    const memos = () =>
      [...el.shadowRoot!.querySelectorAll('section[aria-labelledby="requests-title"] li[id^="request-"]')].map(
        (li) => li.textContent!.match(/Deposit \d+/)![0],
      );
    expect(memos().length).to.equal(50);
    $<HTMLButtonElement>(el, '#older-requests').click();
    await until(() => memos().length === 53, 'the older requests');
    expect(memos().at(-1)).to.equal('Deposit 1');
    expect($maybe(el, '#older-requests')).to.equal(null);
    expect(
      el.shadowRoot!.querySelector('section[aria-labelledby="requests-title"] [role="status"]')!.textContent,
    ).to.equal('3 older payment requests shown.');
    await until(() => focused(el)?.textContent?.includes('Deposit 3') ?? false, 'focus on the first request that came');
    await expect(el).to.be.accessible();
  });

  it('pays an invoice with the chosen method', async () => {
    const { el, seeded } = await mount();
    const invoice = seeded.invoices[1]!;
    button(el, 'Pay invoice INV-1002').click();
    await settle(el);
    expect(focused(el)?.id, 'focus moves into the panel').to.equal(`pay-method-${seeded.methods[0]!.id}`);
    const paid = nextEvent<CcPaymentSucceededEvent>(el, 'cc-payment-succeeded');
    $(el, '#pay-title ~ form [part~="button-primary"]').click();
    const { detail } = await paid;
    expect(detail).to.deep.equal({
      paymentId: detail.paymentId,
      amount: 40000,
      currency: 'USD',
      invoiceId: invoice.id,
    });
    expect((await mock.requests(`/v1/customer/invoices/${invoice.id}/payments`))[0]!.body).to.deep.equal({
      paymentMethodId: seeded.methods[0]!.id,
    });
    await until(() => rows(el).some((row) => row[0] === 'INV-1002' && row[3] === 'Paid'), 'the invoice shows as paid');
    expect(focused(el)?.id).to.equal('wallet-announcement');
    expect($(el, '#wallet-announcement').textContent).to.equal('Thank you: invoice INV-1002 is paid ($400.00).');
  });

  it('shows a declined card (402) in plain words', async () => {
    const { el, seeded } = await mount({
      invoices: [{ amount: 40000, number: 'INV-2001' }],
      methods: [{ type: 'card', number: '4000000000009995' }],
    });
    button(el, 'Pay invoice INV-2001').click();
    await settle(el);
    const failed = nextEvent<CcPaymentFailedEvent>(el, 'cc-payment-failed');
    $(el, '#pay-title ~ form [part~="button-primary"]').click();
    const { detail } = await failed;
    expect(detail).to.deep.include({
      amount: 40000,
      currency: 'USD',
      code: 'insufficient_funds',
      invoiceId: seeded.invoices[0]!.id,
    });
    expect(detail.paymentId).to.match(/^pay_/);
    await until(() => $maybe(el, '#pay-alert'), 'the alert');
    expect($(el, '#pay-alert').textContent).to.equal(
      "The payment didn't go through: there aren't enough funds. Try another payment method.",
    );
    expect(focused(el)?.id).to.equal('pay-alert');
    await until(() => rows(el, 'payments-title').length === 1, 'the failed payment is listed');
    expect(rows(el, 'payments-title')[0]![3]).to.contain('Failed');
    await expect(el).to.be.accessible();
  });

  it('opens the dispute form in place with focus in it; Escape and Cancel return focus to the row button', async () => {
    const { el } = await mount();
    const disputeButton = button(el, 'Dispute invoice INV-1001');
    disputeButton.click();
    const form = await until(() => $maybe(el, 'cc-dispute-form'), 'the form opens').then(() =>
      $(el, 'cc-dispute-form'),
    );
    await until(
      () => inner(form, '#dispute-explanation') && form.shadowRoot!.activeElement?.id === 'dispute-explanation',
      'focus in the explanation',
    );
    expect(disputeButton.getAttribute('aria-expanded')).to.equal('true');
    expect(inner<HTMLInputElement>(form, '#dispute-invoice-amount')!.value).to.equal('$1,250.00');
    await sendKeys({ press: 'Escape' });
    await settle(el);
    expect($maybe(el, 'cc-dispute-form')).to.equal(null);
    expect(focused(el)?.getAttribute('aria-label')).to.equal('Dispute invoice INV-1001');

    button(el, 'Dispute invoice INV-1001').click();
    await until(() => inner($maybe(el, 'cc-dispute-form'), 'form'), 'open again');
    const cancel = [...$(el, 'cc-dispute-form').shadowRoot!.querySelectorAll('button')].find(
      (b) => b.textContent!.trim() === 'Cancel',
    )!;
    cancel.click();
    await settle(el);
    expect($maybe(el, 'cc-dispute-form')).to.equal(null);
    expect(focused(el)?.getAttribute('aria-label')).to.equal('Dispute invoice INV-1001');
  });

  it('saves a dispute from a row: the invoice shows as Disputed and the dispute is listed', async () => {
    const { el, seeded } = await mount();
    button(el, 'Dispute invoice INV-1002').click();
    await until(() => inner($maybe(el, 'cc-dispute-form'), 'form'), 'the form');
    const form = $(el, 'cc-dispute-form');
    const set = (id: string, value: string) => {
      const control = inner<HTMLInputElement>(form, `#${id}`)!;
      control.value = value;
      control.dispatchEvent(new Event('input'));
    };
    set('dispute-explanation', 'Billed twice for the same delivery.');
    set('dispute-amount', '400');
    const saved = nextEvent<CcDisputeSavedEvent>(el, 'cc-dispute-saved');
    inner<HTMLButtonElement>(form, '[part~="button-primary"]')!.click();
    expect((await saved).detail).to.deep.include({ invoiceId: seeded.invoices[1]!.id, amount: 40000 });
    await until(() => rows(el).some((row) => row[0] === 'INV-1002' && row[3] === 'Disputed'), 'the row shows Disputed');
    expect(inner(form, '#dispute-status')?.textContent).to.equal('Disputed');
    const disputes = $(el, 'section[aria-labelledby="disputes-title"]').textContent!.replace(/\s+/g, ' ');
    expect(disputes).to.contain('Invoice INV-1002');
    expect(disputes).to.contain('Open: the merchant is looking into it');
  });

  it('opens a payment request in place and approves it there', async () => {
    const { el, seeded } = await mount();
    button(el, 'Review the payment request for $500.00').click();
    const part = await until(() => inner($maybe(el, 'cc-payment-request'), '#request-approve'), 'the request').then(
      () => $(el, 'cc-payment-request'),
    );
    const approved = nextEvent<CcPaymentRequestApprovedEvent>(el, 'cc-payment-request-approved');
    inner<HTMLButtonElement>(part, '#request-approve')!.click();
    expect((await approved).detail.paymentRequestId).to.equal(seeded.requests[0]!.id);
    await until(
      () => $(el, 'section[aria-labelledby="requests-title"] .badge').textContent === 'Approved',
      'the list shows Approved',
    );
  });

  it('adds a payment method and makes it the default', async () => {
    const { el } = await mount();
    $(el, '#add-method').click();
    const form = await until(() => inner($maybe(el, 'cc-payment-method-form'), 'form'), 'the form').then(() =>
      $(el, 'cc-payment-method-form'),
    );
    inner<HTMLInputElement>(form, '#method-type-ach')!.click();
    await settle(form as CcWallet);
    for (const [id, value] of [
      ['method-routingNumber', '110000000'],
      ['method-accountNumber', '000123456789'],
      ['method-accountHolder', 'Harbor'],
    ]) {
      const input = inner<HTMLInputElement>(form, `#${id}`)!;
      input.value = value!;
      input.dispatchEvent(new Event('input'));
    }
    inner<HTMLButtonElement>(form, '[part~="button-primary"]')!.click();
    await until(() => el.shadowRoot!.textContent!.includes('Bank account ending in 6789'), 'the new method is listed');
    expect($maybe(el, 'cc-payment-method-form'), 'the form closed').to.equal(null);
    button(el, 'Make Bank account ending in 6789 the default').click();
    await until(() => $maybe(el, 'button[aria-label="Make Visa ending in 4242 the default"]'), 'the default moved');
  });

  it('says so when the wallet cannot load, and tries again', async () => {
    const seeded = await walletMock.seed(walletKeys.valid, full);
    storeSession(seeded.session.token);
    loseNextAnswer('/v1/customer/wallet');
    const provider = await fixture(
      html`<cc-provider publishable-key=${walletKeys.valid} locale="en"><cc-wallet></cc-wallet></cc-provider>`,
    );
    const el = provider.querySelector('cc-wallet')!;
    await until(() => $maybe(el, '[role="alert"]'), 'the error');
    expect($(el, '[role="alert"]').textContent).to.contain("We couldn't load your account.");
    await expect(el).to.be.accessible();
    $(el, '.actions button').click();
    await until(() => $maybe(el, '#wallet-title'), 'loaded on retry');
  });

  it('works inside another shadow root, from a wallet link', async () => {
    const seeded = await walletMock.seed(walletKeys.valid, full);
    openWalletLink(seeded.linkToken);
    const host = await fixture(html`<wallet-host></wallet-host>`);
    const el = host.shadowRoot!.querySelector('cc-wallet')!;
    await until(() => $maybe(el, '#wallet-title'), 'the wallet shows');
    expect(location.href).not.to.contain('cc_token');
    expect(rows(el)).to.have.length(3);
    const saved = nextEvent(document, 'cc-dispute-saved');
    button(el, 'Dispute invoice INV-1002').click();
    await until(() => inner($maybe(el, 'cc-dispute-form'), 'form'), 'the form');
    const form = $(el, 'cc-dispute-form');
    const set = (id: string, value: string) => {
      const control = inner<HTMLInputElement>(form, `#${id}`)!;
      control.value = value;
      control.dispatchEvent(new Event('input'));
    };
    set('dispute-explanation', 'Short shipped.');
    set('dispute-amount', '10');
    inner<HTMLButtonElement>(form, '[part~="button-primary"]')!.click();
    expect(((await saved) as CcDisputeSavedEvent).detail.amount, 'events leave both shadow roots').to.equal(1000);
  });

  it("applies the merchant's theme hints from the wallet when the page set none, without a publishable key", async () => {
    const seeded = await walletMock.seed(walletKeys.themed, full);
    openWalletLink(seeded.linkToken);
    const wrapper = await fixture(html`<div>
      <cc-wallet id="plain" locale="en"></cc-wallet>
    </div>`);
    const el = wrapper.querySelector<CcWallet>('#plain')!;
    await until(() => $maybe(el, '#wallet-title'), 'the hosted wallet shows without a publishable key');
    expect(el.style.getPropertyValue('--cc-color-primary')).to.equal('#fde047');
    expect(el.style.getPropertyValue('--cc-radius')).to.equal('12px');

    forgetSessions();
    const second = await walletMock.seed(walletKeys.themed, full);
    openWalletLink(second.linkToken);
    const styled = await fixture(
      html`<div style="--cc-color-primary: #7c2d12"><cc-wallet locale="en"></cc-wallet></div>`,
    );
    const themed = styled.querySelector<CcWallet>('cc-wallet')!;
    await until(() => $maybe(themed, '#wallet-title'), 'the wallet shows');
    expect(themed.style.getPropertyValue('--cc-color-primary'), 'the page wins').to.equal('');
    expect(themed.style.getPropertyValue('--cc-radius')).to.equal('12px');
  });
});
