import { expect, fixture, html } from '@open-wc/testing';
import './define.js';
import {
  $,
  $maybe,
  choose,
  consoleMock,
  focusedIn,
  signedIn,
  textOf,
  type,
  until,
  type TestContext,
} from '../test/console-helpers.js';
import type { ConsolePart } from './part.js';

async function mount<T extends ConsolePart>(
  template: ReturnType<typeof html>,
  ready: (el: T) => boolean,
  what: string,
): Promise<T> {
  const el = await fixture<T>(template);
  await until(() => ready(el), what);
  await el.updateComplete;
  return el;
}

const hasText = (text: string) => (el: Element) => textOf(el).includes(text);

describe('console parts', () => {
  let admin: TestContext;
  let member: TestContext;

  beforeEach(async () => {
    await consoleMock.reset();
    admin = await signedIn('admin');
    member = await signedIn('member');
  });

  describe('<cc-console-contacts>', () => {
    it('is accessible, with statuses', async () => {
      const el = await mount(
        html`<cc-console-contacts .ctx=${admin}></cc-console-contacts>`,
        hasText('Cascade Machine Works'),
        'the list',
      );
      await expect(el).to.be.accessible();
      expect(textOf(el)).to.include('Credit declined'); // the filter
      expect(textOf(el)).to.match(/Cascade Machine Works.*Authorized.*Net 45/);
    });

    it('searches with q and filters by status', async () => {
      const el = await mount(
        html`<cc-console-contacts .ctx=${admin}></cc-console-contacts>`,
        hasText('Cascade Machine Works'),
        'the list',
      );
      type(el, '#q', 'blue');
      await until(() => el.shadowRoot!.querySelectorAll('tbody tr').length === 1, 'one match');
      expect(textOf(el)).to.include('Blue Ridge Builders');
      type(el, '#q', '');
      choose(el, '#status', 'authorized');
      await until(
        () => el.shadowRoot!.querySelectorAll('tbody tr').length === 1 && hasText('Cascade')(el),
        'the authorized one',
      );
      choose(el, '#status', 'credit_declined');
      await until(() => hasText('No contacts match these filters.')(el), 'the empty state');
    });

    it('adds a contact, with errors at the fields first', async () => {
      const el = await mount(
        html`<cc-console-contacts .ctx=${admin}></cc-console-contacts>`,
        hasText('Cascade Machine Works'),
        'the list',
      );
      $(el, '.page-head button').click();
      await until(() => $maybe(el, '#new-company'), 'the form');
      $(el, '#add-contact button.primary').click();
      await until(() => $maybe(el, '#new-company-error'), 'the errors');
      expect(focusedIn(el)?.id).to.equal('new-company');
      await expect(el).to.be.accessible();
      type(el, '#new-company', 'Delta Co');
      type(el, '#new-email', 'ap@delta.example');
      $(el, '#add-contact button.primary').click();
      await until(() => admin.navigated.length, 'navigation to the new contact');
      expect(admin.navigated[0]).to.match(/^#\/contacts\/ct_/);
    });
  });

  describe('<cc-console-contact>', () => {
    it('is accessible; an admin offers terms', async () => {
      const el = await mount(
        html`<cc-console-contact .ctx=${admin} contact-id="ct_blue"></cc-console-contact>`,
        hasText('Credit decisions'),
        'the contact',
      );
      await expect(el).to.be.accessible();
      expect(textOf(el)).to.include('Strong payment history');
      expect($(el, '#offer-terms').getAttribute('aria-disabled')).to.equal('false');
      $(el, '#offer-terms').click();
      await until(() => $maybe(el, '#offer-limit'), 'the offer form');
      expect(($(el, '#offer-limit') as HTMLInputElement).value).to.equal('10,000.00');
      type(el, '#offer-limit', '5,000.00');
      $(el, 'form button.primary').click();
      await until(() => hasText('Offer sent: Net 30, $5,000.00.')(el), 'the confirmation');
      const { offers } = await consoleMock.state();
      expect(offers).to.have.length(1);
      expect(offers[0]).to.include({ creditLimit: 500000, netDays: 30, currency: 'USD' });
    });

    it('under the locked policy shows a member why terms are unavailable, and does nothing', async () => {
      const el = await mount(
        html`<cc-console-contact .ctx=${member} contact-id="ct_cascade"></cc-console-contact>`,
        hasText('Credit limit'),
        'the contact',
      );
      await expect(el).to.be.accessible();
      for (const id of ['offer-terms', 'end-contract']) {
        const button = $(el, `#${id}`);
        expect(button.getAttribute('aria-disabled')).to.equal('true');
        expect(button.getAttribute('aria-describedby')).to.equal(`${id}-reason`);
        expect($(el, `#${id}-reason`).textContent).to.match(/Terms are locked by your company's admin/);
      }
      $(el, '#offer-terms').click();
      await el.updateComplete;
      expect($maybe(el, '#offer-limit')).to.equal(null);
    });

    it('lets a member offer terms under the flexible policy', async () => {
      await consoleMock.settings({ termsPolicy: 'flexible', allowedNetDays: [30, 60] });
      member = await signedIn('member');
      const el = await mount(
        html`<cc-console-contact .ctx=${member} contact-id="ct_blue"></cc-console-contact>`,
        hasText('Credit decisions'),
        'the contact',
      );
      expect($(el, '#offer-terms').getAttribute('aria-disabled')).to.equal('false');
      $(el, '#offer-terms').click();
      await until(() => $maybe(el, '#offer-net-days'), 'the form');
      const options = [...el.shadowRoot!.querySelectorAll('#offer-net-days option')].map((o) => o.textContent);
      expect(options).to.deep.equal(['Net 30', 'Net 60']);
    });

    it('emails a wallet link', async () => {
      const el = await mount(
        html`<cc-console-contact .ctx=${admin} contact-id="ct_acme"></cc-console-contact>`,
        hasText('Wallet link'),
        'the contact',
      );
      $(el, '#send-link').click();
      await until(() => hasText('A wallet link was emailed to ap@acme.example.')(el), 'the confirmation');
    });

    it('shows an error with a retry for an unknown contact', async () => {
      const el = await mount(
        html`<cc-console-contact .ctx=${admin} contact-id="ct_nope"></cc-console-contact>`,
        hasText("couldn't load"),
        'the error',
      );
      expect($(el, '[role="alert"] button').textContent).to.equal('Try again');
      await expect(el).to.be.accessible();
    });
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

  describe('<cc-console-disputes>', () => {
    it('is accessible; shows the explanation, disputed amount and balance; resolves with a credit', async () => {
      const el = await mount(
        html`<cc-console-disputes .ctx=${admin}></cc-console-disputes>`,
        hasText('Two pumps arrived damaged.'),
        'the queue',
      );
      await expect(el).to.be.accessible();
      expect(textOf(el)).to.match(/Cascade Machine Works disputes invoice INV-101/);
      expect(textOf(el)).to.match(/Disputed amount\s*\$300\.00/);
      expect(textOf(el)).to.match(/Invoice balance\s*\$900\.00/);
      $(el, 'form button.primary').click();
      await until(() => $maybe(el, '#credit-dsp_1-error'), 'the error');
      expect(focusedIn(el)?.id).to.equal('credit-dsp_1');
      ($(el, '#credit-dsp_1') as HTMLInputElement).click();
      type(el, '#note-dsp_1', 'Credited the damaged pumps.');
      $(el, 'form button.primary').click();
      await until(() => hasText('Dispute resolved with a credit of $300.00.')(el), 'the confirmation');
      await until(() => hasText('No open disputes.')(el), 'an empty queue');
      const { disputes } = await consoleMock.state();
      expect(disputes[0]).to.include({ status: 'resolved', outcome: 'credit', note: 'Credited the damaged pumps.' });
    });
  });

  describe('<cc-console-settings>', () => {
    it('is accessible; the worked example follows the minimums as typed', async () => {
      const el = await mount(
        html`<cc-console-settings .ctx=${admin}></cc-console-settings>`,
        hasText('Terms-lock policy'),
        'the form',
      );
      await expect(el).to.be.accessible();
      expect(textOf(el)).to.include(
        'On a $1,000.00 request paid by card, the customer must pay at least $1,000.00 (the whole amount: no partial payments).',
      );
      type(el, '#set-min-default', '20');
      type(el, '#set-min-card', '50');
      await el.updateComplete;
      expect(textOf(el)).to.include('On a $1,000.00 request paid by card, the customer must pay at least $500.00.');
      expect(textOf(el)).to.include(
        'On a $1,000.00 request paid by bank account, the customer must pay at least $200.00.',
      );
    });

    it('saves a merge patch as admin and shows the refusal of a field where it belongs', async () => {
      const el = await mount(
        html`<cc-console-settings .ctx=${admin}></cc-console-settings>`,
        hasText('Terms-lock policy'),
        'the form',
      );
      ($(el, '#policy-flexible') as HTMLInputElement).click();
      type(el, '#set-allowed-net-days', '60, 30, 45');
      type(el, '#set-min-ach', '10');
      $(el, '#save-settings').click();
      await until(() => hasText('Settings saved.')(el), 'saved');
      const { merchant } = await consoleMock.state();
      expect(merchant.settings.termsPolicy).to.equal('flexible');
      expect(merchant.settings.allowedNetDays).to.deep.equal([60, 30, 45]);
      expect(merchant.settings.partialPayments.byMethod).to.deep.equal({ ach: 10 });
      expect(merchant.settings.partialPayments.defaultMinimumPercent ?? null).to.equal(null);
      expect(admin.merchant.settings.termsPolicy).to.equal('flexible');
      type(el, '#set-wallet-url', 'http://pay.example');
      $(el, '#save-settings').click();
      await until(() => $maybe(el, '#set-wallet-url-error'), 'the error at the field');
      expect(focusedIn(el)?.id).to.equal('set-wallet-url');
      type(el, '#set-min-card', '150');
      $(el, '#save-settings').click();
      await until(() => $maybe(el, '#set-min-card-error'), 'the client check');
      expect($(el, '#set-min-card-error').textContent).to.equal('The card minimum is a whole number from 1 to 100.');
    });

    it('is read-only for a member, with the reason', async () => {
      const el = await mount(
        html`<cc-console-settings .ctx=${member}></cc-console-settings>`,
        hasText('Terms-lock policy'),
        'the form',
      );
      await expect(el).to.be.accessible();
      expect(($(el, '#policy-flexible') as HTMLInputElement).disabled).to.equal(true);
      expect($(el, '#save-settings').getAttribute('aria-disabled')).to.equal('true');
      expect($(el, '#save-settings-reason').textContent).to.equal('Only an admin can change company settings.');
    });
  });

  describe('<cc-console-users> and <cc-console-api-keys>', () => {
    it('adds a user as admin', async () => {
      const el = await mount(
        html`<cc-console-users .ctx=${admin}></cc-console-users>`,
        hasText('member@test.example'),
        'the users',
      );
      await expect(el).to.be.accessible();
      type(el, '#user-name', 'Nia New');
      type(el, '#user-email', 'nia@test.example');
      type(el, '#user-password', 'short');
      $(el, 'form button.primary').click();
      await until(() => $maybe(el, '#user-password-error'), 'the password error');
      type(el, '#user-password', 'long-enough-password');
      $(el, 'form button.primary').click();
      await until(() => hasText('nia@test.example')(el), 'the new user');
    });

    it('tells a member that users and keys are admin-only, without asking the server', async () => {
      const users = await mount(
        html`<cc-console-users .ctx=${member}></cc-console-users>`,
        hasText('Only an admin'),
        'the note',
      );
      await expect(users).to.be.accessible();
      const keys = await mount(
        html`<cc-console-api-keys .ctx=${member}></cc-console-api-keys>`,
        hasText('Only an admin'),
        'the note',
      );
      await expect(keys).to.be.accessible();
    });

    it('shows a new secret key once, in a dialog', async () => {
      const el = await mount(
        html`<cc-console-api-keys .ctx=${admin}></cc-console-api-keys>`,
        hasText('pk_test_console'),
        'the keys',
      );
      await expect(el).to.be.accessible();
      $(el, 'form button.primary').click();
      await until(() => ($(el, '#secret-dialog') as HTMLDialogElement).open, 'the dialog');
      expect($(el, '#new-secret').textContent).to.equal('sk_test_shown_once_wxyz');
      await expect(el).to.be.accessible();
      ($(el, '#secret-dialog button.primary') as HTMLButtonElement).click();
      await until(() => !($(el, '#secret-dialog') as HTMLDialogElement).open, 'closed');
      expect(textOf(el)).not.to.include('sk_test_shown_once_wxyz');
    });
  });

  describe('<cc-console-embed>', () => {
    it('is accessible; the snippet carries the evergreen URL (or the pinned one with integrity), key and theme', async () => {
      const el = await mount(
        html`<cc-console-embed .ctx=${admin}></cc-console-embed>`,
        (e) => !!e.shadowRoot!.querySelector('#snippet'),
        'the snippet',
      );
      await expect(el).to.be.accessible();
      const snippet = () => $(el, '#snippet').textContent ?? '';
      expect(snippet()).to.include(`<script type="module" src="${location.origin}/sdk/v1/cc-sdk.js"></script>`);
      choose(el, '#embed-script', 'pinned');
      await el.updateComplete;
      expect(snippet()).to.include(
        `src="${location.origin}/sdk/1.0.0/cc-sdk.js" integrity="sha384-TESTINTEGRITY" crossorigin="anonymous"`,
      );
      expect(snippet()).to.include('<cc-provider publishable-key="pk_test_console">');
      choose(el, '#embed-preset', 'dark');
      choose(el, '#embed-radius', '0');
      choose(el, '#embed-element', 'wallet');
      await el.updateComplete;
      expect(snippet()).to.include('<cc-provider publishable-key="pk_test_console" theme="dark">');
      expect(snippet()).to.include('--cc-radius: 0;');
      expect(snippet()).to.include('<cc-wallet></cc-wallet>');
    });
  });

  describe('<cc-console-payment-requests>', () => {
    it('is accessible; creates a request with its own minimum; hides schedules the server lacks', async () => {
      const el = await mount(
        html`<cc-console-payment-requests .ctx=${admin}></cc-console-payment-requests>`,
        (e) => hasText('No payment requests yet.')(e) && hasText('not available')(e),
        'the empty list',
      );
      await expect(el).to.be.accessible();
      expect(textOf(el)).to.include('Recurring schedules are not available on this server.');
      $(el, '.page-head .actions button').click();
      await until(() => $maybe(el, '#pr-amount'), 'the form');
      await until(() => el.shadowRoot!.querySelector('#pr-contact option[value="ct_blue"]'), 'the contacts');
      $(el, 'form button.primary').click();
      await until(() => $maybe(el, '#pr-contact-error'), 'the errors');
      expect(focusedIn(el)?.id).to.equal('pr-contact');
      await expect(el).to.be.accessible();
      choose(el, '#pr-contact', 'ct_blue');
      type(el, '#pr-amount', '250.00');
      type(el, '#pr-minimum', '40');
      type(el, '#pr-memo', 'Spring deposit');
      $(el, 'form button.primary').click();
      await until(() => hasText('Spring deposit')(el), 'the new request');
      expect(textOf(el)).to.match(/Blue Ridge Builders.*Awaiting approval.*Spring deposit.*\$250\.00.*40%/);
    });
  });

  describe('<cc-console-webhooks>', () => {
    it('adds an endpoint (secret shown once) and reads its delivery log', async () => {
      const el = await mount(
        html`<cc-console-webhooks .ctx=${admin}></cc-console-webhooks>`,
        (e) => hasText('No webhook endpoints yet.')(e),
        'the list',
      );
      await expect(el).to.be.accessible();
      type(el, '#wh-url', 'http://erp.example/hooks');
      $(el, 'form button.primary').click();
      await until(() => $maybe(el, '#wh-url-error'), "the server's refusal at the URL");
      type(el, '#wh-url', 'https://erp.example/hooks');
      $(el, 'form button.primary').click();
      await until(() => ($(el, '#wh-secret') as HTMLDialogElement).open, 'the secret dialog');
      expect(textOf(el)).to.include('whsec_test_shown_once');
      ($(el, '#wh-secret button') as HTMLButtonElement).click();
      await until(
        () => hasText('https://erp.example/hooks')(el) && !($(el, '#wh-secret') as HTMLDialogElement).open,
        'the endpoint',
      );
      ($(el, 'section.card .actions button') as HTMLButtonElement).click();
      await until(() => hasText('invoice.created')(el), 'the delivery log');
      await expect(el).to.be.accessible();
    });

    it('sends a test event per endpoint and shows its outcome in a live region', async () => {
      const el = await mount(
        html`<cc-console-webhooks .ctx=${admin}></cc-console-webhooks>`,
        (e) => hasText('No webhook endpoints yet.')(e),
        'the list',
      );
      for (const url of ['https://erp.example/hooks', 'https://down.example/hooks']) {
        type(el, '#wh-url', url);
        $(el, 'form button.primary').click();
        await until(() => ($(el, '#wh-secret') as HTMLDialogElement).open, 'the secret dialog');
        ($(el, '#wh-secret button') as HTMLButtonElement).click();
        await until(() => hasText(url)(el) && !($(el, '#wh-secret') as HTMLDialogElement).open, 'the endpoint');
      }
      const cards = [...el.shadowRoot!.querySelectorAll('section.card')];
      const card = (url: string) => cards.find((c) => c.textContent!.includes(url))!;
      const [ok, down] = [card('https://erp.example/hooks'), card('https://down.example/hooks')];
      const button = (c: Element) =>
        [...c.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Send test event')!;
      const region = (c: Element) => c.querySelector('[role="status"][aria-live="polite"]')!;
      expect(button(ok).getAttribute('aria-label')).to.equal('Send a test event to https://erp.example/hooks');
      expect(region(ok).textContent!.trim()).to.equal('');

      button(ok).click();
      await until(() => region(ok).textContent!.includes('delivered'), 'the outcome');
      expect(region(ok).textContent!.trim()).to.equal('Test event delivered: HTTP 200 in 42 ms.');
      expect(region(down).textContent!.trim()).to.equal('');

      button(down).click();
      await until(() => region(down).textContent!.includes('failed'), 'the failure');
      expect(region(down).textContent!.trim()).to.equal('Test event failed: HTTP 503 after 12 ms.');
      await expect(el).to.be.accessible();
    });

    it('shows a member the endpoints but not the admin controls', async () => {
      const el = await mount(
        html`<cc-console-webhooks .ctx=${member}></cc-console-webhooks>`,
        (e) => hasText('Only an admin can add or delete webhook endpoints.')(e),
        'the note',
      );
      expect($maybe(el, '#wh-url')).to.equal(null);
      await expect(el).to.be.accessible();
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

  describe('<cc-console-overview>', () => {
    it('is accessible; shows a retry when the overview cannot load', async () => {
      const realFetch = window.fetch;
      window.fetch = (input, init) =>
        String(input).includes('/v1/overview')
          ? Promise.reject(new TypeError('Failed to fetch'))
          : realFetch(input, init);
      try {
        const el = await mount(
          html`<cc-console-overview .ctx=${admin}></cc-console-overview>`,
          hasText("couldn't load"),
          'the error',
        );
        await expect(el).to.be.accessible();
        window.fetch = realFetch;
        ($(el, '[role="alert"] button') as HTMLButtonElement).click();
        await until(() => hasText('Payments this month')(el), 'the figures');
      } finally {
        window.fetch = realFetch;
      }
    });
  });
});
