import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Contact, Invoice, Page } from './api.js';
import { formatDate, formatMoney } from './format.js';
import { Load } from './load.js';
import { ConsolePart, badge, emptyView, loadView, select, tableWrap } from './part.js';

export const invoiceStatusOptions = [
  { value: '', label: 'Any status' },
  { value: 'open', label: 'Open' },
  { value: 'partially_paid', label: 'Partially paid' },
  { value: 'paid', label: 'Paid' },
  { value: 'disputed', label: 'Disputed' },
  { value: 'void', label: 'Void' },
];

/** The merchant's contacts (first 100), for pickers and names in lists. */
export function loadContacts(part: ConsolePart & { ctx?: ConsolePart['ctx'] }, q?: string): Load<Contact[]> {
  return new Load<Contact[]>(part, (signal) =>
    part.ctx!.api.get<Page<Contact>>('/v1/contacts', { limit: 100, q: q || undefined }, signal).then((p) => p.data),
  );
}

/**
 * The invoices list with filters (status, overdue, contact), paging and voiding.
 *
 * @tagname cc-console-invoices
 */
export class CcConsoleInvoices extends ConsolePart {
  /** Only this contact's invoices (`#/invoices?contactId=…`). */
  @property({ attribute: 'contact-id' }) contactId = '';
  /** Only overdue invoices (`#/invoices?overdue=true`). */
  @property({ type: Boolean }) overdue = false;
  @state() private status = '';
  @state() private more: Invoice[] = [];
  @state() private hasMore = false;

  readonly contacts = loadContacts(this);
  readonly list = new Load<Invoice[]>(this, async (signal) => {
    const page = await this.ctx!.api.get<Page<Invoice>>('/v1/invoices', this.#query(), signal);
    this.more = [];
    this.hasMore = page.hasMore;
    return page.data;
  });

  #query(startingAfter?: string) {
    return { status: this.status || undefined, contactId: this.contactId || undefined, overdue: this.overdue ? 'true' : undefined, limit: 25, startingAfter };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!this.ctx) return;
    if (this.contacts.state === 'idle') void this.contacts.run();
    if (this.list.state === 'idle') void this.list.run();
  }

  protected override render(): TemplateResult {
    const contacts = this.contacts.value ?? [];
    return html`<div class="page">
      <div class="page-head">
        <h1 tabindex="-1">Invoices</h1>
        <div class="actions">
          <a href="#/invoices/new${this.contactId ? `?contactId=${this.contactId}` : ''}">Key in an invoice</a>
          <a href="#/invoices/import">Import a CSV</a>
        </div>
      </div>
      ${this.feedback()}
      <form class="toolbar" aria-label="Filter invoices" @submit=${(e: Event) => e.preventDefault()}>
        <div class="field narrow">
          ${select({ id: 'filter-status', label: 'Status', value: this.status, options: invoiceStatusOptions, onInput: (v) => ((this.status = v), void this.list.run()) })}
        </div>
        ${select({
          id: 'filter-contact',
          label: 'Contact',
          value: this.contactId,
          options: [{ value: '', label: 'Every contact' }, ...contacts.map((c) => ({ value: c.id, label: c.companyName }))],
          onInput: (v) => ((this.contactId = v), void this.list.run()),
        })}
        <div class="choice">
          <input type="checkbox" id="filter-overdue" .checked=${this.overdue} @change=${(e: Event) => ((this.overdue = (e.target as HTMLInputElement).checked), void this.list.run())} />
          <label for="filter-overdue">Overdue only</label>
        </div>
      </form>
      ${loadView(this.list, 'invoices', (invoices) => this.#table([...invoices, ...this.more], contacts))}
    </div>`;
  }

  async #loadMore(): Promise<void> {
    const last = [...(this.list.value ?? []), ...this.more].at(-1);
    if (!last) return;
    await this.act(async () => {
      const page = await this.ctx!.api.get<Page<Invoice>>('/v1/invoices', this.#query(last.id));
      this.more = [...this.more, ...page.data];
      this.hasMore = page.hasMore;
    });
  }

  async #void(invoice: Invoice): Promise<void> {
    if (!confirm(`Void invoice ${invoice.number}? A voided invoice cannot be reopened.`)) return;
    await this.act(async () => {
      await this.ctx!.api.post(`/v1/invoices/${encodeURIComponent(invoice.id)}/void`);
      this.ctx!.announce(`Invoice ${invoice.number} voided.`);
      await this.list.run();
    });
  }

  #table(invoices: Invoice[], contacts: Contact[]): TemplateResult {
    if (!invoices.length) {
      return emptyView(this.status || this.contactId || this.overdue ? 'No invoices match these filters.' : html`No invoices yet. <a href="#/invoices/new">Key in your first invoice</a>.`);
    }
    const names = new Map(contacts.map((c) => [c.id, c.companyName]));
    const loc = this.loc;
    return html`${tableWrap(
        'Invoices',
        html`<table part="table">
          <thead><tr><th scope="col">Number</th><th scope="col">Contact</th><th scope="col">Status</th><th scope="col">Issued</th><th scope="col">Due</th><th scope="col" class="num">Amount</th><th scope="col" class="num">Balance</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
          <tbody>
            ${invoices.map(
              (i) => html`<tr part="row">
                <th scope="row"><a href="#/invoices/${i.id}">${i.number}</a></th>
                <td><a href="#/contacts/${i.contactId}">${names.get(i.contactId) ?? (this.contacts.busy ? 'Loading…' : i.contactId)}</a></td>
                <td>${badge(i.status)} ${i.overdue ? html`<span class="overdue">Overdue</span>` : nothing}</td>
                <td>${formatDate(i.issuedAt, loc)}</td>
                <td>${formatDate(i.dueDate, loc)}</td>
                <td class="num">${formatMoney(i.amount, i.currency, loc)}</td>
                <td class="num">${formatMoney(i.balance, i.currency, loc)}</td>
                <td>${i.status === 'open' && i.paidAmount === 0
                  ? html`<button type="button" class="danger" aria-label="Void invoice ${i.number}" @click=${() => this.#void(i)}>Void</button>`
                  : nothing}</td>
              </tr>`,
            )}
          </tbody>
        </table>`,
      )}
      ${this.hasMore ? html`<p><button type="button" @click=${this.#loadMore}>Load more invoices</button></p>` : nothing}`;
  }
}
