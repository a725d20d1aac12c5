import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { $, $maybe, errorOf, focused, mock, nextEvent, settle, until } from '../../../test/helpers.js';
import { forgetSessions, storeSession, walletKeys, walletMock, type Seeded } from '../../../test/wallet-helpers.js';
import '../../define/cc-dispute-form.js';
import type { CcDisputeSavedEvent } from '../../events/cc-dispute-saved-event.js';
import type { CcErrorEvent } from '../../events/cc-error-event.js';
import type { CcDisputeForm } from './dispute-form.js';

/** A contact with one open invoice of $1,250.00 (balance $1,000.00), its session in the tab, and the form for that invoice. */
async function mount(
  options: { key?: string; locale?: string; balance?: number; status?: string; currency?: string } = {},
) {
  const seeded = await walletMock.seed(options.key ?? walletKeys.valid, {
    invoices: [
      {
        amount: 125000,
        balance: options.balance ?? 100000,
        number: 'INV-1001',
        ...(options.currency ? { currency: options.currency } : {}),
        ...(options.status ? { status: options.status as 'open' } : {}),
      },
    ],
  });
  storeSession(seeded.session.token);
  const provider =
    await fixture(html`<cc-provider publishable-key=${options.key ?? walletKeys.valid} locale=${options.locale ?? 'en'}>
    <button id="before">Before</button>
    <cc-dispute-form invoice-id=${seeded.invoices[0]!.id}></cc-dispute-form>
  </cc-provider>`);
  const el = provider.querySelector<CcDisputeForm>('cc-dispute-form')!;
  await until(() => $maybe(el, '#dispute-title'), 'the form shows');
  await settle(el);
  return { el, seeded, provider };
}

function type(el: CcDisputeForm, id: string, value: string) {
  const control = $<HTMLInputElement | HTMLTextAreaElement>(el, `#${id}`);
  control.focus();
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  control.blur();
}

const labelOf = (el: CcDisputeForm, id: string) => $(el, `label[for="${id}"]`).textContent!.trim();
const save = (el: CcDisputeForm) => $(el, '[part~="button-primary"]').click();
const disputeRequests = (seeded: Seeded) => mock.requests(`/v1/customer/invoices/${seeded.invoices[0]!.id}/disputes`);

describe('<cc-dispute-form>', () => {
  beforeEach(async () => {
    await mock.reset();
    forgetSessions();
  });

  it('is accessible', async () => {
    const { el } = await mount();
    await expect(el).to.be.accessible();
  });

  it('is accessible with errors shown and once saved', async () => {
    const { el } = await mount();
    save(el);
    await until(() => errorOf(el, 'dispute-explanation'), 'errors show');
    await expect(el).to.be.accessible();
    type(el, 'dispute-explanation', 'Two pallets arrived damaged.');
    type(el, 'dispute-amount', '250.00');
    const saved = nextEvent(el, 'cc-dispute-saved');
    save(el);
    await saved;
    await settle(el);
    await expect(el).to.be.accessible();
  });

  it('has a message box, a read-only "Invoice Amount" with the balance, a "Dispute Amount" and a "Save" button', async () => {
    const { el } = await mount();
    const explanation = $<HTMLTextAreaElement>(el, '#dispute-explanation');
    expect(explanation.localName).to.equal('textarea');
    expect(labelOf(el, 'dispute-explanation')).to.equal('Explanation');
    expect(explanation.required).to.equal(true);
    expect(labelOf(el, 'dispute-invoice-amount')).to.equal('Invoice Amount');
    const invoiceAmount = $<HTMLInputElement>(el, '#dispute-invoice-amount');
    expect(invoiceAmount.readOnly).to.equal(true);
    expect(invoiceAmount.value, 'the current balance, not the invoice total').to.equal('$1,000.00');
    expect(labelOf(el, 'dispute-amount')).to.equal('Dispute Amount');
    const button = $<HTMLButtonElement>(el, 'button[type="submit"]');
    expect(button.textContent!.trim()).to.equal('Save');
    expect($(el, '#dispute-title').textContent).to.equal('Dispute invoice INV-1001');
  });

  it('reads decimals from the ISO 4217 table, not the browser: "1.234" IQD is 1234 fils, HUF shows 2 decimals', async () => {
    const { el, seeded } = await mount({ currency: 'IQD', balance: 5000000 });
    expect($<HTMLInputElement>(el, '#dispute-invoice-amount').value.replace(/\s/g, ' '), 'IQD has 3 decimals').to.equal(
      'IQD 5,000.000',
    );
    type(el, 'dispute-explanation', 'Short delivery.');
    type(el, 'dispute-amount', '1.234');
    const saved = nextEvent<CcDisputeSavedEvent>(el, 'cc-dispute-saved');
    save(el);
    expect((await saved).detail.amount).to.equal(1234);
    const [request] = await disputeRequests(seeded);
    expect(request!.body).to.deep.include({ amount: 1234 });

    await mock.reset();
    const huf = await mount({ currency: 'HUF', balance: 123456 });
    expect(
      $<HTMLInputElement>(huf.el, '#dispute-invoice-amount').value.replace(/\s/g, ' '),
      'HUF has 2 decimals',
    ).to.equal('HUF 1,234.56');
    type(huf.el, 'dispute-amount', '0.005');
    await settle(huf.el);
    expect(errorOf(huf.el, 'dispute-amount')).to.equal('HUF amounts have at most 2 decimals.');
  });

  it('is submitted with the keyboard alone and fires cc-dispute-saved', async () => {
    const { el, seeded } = await mount();
    const saved = nextEvent<CcDisputeSavedEvent>(el, 'cc-dispute-saved');
    el.parentElement!.querySelector<HTMLButtonElement>('#before')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.id).to.equal('dispute-explanation');
    await sendKeys({ type: 'The second shipment never arrived.' });
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.id, 'the read-only amount is reachable').to.equal('dispute-invoice-amount');
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.id).to.equal('dispute-amount');
    await sendKeys({ type: '400.50' });
    await sendKeys({ press: 'Tab' });
    expect((focused(el) as HTMLElement).textContent!.trim()).to.equal('Save');
    await sendKeys({ press: 'Enter' });
    const { detail } = await saved;
    const [request] = await disputeRequests(seeded);
    expect(request!.body).to.deep.equal({ amount: 40050, explanation: 'The second shipment never arrived.' });
    expect(detail).to.deep.equal({ disputeId: detail.disputeId, invoiceId: seeded.invoices[0]!.id, amount: 40050 });
    expect(detail.disputeId).to.match(/^dsp_/);
    await settle(el);
    expect(focused(el)?.id).to.equal('dispute-outcome');
    expect($(el, '[part="status"]').textContent).to.equal('Disputed');
    expect($(el, '#dispute-outcome').textContent).to.equal(
      "Invoice INV-1001 is now disputed. We've told Northwind Industrial Supply; you'll hear back by email.",
    );
    expect($maybe(el, 'form'), 'no second dispute').to.equal(null);
  });

  it('refuses a Dispute Amount above the balance on leaving the field and on Save, without a request', async () => {
    const { el, seeded } = await mount();
    type(el, 'dispute-explanation', 'Wrong unit price on line 2.');
    type(el, 'dispute-amount', '1,000.01');
    await settle(el);
    expect(errorOf(el, 'dispute-amount')).to.equal(
      "The dispute amount can't be more than the invoice amount, $1,000.00.",
    );
    save(el);
    await settle(el);
    expect(focused(el)?.id).to.equal('dispute-amount');
    expect(await disputeRequests(seeded)).to.have.length(0);
    type(el, 'dispute-amount', '1,000.00');
    await settle(el);
    expect(errorOf(el, 'dispute-amount'), 'the whole balance is allowed').to.equal(undefined);
  });

  it('refuses zero, garbage and too many decimals in the Dispute Amount', async () => {
    const { el } = await mount();
    type(el, 'dispute-amount', '0');
    await settle(el);
    expect(errorOf(el, 'dispute-amount')).to.equal('Enter an amount above zero.');
    type(el, 'dispute-amount', 'ten dollars');
    await settle(el);
    expect(errorOf(el, 'dispute-amount')).to.equal('Enter an amount like 100.00.');
    type(el, 'dispute-amount', '10.005');
    await settle(el);
    expect(errorOf(el, 'dispute-amount')).to.equal('USD amounts have at most 2 decimals.');
  });

  it('shows a server 422 on the amount at the Dispute Amount, with the balance as it now is', async () => {
    const { el, seeded } = await mount();
    // A payment lands elsewhere after the form opened: the balance is now $300.00.
    await walletMock.patchInvoice(seeded.invoices[0]!.id, { balance: 30000, status: 'partially_paid' });
    const errors: string[] = [];
    el.addEventListener('cc-error', (event) => errors.push(event.detail.code));
    type(el, 'dispute-explanation', 'Damaged goods.');
    type(el, 'dispute-amount', '500.00');
    save(el);
    await until(() => errorOf(el, 'dispute-amount'), 'the field error');
    expect(errorOf(el, 'dispute-amount')).to.equal(
      "The dispute amount can't be more than the invoice amount, $300.00.",
    );
    expect($<HTMLInputElement>(el, '#dispute-invoice-amount').value).to.equal('$300.00');
    expect(focused(el)?.id).to.equal('dispute-amount');
    expect($maybe(el, '[role="alert"]'), 'no form alert for a field error').to.equal(null);
    expect(errors, 'field errors are not cc-error').to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('requires the explanation, counts its characters and caps it at 2,000', async () => {
    const { el, seeded } = await mount();
    type(el, 'dispute-amount', '10');
    save(el);
    await settle(el);
    expect(errorOf(el, 'dispute-explanation')).to.equal('Explanation: this field is required.');
    expect(focused(el)?.id).to.equal('dispute-explanation');
    type(el, 'dispute-explanation', 'x'.repeat(2001));
    await settle(el);
    expect($(el, '#dispute-explanation-count').textContent).to.equal('2,001 of 2,000 characters');
    expect(errorOf(el, 'dispute-explanation')).to.equal('Shorten the explanation to 2,000 characters or fewer.');
    type(el, 'dispute-explanation', `  ${'x'.repeat(2000)}  `);
    await settle(el);
    expect($(el, '#dispute-explanation-count').textContent, 'counted as the API counts it, trimmed').to.equal(
      '2,000 of 2,000 characters',
    );
    expect(errorOf(el, 'dispute-explanation')).to.equal(undefined);
    expect(await disputeRequests(seeded)).to.have.length(0);
  });

  it('explains 409 dispute_already_open in a form alert and fires cc-error', async () => {
    const { el, seeded } = await mount();
    await walletMock.patchInvoice(seeded.invoices[0]!.id, { status: 'disputed' });
    const failed = nextEvent<CcErrorEvent>(el, 'cc-error');
    type(el, 'dispute-explanation', 'Damaged goods.');
    type(el, 'dispute-amount', '5');
    save(el);
    expect((await failed).detail.code).to.equal('dispute_already_open');
    await settle(el);
    expect($(el, '[role="alert"]').textContent).to.equal('This invoice already has an open dispute.');
    expect(focused(el)?.id).to.equal('dispute-alert');
    expect($(el, '[part="status"]').textContent).to.equal('Disputed');
  });

  it('shows a disputed or paid invoice without the form', async () => {
    const { el } = await mount({ status: 'paid', balance: 0 });
    expect($maybe(el, 'form')).to.equal(null);
    expect($(el, '#dispute-outcome').textContent).to.equal("This invoice can't be disputed: it is paid.");
  });

  it('keeps the three labels in Spanish and French translations', async () => {
    const { el } = await mount({ locale: 'es' });
    expect(labelOf(el, 'dispute-invoice-amount')).to.equal('Importe de la factura');
    expect(labelOf(el, 'dispute-amount')).to.equal('Importe en disputa');
    expect($(el, 'button[type="submit"]').textContent!.trim()).to.equal('Guardar');
    el.locale = 'fr'; // French is fetched on demand: the form re-renders when it arrives
    await until(() => labelOf(el, 'dispute-invoice-amount') !== 'Importe de la factura', 'French loaded');
    await settle(el);
    expect(labelOf(el, 'dispute-invoice-amount')).to.equal('Montant de la facture');
    expect(labelOf(el, 'dispute-amount')).to.equal('Montant contesté');
    expect($<HTMLInputElement>(el, '#dispute-invoice-amount').value.replace(/\s/g, ' ')).to.equal('1 000,00 $US');
    expect($(el, 'button[type="submit"]').textContent!.trim()).to.equal('Enregistrer');
  });

  it('reads the amount in the invoice currency and the page locale (EUR in German)', async () => {
    const { el, seeded } = await mount({ key: walletKeys.locked, locale: 'de' });
    expect($<HTMLInputElement>(el, '#dispute-invoice-amount').value.replace(/\s/g, ' ')).to.equal('1.000,00 €');
    type(el, 'dispute-explanation', 'Falsche Menge.');
    type(el, 'dispute-amount', '12,5');
    const saved = nextEvent<CcDisputeSavedEvent>(el, 'cc-dispute-saved');
    save(el);
    expect((await saved).detail.amount).to.equal(1250);
    expect((await disputeRequests(seeded))[0]!.body).to.deep.equal({ amount: 1250, explanation: 'Falsche Menge.' });
  });

  it('with cancelable, closes on Escape and Cancel with cc-cancel', async () => {
    const { el } = await mount();
    el.cancelable = true;
    await settle(el);
    let cancels = 0;
    el.addEventListener('cc-cancel', () => cancels++);
    $(el, '#dispute-amount').focus();
    await sendKeys({ press: 'Escape' });
    expect(cancels).to.equal(1);
    [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Cancel')!.click();
    expect(cancels).to.equal(2);
  });
});
