import { expect, fixture, html } from '@open-wc/testing';
import { $, $maybe, errorOf, focused, mock, nextEvent, settle, until } from '../../../test/helpers.js';
import {
  forgetSessions,
  storeSession,
  testAch,
  testCards,
  walletKeys,
  walletMock,
} from '../../../test/wallet-helpers.js';
import '../../define/cc-payment-method-form.js';
import type { CcErrorEvent } from '../../events/cc-error-event.js';
import type { CcPaymentMethodAddedEvent } from '../../events/cc-payment-method-added-event.js';
import type { CcPaymentMethodForm } from './payment-method-form.js';

async function mount(locale = 'en') {
  const seeded = await walletMock.seed(walletKeys.valid);
  storeSession(seeded.session.token);
  const provider = await fixture(html`<cc-provider publishable-key=${walletKeys.valid} locale=${locale}>
    <cc-payment-method-form></cc-payment-method-form>
  </cc-provider>`);
  const el = provider.querySelector('cc-payment-method-form')!;
  await until(() => $maybe(el, 'form'), 'the form shows');
  await settle(el);
  return { el, seeded };
}

function type(el: CcPaymentMethodForm, id: string, value: string) {
  const control = $<HTMLInputElement>(el, `#${id}`);
  control.focus();
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  control.blur();
}

const save = (el: CcPaymentMethodForm) => $(el, '[part~="button-primary"]').click();
const labels = (el: CcPaymentMethodForm) =>
  [...el.shadowRoot!.querySelectorAll('form label')].map((l) => l.textContent!.trim());

describe('<cc-payment-method-form>', () => {
  beforeEach(async () => {
    await mock.reset();
    forgetSessions();
  });

  it('is accessible', async () => {
    const { el } = await mount();
    await expect(el).to.be.accessible();
  });

  it('is accessible with errors, for a bank account', async () => {
    const { el } = await mount();
    $<HTMLInputElement>(el, '#method-type-ach').click();
    save(el);
    await settle(el);
    await expect(el).to.be.accessible();
  });

  it('adds a card: labelled fields, autocomplete, and cc-payment-method-added with the new method', async () => {
    const { el } = await mount();
    expect(labels(el)).to.deep.equal(['Card', 'Bank account (ACH)', 'Card number', 'Expiry date', 'Security code']);
    expect($(el, '#method-cardNumber').getAttribute('autocomplete')).to.equal('cc-number');
    type(el, 'method-cardNumber', testCards.ok);
    type(el, 'method-expiry', '08/39');
    type(el, 'method-cvc', '123');
    const added = nextEvent<CcPaymentMethodAddedEvent>(el, 'cc-payment-method-added');
    save(el);
    const { paymentMethod } = (await added).detail;
    expect(paymentMethod).to.include({
      type: 'card',
      brand: 'visa',
      last4: '4242',
      expMonth: 8,
      expYear: 2039,
      isDefault: true,
    });
    expect(paymentMethod.id).to.match(/^pm_/);
    const [request] = await mock.requests('/v1/customer/payment-methods');
    expect(request!.body).to.deep.equal({
      type: 'card',
      card: { number: '4242424242424242', expMonth: 8, expYear: 2039, cvc: '123' },
    });
    await settle(el);
    expect(focused(el)?.id).to.equal('method-added');
    expect($(el, '#method-added').textContent).to.equal('Visa ending in 4242 was added.');
    expect($<HTMLInputElement>(el, '#method-cardNumber').value, 'nothing typed stays in the page').to.equal('');
  });

  it('adds a bank account', async () => {
    const { el } = await mount();
    $<HTMLInputElement>(el, '#method-type-ach').click();
    await settle(el);
    expect(labels(el).slice(2)).to.deep.equal(['Routing number', 'Account number', 'Account holder name']);
    type(el, 'method-routingNumber', '110000000');
    type(el, 'method-accountNumber', testAch.ok);
    type(el, 'method-accountHolder', 'Harbor Freight Logistics LLC');
    const added = nextEvent<CcPaymentMethodAddedEvent>(el, 'cc-payment-method-added');
    save(el);
    expect((await added).detail.paymentMethod).to.include({ type: 'ach', brand: 'bank_account', last4: '6789' });
  });

  it('validates like the processor before sending: Luhn, expiry, security code', async () => {
    const { el } = await mount();
    type(el, 'method-cardNumber', '4242 4242 4242 4241');
    type(el, 'method-expiry', '13/30');
    type(el, 'method-cvc', '12');
    await settle(el);
    expect(errorOf(el, 'method-cardNumber')).to.equal('Enter the card number as it appears on the card.');
    expect(errorOf(el, 'method-expiry')).to.equal('Enter the expiry date as MM/YY, like 08/29.');
    expect(errorOf(el, 'method-cvc')).to.equal('Enter the 3 or 4 digit security code.');
    type(el, 'method-expiry', '01/20');
    await settle(el);
    expect(errorOf(el, 'method-expiry')).to.equal('This card has expired. Use another card.');
    save(el);
    await settle(el);
    expect(focused(el)?.id).to.equal('method-cardNumber');
    expect(await mock.requests('/v1/customer/payment-methods')).to.have.length(0);
  });

  it('says so when the session has expired, with cc-error', async () => {
    const { el, seeded } = await mount();
    $<HTMLInputElement>(el, '#method-type-ach').click();
    await settle(el);
    type(el, 'method-routingNumber', '110000000');
    type(el, 'method-accountNumber', '0001234567');
    type(el, 'method-accountHolder', 'Harbor');
    await walletMock.expireSession(seeded.session.token);
    const failed = nextEvent<CcErrorEvent>(el, 'cc-error');
    save(el);
    expect((await failed).detail.code).to.equal('session_expired');
    await settle(el);
    expect($(el, 'h2').textContent).to.equal('Your secure link has expired');
  });
});
