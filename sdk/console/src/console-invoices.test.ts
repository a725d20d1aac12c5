// The console's parts in the browser against the console mock. Invoices: the form (line items, server
// errors at the fields), the list, the invoice page (edit, credit note, refund), tables on a phone,
// CSV import.
import { expect, fixture, html } from '@open-wc/testing';
import './define.js';
import {
  $,
  choose,
  consoleMock,
  focusedIn,
  hasText,
  $maybe,
  mount,
  resetAndSignIn,
  textOf,
  type,
  until,
  type TestContext,
} from '../test/console-helpers.js';
import type { ConsolePart } from './part.js';

describe('console parts', () => {
  let admin: TestContext;

  beforeEach(async () => {
    ({ admin } = await resetAndSignIn());
  });

  describe('<cc-console-invoice-form>', () => {
    it('is accessible; errors at the fields, focus on the first', async () => {
      const el = await mount(
        html`<cc-console-invoice-form .ctx=${admin}></cc-console-invoice-form>`,
        (e) => !!e.shadowRoot!.querySelector('#inv-contact option[value="ct_acme"]'),
        'the contacts',
      );
      await expect(el).to.be.accessible();
      $(el, 'button.primary').click();
      await until(() => $maybe(el, '#inv-number-error'), 'the errors');
      expect(focusedIn(el)?.id).to.equal('inv-number');
      expect($(el, '#inv-contact-error').textContent).to.equal('Choose the contact to invoice.');
      expect($(el, '#inv-amount-error').textContent).to.equal('Enter the amount.');
      await expect(el).to.be.accessible();
    });

    it('keys in line items with a live total and posts minor units', async () => {
      const el = await mount(
        html`<cc-console-invoice-form .ctx=${admin} contact-id="ct_acme"></cc-console-invoice-form>`,
        (e) => !!e.shadowRoot!.querySelector('#inv-contact option[value="ct_acme"]'),
        'the contacts',
      );
      type(el, '#inv-number', 'INV-200');
      ($(el, '#mode-lines') as HTMLInputElement).click();
      await until(() => $maybe(el, '#line-0-desc'), 'the line items');
      type(el, '#line-0-desc', 'Bolts');
      type(el, '#line-0-qty', '3');
      type(el, '#line-0-price', '19.99');
      await el.updateComplete;
      expect($(el, '#lines-total').textContent).to.equal('$59.97');
      $(el, '.lines > .page-head button').click();
      await until(() => $maybe(el, '#line-1-desc'), 'a second line');
      expect(focusedIn(el)?.id).to.equal('line-1-desc');
      type(el, '#line-1-desc', 'Freight');
      type(el, '#line-1-price', '0.03');
      await el.updateComplete;
      expect($(el, '#lines-total').textContent).to.equal('$60.00');
      await expect(el).to.be.accessible();
      $(el, 'form button.primary').click();
      await until(() => admin.navigated.includes('#/invoices'), 'back to the list');
      const { invoices } = await consoleMock.state();
      const saved = (invoices as unknown as { number: string; amount: number; lineItems: unknown[] }[]).find(
        (i) => i.number === 'INV-200',
      )!;
      expect(saved.amount).to.equal(6000);
      expect(saved.lineItems).to.deep.equal([
        { description: 'Bolts', quantity: 3, unitAmount: 1999 },
        { description: 'Freight', quantity: 1, unitAmount: 3 },
      ]);
    });

    it("shows the server's duplicate_invoice_number at the number field", async () => {
      const el = await mount(
        html`<cc-console-invoice-form .ctx=${admin} contact-id="ct_acme"></cc-console-invoice-form>`,
        (e) => !!e.shadowRoot!.querySelector('#inv-contact option[value="ct_acme"]'),
        'the contacts',
      );
      type(el, '#inv-number', 'INV-100');
      type(el, '#inv-amount', '12.50');
      $(el, 'form button.primary').click();
      await until(() => $maybe(el, '#inv-number-error'), 'the error');
      expect($(el, '#inv-number-error').textContent).to.equal('An invoice with this number already exists.');
      expect(focusedIn(el)?.id).to.equal('inv-number');
    });
  });

  describe('<cc-console-invoices>', () => {
    it('is accessible; filters by status, overdue and contact; voids', async () => {
      const el = await mount(
        html`<cc-console-invoices .ctx=${admin}></cc-console-invoices>`,
        (e) => hasText('INV-101')(e) && hasText('Cascade Machine Works')(e),
        'the list',
      );
      await expect(el).to.be.accessible();
      expect(textOf(el)).to.match(/INV-101.*Disputed.*Overdue/);
      ($(el, '#filter-overdue') as HTMLInputElement).click();
      await until(() => el.shadowRoot!.querySelectorAll('tbody tr').length === 1, 'only overdue');
      ($(el, '#filter-overdue') as HTMLInputElement).click();
      choose(el, '#filter-contact', 'ct_acme');
      await until(() => el.shadowRoot!.querySelectorAll('tbody tr').length === 1 && hasText('INV-100')(el), "Acme's");
      const realConfirm = window.confirm;
      window.confirm = () => true;
      try {
        $(el, 'tbody button.danger').click();
        await until(() => hasText('Void')(el), 'voided');
        await until(() => admin.announced.includes('Invoice INV-100 voided.'), 'the announcement');
      } finally {
        window.confirm = realConfirm;
      }
    });
  });

  describe('<cc-console-invoice>', () => {
    it('is accessible; edits an open invoice with errors at the fields, then gives a credit note', async () => {
      const el = await mount(
        html`<cc-console-invoice .ctx=${admin} invoice-id="inv_acme1"></cc-console-invoice>`,
        hasText('Invoice INV-100'),
        'the invoice',
      );
      await expect(el).to.be.accessible();
      $(el, '#edit-invoice').click();
      await until(() => $maybe(el, '#edit-amount'), 'the edit form');
      expect(focusedIn(el)?.id).to.equal('edit-amount');
      $(el, '#edit-invoice').click(); // Edit toggles: a second press closes the form, focus back on it
      await until(() => !$maybe(el, '#edit-amount') && focusedIn(el)?.id === 'edit-invoice', 'the form closed');
      $(el, '#edit-invoice').click();
      await until(() => $maybe(el, '#edit-amount'), 'the edit form again');
      type(el, '#edit-amount', '12.345');
      type(el, '#edit-due', '2026-10-01');
      $(el, 'form button.primary').click();
      await until(() => $maybe(el, '#edit-amount-error') && $maybe(el, '#edit-due-error'), 'both errors');
      expect($(el, '#edit-due-error').textContent).to.contain('before the issue date');
      expect(focusedIn(el)?.id).to.equal('edit-amount');
      await expect(el).to.be.accessible();
      type(el, '#edit-amount', '1,300.00');
      type(el, '#edit-due', '2027-01-15');
      $(el, 'form button.primary').click();
      await until(() => hasText('Invoice INV-100 saved.')(el), 'saved');
      await until(
        () => focusedIn(el)?.id === 'invoice-notice',
        'focus on what happened (the form and its Save button are gone)',
      );
      await until(() => hasText('$1,300.00')(el), 'the new amount');
      const saved = (await consoleMock.state()).invoices.find(
        (i: { id: string }) => i.id === 'inv_acme1',
      ) as unknown as { amount: number; dueDate: string };
      expect([saved.amount, saved.dueDate]).to.deep.equal([130000, '2027-01-15']);

      $(el, '#credit-invoice').click();
      await until(() => $maybe(el, '#credit-amount'), 'the credit form');
      type(el, '#credit-amount', '2,000.00');
      $(el, 'form button.primary').click();
      await until(
        () => $maybe(el, '#credit-amount-error') && $maybe(el, '#credit-reason-error'),
        'errors at amount and reason',
      );
      expect($(el, '#credit-amount-error').textContent).to.contain('$1,300.00');
      type(el, '#credit-amount', '300.00');
      type(el, '#credit-reason', 'Two cartons damaged in transit');
      $(el, 'form button.primary').click();
      await until(() => hasText('Credit of $300.00 given on invoice INV-100.')(el), 'the credit');
      await until(
        () => /Credited\s*\$300\.00/.test(textOf(el)) && /Balance\s*\$1,000\.00/.test(textOf(el)),
        'the credited amount and balance',
      );
    });

    it('refunds part of a payment: the refund shows and the balance rises', async () => {
      const el = await mount(
        html`<cc-console-invoice .ctx=${admin} invoice-id="inv_blue1"></cc-console-invoice>`,
        hasText('Invoice INV-102'),
        'the invoice',
      );
      expect($maybe(el, '#edit-invoice'), 'a partly paid invoice cannot be edited').to.equal(null);
      const payments = await until(() => $maybe(el, 'cc-console-payments'), 'the payments');
      await until(() => payments.shadowRoot?.querySelector('button[id^="refund-"]'), 'a Refund button');
      await expect(payments).to.be.accessible();
      (payments.shadowRoot!.querySelector('button[id^="refund-"]') as HTMLButtonElement).click();
      await until(() => payments.shadowRoot!.querySelector('#refund-amount'), 'the refund form');
      expect(
        (payments.shadowRoot!.querySelector('#refund-amount') as HTMLInputElement).value,
        'all that is left, by default',
      ).to.equal('200.00');
      type(payments, '#refund-amount', '250.00');
      (payments.shadowRoot!.querySelector('form button.primary') as HTMLButtonElement).click();
      await until(() => payments.shadowRoot!.querySelector('#refund-amount-error'), 'the error');
      type(payments, '#refund-amount', '50.00');
      (payments.shadowRoot!.querySelector('form button.primary') as HTMLButtonElement).click();
      await until(() => admin.announced.includes('Refunded $50.00.'), 'the refund');
      await until(() => focusedIn(payments)?.id?.startsWith('refund-'), "focus back on the payment's Refund button");
      await until(() => /Balance\s*\$350\.00/.test(textOf(el)), 'the balance rose by the refund');
      await until(() => textOf(payments).includes('$50.00'), 'the refunded amount in the list');
    });
  });

  describe('tables on a phone', () => {
    it('scroll inside their own box: nothing in them reaches past a phone-width column', async () => {
      // The column is the containing block of anything positioned that escapes the table's box
      // (the Actions heading is a visually hidden, absolutely positioned label).
      const column = await fixture<HTMLElement>(
        html`<div style="position: relative; inline-size: 320px; overflow: hidden"><cc-console-invoices .ctx=${admin}></cc-console-invoices></div>`,
      );
      const el = column.querySelector<ConsolePart>('cc-console-invoices')!;
      await until(() => hasText('INV-101')(el), 'the list');
      await el.updateComplete;
      const wrap = $(el, '.table-wrap');
      expect(wrap.scrollWidth, 'the table is wider than the column').to.be.greaterThan(wrap.clientWidth);
      expect(column.scrollWidth, 'nothing reaches past the column').to.equal(column.clientWidth);
    });
  });

  describe('<cc-console-invoice-import>', () => {
    it('checks a CSV: per-row errors, then a good file is imported', async () => {
      const el = await mount(
        html`<cc-console-invoice-import .ctx=${admin}></cc-console-invoice-import>`,
        (e) => !!e.shadowRoot!.querySelector('#csv-text'),
        'the form',
      );
      await expect(el).to.be.accessible();
      type(el, '#csv-text', 'number,contact_email\nINV-9,ap@acme.example\nINV-10,nobody@example.com');
      $(el, 'form button.primary').click();
      await until(() => $maybe(el, '#import-report'), 'the report');
      expect($(el, '#import-report').textContent).to.match(/1 of 2 rows have problems/);
      expect(textOf(el)).to.include('No contact with the email nobody@example.com.');
      expect(focusedIn(el)?.id).to.equal('import-report');
      await expect(el).to.be.accessible();
      type(el, '#csv-text', 'number,contact_email\nINV-9,ap@acme.example');
      $(el, 'form button.primary').click();
      await until(() => $maybe(el, '#import-now'), 'the import button');
      $(el, '#import-now').click();
      await until(() => hasText('Imported 1 invoice')(el), 'imported');
    });
  });
});
