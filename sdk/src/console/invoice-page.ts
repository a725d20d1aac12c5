import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { RetryKey } from '../internal/retry-key.js';
import type { Contact, Dispute, Invoice, Page } from './api.js';
import { formatDate, formatDateTime, formatMoney, moneyInputText, readMoney } from './format.js';
import { Load } from './load.js';
import { ConsolePart, badge, emptyView, input, loadView, tableWrap, textarea } from './part.js';
import type { CcConsolePayments } from './payments-list.js';

interface InvoiceData {
  invoice: Invoice;
  contact: Contact | undefined;
  disputes: Dispute[];
}

type Panel = 'edit' | 'credit' | undefined;

/**
 * One invoice: its amounts (paid, refunded, credited, balance), dates, line items, automated
 * payment, disputes and payments. The merchant edits the amount, due date or description
 * while nothing is paid, gives a credit note (amount and reason), refunds a payment (in the
 * payments list) and voids an open invoice with nothing paid; the server's refusals show
 * at the field they name.
 *
 * @tagname cc-console-invoice
 */
export class CcConsoleInvoice extends ConsolePart {
  @property({ attribute: 'invoice-id' }) invoiceId = '';

  @state() private panel: Panel;
  @state() private edit = { amount: '', dueDate: '', description: '' };
  @state() private credit = { amount: '', reason: '' };
  @state() private notice = '';

  readonly #creditKey = new RetryKey();

  readonly data = new Load<InvoiceData>(this, async (signal) => {
    const api = this.ctx!.api;
    const invoice = await api.get<Invoice>(`/v1/invoices/${encodeURIComponent(this.invoiceId)}`, undefined, signal);
    const [contact, disputes] = await Promise.all([
      api.get<Contact>(`/v1/contacts/${encodeURIComponent(invoice.contactId)}`, undefined, signal).catch(() => undefined),
      api.get<Page<Dispute>>('/v1/disputes', { invoiceId: invoice.id, limit: 20 }, signal).then((p) => p.data),
    ]);
    return { invoice, contact, disputes };
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.ctx && (this.data.state === 'idle' || (changed.has('invoiceId') && changed.get('invoiceId') !== undefined))) void this.data.run();
  }

  protected override render(): TemplateResult {
    const invoice = this.data.value?.invoice;
    return html`<div class="page">
      <div class="page-head">
        <h1 tabindex="-1">${invoice ? `Invoice ${invoice.number}` : 'Invoice'}</h1>
        <a href="#/invoices">All invoices</a>
      </div>
      ${this.notice ? html`<p class="success" role="status">${this.notice}</p>` : nothing}
      ${loadView(this.data, 'this invoice', (d) => this.#body(d))}
    </div>`;
  }

  #body(d: InvoiceData): TemplateResult {
    const { invoice: i } = d;
    const loc = this.loc;
    const money = (minor: number) => formatMoney(minor, i.currency, loc);
    const editable = i.status === 'open' && i.paidAmount === 0;
    const creditable = i.balance > 0 && (i.status === 'open' || i.status === 'partially_paid');
    return html`<section class="card" aria-labelledby="invoice-h">
        <h2 id="invoice-h">Details</h2>
        <dl class="facts">
          <dt>Contact</dt><dd>${d.contact ? html`<a href="#/contacts/${d.contact.id}">${d.contact.companyName}</a>` : i.contactId}</dd>
          <dt>Status</dt><dd>${badge(i.status)} ${i.overdue ? html`<span class="overdue">Overdue</span>` : nothing}</dd>
          <dt>Issued</dt><dd>${formatDate(i.issuedAt, loc)}</dd>
          <dt>Due</dt><dd>${formatDate(i.dueDate, loc)}</dd>
          <dt>Amount</dt><dd>${money(i.amount)}</dd>
          <dt>Paid</dt><dd>${money(i.paidAmount)}</dd>
          <dt>Refunded</dt><dd>${money(i.refundedAmount)}</dd>
          <dt>Credited</dt><dd>${money(i.creditedAmount)}</dd>
          <dt>Balance</dt><dd><strong part="amount">${money(i.balance)}</strong></dd>
          <dt>Description</dt><dd>${i.description ?? '—'}</dd>
          ${i.autopay ? html`<dt>Automated payment</dt><dd>${this.#autopayText(i.autopay)}</dd>` : nothing}
        </dl>
        ${i.lineItems.length
          ? tableWrap(
              'Line items',
              html`<table part="table"><caption>Line items</caption>
                <thead><tr><th scope="col">Description</th><th scope="col" class="num">Quantity</th><th scope="col" class="num">Unit price</th><th scope="col" class="num">Total</th></tr></thead>
                <tbody>${i.lineItems.map(
                  (l) => html`<tr part="row"><td>${l.description}</td><td class="num">${l.quantity}</td><td class="num">${money(l.unitAmount)}</td><td class="num">${money(l.quantity * l.unitAmount)}</td></tr>`,
                )}</tbody></table>`,
            )
          : nothing}
        <div class="actions">
          ${editable ? html`<button type="button" id="edit-invoice" aria-expanded=${this.panel === 'edit' ? 'true' : 'false'} @click=${() => this.#open('edit')}>Edit</button>` : nothing}
          ${creditable ? html`<button type="button" id="credit-invoice" aria-expanded=${this.panel === 'credit' ? 'true' : 'false'} @click=${() => this.#open('credit')}>Give a credit note</button>` : nothing}
          ${editable ? html`<button type="button" id="void-invoice" class="danger" aria-disabled=${this.busy ? 'true' : 'false'} @click=${() => this.#void(i)}>Void</button>` : nothing}
        </div>
        ${!editable && i.status !== 'void' ? html`<p class="muted">${i.paidAmount > 0 ? 'Something has been paid, so the amount, due date and description can no longer change; a credit note or a refund adjusts the balance.' : ''}</p>` : nothing}
        ${this.panel === 'edit' ? this.#editForm(i) : this.panel === 'credit' ? this.#creditForm(i) : this.feedback()}
      </section>
      <section class="card" aria-labelledby="invoice-disputes-h">
        <h2 id="invoice-disputes-h">Disputes</h2>
        ${d.disputes.length
          ? html`<ul>${d.disputes.map(
              (x) => html`<li><a href="#/disputes/${x.id}">${money(x.amount)} disputed on ${formatDate(x.createdAt, loc)}</a> · ${badge(x.status)}${x.outcome ? ` (${x.outcome === 'credit' ? 'credited' : 'rejected'})` : ''}</li>`,
            )}</ul>`
          : emptyView('No disputes.')}
      </section>
      <section class="card" aria-labelledby="invoice-payments-h">
        <h2 id="invoice-payments-h">Payments</h2>
        <cc-console-payments .ctx=${this.ctx} invoice-id=${i.id} label="Payments of invoice ${i.number}" @cc-console-refunded=${() => this.data.run()}></cc-console-payments>
      </section>`;
  }

  #autopayText(a: NonNullable<Invoice['autopay']>): string {
    const loc = this.loc;
    const next = a.nextAttemptAt ? ` Next try: ${formatDateTime(a.nextAttemptAt, loc)}.` : '';
    const texts: Record<string, string> = {
      scheduled: `Charged to the default payment method on the due date.${next}`,
      awaiting_payment_method: 'Waiting for the customer to add a payment method; they were asked to.',
      stopped: 'Stopped: automated payments are off for this contact.',
      retrying: `The last charge failed (${a.attempts} ${a.attempts === 1 ? 'try' : 'tries'}); it is tried again.${next}`,
      succeeded: 'Paid automatically.',
      failed: `Given up after ${a.attempts} tries; the customer and you were told.`,
      on_hold: 'On hold while the invoice is disputed.',
      cancelled: 'Not needed any more (paid otherwise or voided).',
    };
    return texts[a.status] ?? a.status;
  }

  async #open(panel: Exclude<Panel, undefined>): Promise<void> {
    const i = this.data.value!.invoice;
    this.clearFeedback();
    this.notice = '';
    if (panel === 'edit') this.edit = { amount: moneyInputText(i.amount, i.currency, this.loc), dueDate: i.dueDate, description: i.description ?? '' };
    else this.credit = { amount: '', reason: '' };
    this.panel = panel;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(panel === 'edit' ? '#edit-amount, #edit-due' : '#credit-amount')?.focus();
  }

  async #close(): Promise<void> {
    const opener = this.panel === 'edit' ? '#edit-invoice' : '#credit-invoice';
    this.panel = undefined;
    this.clearFeedback();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(opener)?.focus();
  }

  readonly #onPanelKeydown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') void this.#close();
  };

  #editForm(i: Invoice): TemplateResult {
    const lines = i.lineItems.length > 0;
    return html`<form class="card" novalidate aria-labelledby="edit-h" @submit=${this.#submitEdit} @keydown=${this.#onPanelKeydown}>
      <h3 id="edit-h">Edit invoice ${i.number}</h3>
      ${this.feedback()}
      <div class="grid-2">
        ${lines
          ? html`<p>Amount: ${formatMoney(i.amount, i.currency, this.loc)}, the total of its line items.</p>`
          : input({ id: 'edit-amount', label: `Amount (${i.currency})`, inputmode: 'decimal', required: true, value: this.edit.amount, error: this.errors['edit-amount'], onInput: (v) => (this.edit = { ...this.edit, amount: v }) })}
        ${input({ id: 'edit-due', label: 'Due date', type: 'date', required: true, value: this.edit.dueDate, error: this.errors['edit-due'], onInput: (v) => (this.edit = { ...this.edit, dueDate: v }) })}
      </div>
      ${textarea({ id: 'edit-description', label: 'Description', required: false, value: this.edit.description, error: this.errors['edit-description'], onInput: (v) => (this.edit = { ...this.edit, description: v }) })}
      <div class="actions">
        <button class="primary" part="button button-primary" aria-disabled=${this.busy ? 'true' : 'false'}>Save changes</button>
        <button type="button" @click=${() => this.#close()}>Cancel</button>
      </div>
    </form>`;
  }

  async #submitEdit(event: Event): Promise<void> {
    event.preventDefault();
    const i = this.data.value!.invoice;
    const amount = i.lineItems.length ? { amount: i.amount } : readMoney(this.edit.amount, i.currency, this.loc, 'Amount');
    const errors: Record<string, string> = {};
    if ('error' in amount) errors['edit-amount'] = amount.error;
    else if (amount.amount <= 0) errors['edit-amount'] = 'The amount must be more than zero.';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(this.edit.dueDate)) errors['edit-due'] = 'Enter the due date.';
    else if (this.edit.dueDate < i.issuedAt) errors['edit-due'] = `The due date cannot be before the issue date (${formatDate(i.issuedAt, this.loc)}).`;
    if (!(await this.showErrors(errors))) return;
    // Only what changed: a merge patch.
    const patch: Record<string, unknown> = {};
    const newAmount = (amount as { amount: number }).amount;
    if (newAmount !== i.amount) patch.amount = newAmount;
    if (this.edit.dueDate !== i.dueDate) patch.dueDate = this.edit.dueDate;
    const description = this.edit.description.trim() || null;
    if (description !== i.description) patch.description = description;
    const fields: Record<string, string> = { amount: 'edit-amount', dueDate: 'edit-due', description: 'edit-description' };
    await this.act(
      async () => {
        if (Object.keys(patch).length) await this.ctx!.api.patch<Invoice>(`/v1/invoices/${encodeURIComponent(i.id)}`, patch);
        this.panel = undefined;
        this.#done(Object.keys(patch).length ? `Invoice ${i.number} saved.` : 'Nothing was changed.');
      },
      (param) => fields[param],
    );
  }

  #creditForm(i: Invoice): TemplateResult {
    return html`<form class="card" novalidate aria-labelledby="credit-h" @submit=${this.#submitCredit} @keydown=${this.#onPanelKeydown}>
      <h3 id="credit-h">Credit note for invoice ${i.number}</h3>
      <p class="muted">A credit note lowers what the customer owes; bringing the balance to zero marks the invoice paid. The customer sees it in their wallet.</p>
      ${this.feedback()}
      ${input({ id: 'credit-amount', label: `Amount (${i.currency})`, inputmode: 'decimal', required: true, value: this.credit.amount, error: this.errors['credit-amount'], hint: `Up to the balance, ${formatMoney(i.balance, i.currency, this.loc)}.`, onInput: (v) => (this.credit = { ...this.credit, amount: v }) })}
      ${textarea({ id: 'credit-reason', label: 'Reason', required: true, value: this.credit.reason, error: this.errors['credit-reason'], hint: 'Kept with the invoice, for example "2 cartons damaged in transit".', onInput: (v) => (this.credit = { ...this.credit, reason: v }) })}
      <div class="actions">
        <button class="primary" part="button button-primary" aria-disabled=${this.busy ? 'true' : 'false'}>Give the credit</button>
        <button type="button" @click=${() => this.#close()}>Cancel</button>
      </div>
    </form>`;
  }

  async #submitCredit(event: Event): Promise<void> {
    event.preventDefault();
    const i = this.data.value!.invoice;
    const amount = readMoney(this.credit.amount, i.currency, this.loc, 'Amount');
    const errors: Record<string, string> = {};
    if ('error' in amount) errors['credit-amount'] = amount.error;
    else if (amount.amount <= 0 || amount.amount > i.balance) errors['credit-amount'] = `Enter an amount up to the balance, ${formatMoney(i.balance, i.currency, this.loc)}.`;
    const reason = this.credit.reason.trim();
    if (!reason) errors['credit-reason'] = 'Say why the credit is given.';
    else if (reason.length > 500) errors['credit-reason'] = 'The reason is 500 characters at most.';
    if (!(await this.showErrors(errors))) return;
    const body = { amount: (amount as { amount: number }).amount, reason };
    await this.act(
      async () => {
        try {
          await this.ctx!.api.post<Invoice>(`/v1/invoices/${encodeURIComponent(i.id)}/credits`, body, this.#creditKey.next({ invoice: i.id, ...body }));
        } catch (error) {
          this.#creditKey.failed(error);
          throw error;
        }
        this.panel = undefined;
        this.#done(`Credit of ${formatMoney(body.amount, i.currency, this.loc)} given on invoice ${i.number}.`);
      },
      (param) => ({ amount: 'credit-amount', reason: 'credit-reason' })[param],
    );
  }

  async #void(i: Invoice): Promise<void> {
    if (!confirm(`Void invoice ${i.number}? A voided invoice cannot be reopened.`)) return;
    await this.act(async () => {
      await this.ctx!.api.post(`/v1/invoices/${encodeURIComponent(i.id)}/void`);
      this.#done(`Invoice ${i.number} voided.`);
    });
  }

  #done(text: string): void {
    this.notice = text;
    this.ctx!.announce(text);
    void this.data.run();
    void this.renderRoot.querySelector<CcConsolePayments>('cc-console-payments')?.reload();
  }
}
