import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { RetryKey } from '@customerconnect/sdk/internal';
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
      api
        .get<Contact>(`/v1/contacts/${encodeURIComponent(invoice.contactId)}`, undefined, signal)
        .catch(() => undefined),
      api.get<Page<Dispute>>('/v1/disputes', { invoiceId: invoice.id, limit: 20 }, signal).then((p) => p.data),
    ]);
    return { invoice, contact, disputes };
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const another = changed.has('invoiceId') && changed.get('invoiceId') !== undefined;
    if (another) {
      // The console reuses the page for another invoice: nothing typed for the last one stays.
      this.panel = undefined;
      this.notice = '';
      this.clearFeedback();
    }
    if (this.ctx && (this.data.state === 'idle' || another)) void this.data.run();
  }

  protected override render(): TemplateResult {
    const invoice = this.data.value?.invoice;
    const t = this.t;
    return html`<div class="page">
      <div class="page-head">
        <h1 tabindex="-1">${invoice ? t.invoice.heading(invoice.number) : t.invoice.fallback}</h1>
        <a href="#/invoices">${t.common.allInvoices}</a>
      </div>
      ${this.notice ? html`<p class="success" id="invoice-notice" tabindex="-1">${this.notice}</p>` : nothing}
      ${loadView(t, this.data, t.invoice.what, (d) => this.#body(d))}
    </div>`;
  }

  #body(d: InvoiceData): TemplateResult {
    const { invoice: i } = d;
    const loc = this.loc;
    const money = (minor: number) => formatMoney(minor, i.currency, loc);
    const editable = i.status === 'open' && i.paidAmount === 0;
    const creditable = i.balance > 0 && (i.status === 'open' || i.status === 'partially_paid');
    const t = this.t;
    const { common } = t;
    return html`<section class="card" aria-labelledby="invoice-h">
        <h2 id="invoice-h">${t.invoice.details}</h2>
        <dl class="facts">
          <dt>${common.contact}</dt><dd>${d.contact ? html`<a href="#/contacts/${d.contact.id}">${d.contact.companyName}</a>` : i.contactId}</dd>
          <dt>${common.status}</dt><dd>${badge(t, i.status)} ${i.overdue ? html`<span class="overdue">${common.overdue}</span>` : nothing}</dd>
          <dt>${common.issued}</dt><dd>${formatDate(i.issuedAt, loc)}</dd>
          <dt>${common.due}</dt><dd>${formatDate(i.dueDate, loc)}</dd>
          <dt>${common.amount}</dt><dd>${money(i.amount)}</dd>
          <dt>${t.invoice.paid}</dt><dd>${money(i.paidAmount)}</dd>
          <dt>${common.refunded}</dt><dd>${money(i.refundedAmount)}</dd>
          <dt>${t.invoice.credited}</dt><dd>${money(i.creditedAmount)}</dd>
          <dt>${common.balance}</dt><dd><strong part="amount">${money(i.balance)}</strong></dd>
          <dt>${common.description}</dt><dd>${i.description ?? '—'}</dd>
          ${i.autopay ? html`<dt>${t.invoice.autopay}</dt><dd>${this.#autopayText(i.autopay)}</dd>` : nothing}
        </dl>
        ${
          i.lineItems.length
            ? tableWrap(
                t.invoiceForm.lineItems,
                html`<table part="table"><caption>${t.invoiceForm.lineItems}</caption>
                <thead><tr><th scope="col">${common.description}</th><th scope="col" class="num">${t.invoiceForm.quantity}</th><th scope="col" class="num">${t.invoiceForm.unitPrice}</th><th scope="col" class="num">${t.invoice.total}</th></tr></thead>
                <tbody>${i.lineItems.map(
                  (l) =>
                    html`<tr part="row"><td class="wrap">${l.description}</td><td class="num">${l.quantity}</td><td class="num">${money(l.unitAmount)}</td><td class="num">${money(l.quantity * l.unitAmount)}</td></tr>`,
                )}</tbody></table>`,
              )
            : nothing
        }
        <div class="actions">
          ${editable ? html`<button type="button" id="edit-invoice" aria-expanded=${this.panel === 'edit' ? 'true' : 'false'} @click=${() => (this.panel === 'edit' ? this.#close() : this.#open('edit'))}>${t.invoice.edit}</button>` : nothing}
          ${creditable ? html`<button type="button" id="credit-invoice" aria-expanded=${this.panel === 'credit' ? 'true' : 'false'} @click=${() => (this.panel === 'credit' ? this.#close() : this.#open('credit'))}>${t.invoice.giveCredit}</button>` : nothing}
          ${editable ? html`<button type="button" id="void-invoice" class="danger" aria-disabled=${this.busy ? 'true' : 'false'} @click=${() => this.#void(i)}>${t.invoices.void}</button>` : nothing}
        </div>
        ${!editable && i.status !== 'void' && i.paidAmount > 0 ? html`<p class="muted">${t.invoice.locked}</p>` : nothing}
        ${this.panel === 'edit' ? this.#editForm(i) : this.panel === 'credit' ? this.#creditForm(i) : this.feedback()}
      </section>
      <section class="card" aria-labelledby="invoice-disputes-h">
        <h2 id="invoice-disputes-h">${t.nav.disputes}</h2>
        ${
          d.disputes.length
            ? html`<ul>${d.disputes.map(
                (x) =>
                  html`<li><a href="#/disputes/${x.id}">${common.disputedOn(money(x.amount), formatDate(x.createdAt, loc))}</a> · ${badge(t, x.status)}${x.outcome ? ` (${t.invoice.outcome[x.outcome]})` : ''}</li>`,
              )}</ul>`
            : emptyView(common.noDisputes)
        }
      </section>
      <section class="card" aria-labelledby="invoice-payments-h">
        <h2 id="invoice-payments-h">${common.payments}</h2>
        <cc-console-payments .ctx=${this.ctx} invoice-id=${i.id} label=${t.invoice.paymentsOf(i.number)} @cc-console-refunded=${() => this.data.run()}></cc-console-payments>
      </section>`;
  }

  #autopayText(a: NonNullable<Invoice['autopay']>): string {
    const { invoice } = this.t;
    const next = a.nextAttemptAt ? ` ${invoice.nextTry(formatDateTime(a.nextAttemptAt, this.loc))}` : '';
    const s = invoice.autopayStatus;
    const texts: Record<string, string> = {
      scheduled: `${s.scheduled}${next}`,
      awaiting_payment_method: s.awaiting_payment_method,
      stopped: s.stopped,
      retrying: `${s.retrying(a.attempts)}${next}`,
      succeeded: s.succeeded,
      failed: s.failed(a.attempts),
      on_hold: s.on_hold,
      cancelled: s.cancelled,
    };
    return texts[a.status] ?? a.status;
  }

  async #open(panel: Exclude<Panel, undefined>): Promise<void> {
    const i = this.data.value!.invoice;
    this.clearFeedback();
    this.notice = '';
    if (panel === 'edit')
      this.edit = {
        amount: moneyInputText(i.amount, i.currency, this.loc),
        dueDate: i.dueDate,
        description: i.description ?? '',
      };
    else this.credit = { amount: '', reason: '' };
    this.panel = panel;
    await this.updateComplete;
    this.renderRoot
      .querySelector<HTMLElement>(panel === 'edit' ? '#edit-amount, #edit-due' : '#credit-amount')
      ?.focus();
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
    const t = this.t;
    return html`<form class="card" novalidate aria-labelledby="edit-h" @submit=${this.#submitEdit} @keydown=${this.#onPanelKeydown}>
      <h3 id="edit-h">${t.invoice.editTitle(i.number)}</h3>
      ${this.feedback()}
      <div class="grid-2">
        ${
          lines
            ? html`<p>${t.invoice.linesAmount(formatMoney(i.amount, i.currency, this.loc))}</p>`
            : input(t, {
                id: 'edit-amount',
                label: t.invoice.amountIn(i.currency),
                inputmode: 'decimal',
                required: true,
                value: this.edit.amount,
                error: this.errors['edit-amount'],
                onInput: (v) => (this.edit = { ...this.edit, amount: v }),
              })
        }
        ${input(t, { id: 'edit-due', label: t.common.dueDate, type: 'date', required: true, value: this.edit.dueDate, error: this.errors['edit-due'], onInput: (v) => (this.edit = { ...this.edit, dueDate: v }) })}
      </div>
      ${textarea(t, { id: 'edit-description', label: t.common.description, required: false, value: this.edit.description, error: this.errors['edit-description'], onInput: (v) => (this.edit = { ...this.edit, description: v }) })}
      <div class="actions">
        <button class="primary" part="button button-primary" aria-disabled=${this.busy ? 'true' : 'false'}>${t.invoice.saveChanges}</button>
        <button type="button" @click=${() => this.#close()}>${t.common.cancel}</button>
      </div>
    </form>`;
  }

  async #submitEdit(event: Event): Promise<void> {
    event.preventDefault();
    const i = this.data.value!.invoice;
    const t = this.t;
    const amount = i.lineItems.length
      ? { amount: i.amount }
      : readMoney(this.edit.amount, i.currency, this.loc, t.money.labels.amount);
    const errors: Record<string, string> = {};
    if ('error' in amount) errors['edit-amount'] = amount.error;
    else if (amount.amount <= 0) errors['edit-amount'] = t.invoiceForm.amountZero;
    else if (amount.amount < i.creditedAmount)
      errors['edit-amount'] = t.invoice.belowCredits(formatMoney(i.creditedAmount, i.currency, this.loc));
    if (!/^\d{4}-\d{2}-\d{2}$/.test(this.edit.dueDate)) errors['edit-due'] = t.invoice.dueEmpty;
    else if (this.edit.dueDate < i.issuedAt) errors['edit-due'] = t.invoice.dueBefore(formatDate(i.issuedAt, this.loc));
    if (!(await this.showErrors(errors))) return;
    // Only what changed: a merge patch.
    const patch: Record<string, unknown> = {};
    const newAmount = (amount as { amount: number }).amount;
    if (newAmount !== i.amount) patch.amount = newAmount;
    if (this.edit.dueDate !== i.dueDate) patch.dueDate = this.edit.dueDate;
    const description = this.edit.description.trim() || null;
    if (description !== i.description) patch.description = description;
    const fields: Record<string, string> = {
      amount: 'edit-amount',
      dueDate: 'edit-due',
      description: 'edit-description',
    };
    await this.act(
      async () => {
        if (Object.keys(patch).length)
          await this.ctx!.api.patch<Invoice>(`/v1/invoices/${encodeURIComponent(i.id)}`, patch);
        this.panel = undefined;
        this.#done(Object.keys(patch).length ? t.invoice.saved(i.number) : t.invoice.unchanged);
      },
      (param) => fields[param],
    );
  }

  #creditForm(i: Invoice): TemplateResult {
    const t = this.t;
    return html`<form class="card" novalidate aria-labelledby="credit-h" @submit=${this.#submitCredit} @keydown=${this.#onPanelKeydown}>
      <h3 id="credit-h">${t.invoice.creditTitle(i.number)}</h3>
      <p class="muted">${t.invoice.creditIntro}</p>
      ${this.feedback()}
      ${input(t, { id: 'credit-amount', label: t.invoice.amountIn(i.currency), inputmode: 'decimal', required: true, value: this.credit.amount, error: this.errors['credit-amount'], hint: t.invoice.upToBalance(formatMoney(i.balance, i.currency, this.loc)), onInput: (v) => (this.credit = { ...this.credit, amount: v }) })}
      ${textarea(t, { id: 'credit-reason', label: t.invoice.reason, required: true, value: this.credit.reason, error: this.errors['credit-reason'], hint: t.invoice.reasonHint, onInput: (v) => (this.credit = { ...this.credit, reason: v }) })}
      <div class="actions">
        <button class="primary" part="button button-primary" aria-disabled=${this.busy ? 'true' : 'false'}>${t.invoice.creditButton}</button>
        <button type="button" @click=${() => this.#close()}>${t.common.cancel}</button>
      </div>
    </form>`;
  }

  async #submitCredit(event: Event): Promise<void> {
    event.preventDefault();
    const i = this.data.value!.invoice;
    const t = this.t;
    const amount = readMoney(this.credit.amount, i.currency, this.loc, t.money.labels.amount);
    const errors: Record<string, string> = {};
    if ('error' in amount) errors['credit-amount'] = amount.error;
    else if (amount.amount <= 0 || amount.amount > i.balance)
      errors['credit-amount'] = t.invoice.creditRange(formatMoney(i.balance, i.currency, this.loc));
    const reason = this.credit.reason.trim();
    if (!reason) errors['credit-reason'] = t.invoice.reasonEmpty;
    else if (reason.length > 500) errors['credit-reason'] = t.invoice.reasonLong;
    if (!(await this.showErrors(errors))) return;
    const body = { amount: (amount as { amount: number }).amount, reason };
    await this.act(
      async () => {
        try {
          await this.ctx!.api.post<Invoice>(
            `/v1/invoices/${encodeURIComponent(i.id)}/credits`,
            body,
            this.#creditKey.next({ invoice: i.id, ...body }),
          );
        } catch (error) {
          this.#creditKey.failed(error);
          throw error;
        }
        this.panel = undefined;
        this.#done(t.invoice.creditGiven(formatMoney(body.amount, i.currency, this.loc), i.number));
      },
      (param) => ({ amount: 'credit-amount', reason: 'credit-reason' })[param],
    );
  }

  async #void(i: Invoice): Promise<void> {
    if (!confirm(this.t.invoices.voidConfirm(i.number))) return;
    await this.act(async () => {
      await this.ctx!.api.post(`/v1/invoices/${encodeURIComponent(i.id)}/void`);
      this.#done(this.t.invoices.voided(i.number));
    });
  }

  /**
   * After a change: says so (announced once, by the console's live region), reloads the invoice
   * and its payments, and puts focus on the notice — the button that was used may be gone
   * (Save in a closed form, Void on a voided invoice).
   */
  #done(text: string): void {
    this.notice = text;
    this.ctx!.announce(text);
    void this.data.run();
    void this.renderRoot.querySelector<CcConsolePayments>('cc-console-payments')?.reload();
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#invoice-notice')?.focus());
  }
}
