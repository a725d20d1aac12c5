import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Contact, Invoice, Page } from './api.js';
import { formatDate, formatMoney } from './format.js';
import { Load } from './load.js';
import { ConsolePart, badge, emptyView, loadView, select, statusOptions, tableWrap } from './part.js';

/** The statuses the invoices list filters by. */
export const invoiceStatuses = ['open', 'partially_paid', 'paid', 'disputed', 'void'] as const;

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
    return {
      status: this.status || undefined,
      contactId: this.contactId || undefined,
      overdue: this.overdue ? 'true' : undefined,
      limit: 25,
      startingAfter,
    };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!this.ctx) return;
    if (this.contacts.state === 'idle') void this.contacts.run();
    if (this.list.state === 'idle') void this.list.run();
  }

  protected override render(): TemplateResult {
    const contacts = this.contacts.value ?? [];
    const t = this.t;
    return html`<div class="page">
      <div class="page-head">
        <h1 tabindex="-1">${t.nav.invoices}</h1>
        <div class="actions">
          <a href="#/invoices/new${this.contactId ? `?contactId=${this.contactId}` : ''}">${t.common.keyIn}</a>
          <a href="#/invoices/import">${t.invoices.importCsv}</a>
        </div>
      </div>
      ${this.feedback()}
      <form class="toolbar" aria-label=${t.invoices.filter} @submit=${(e: Event) => e.preventDefault()}>
        <div class="field narrow">
          ${select(t, { id: 'filter-status', label: t.common.status, value: this.status, options: statusOptions(t, invoiceStatuses), onInput: (v) => ((this.status = v), void this.list.run()) })}
        </div>
        ${select(t, {
          id: 'filter-contact',
          label: t.common.contact,
          value: this.contactId,
          options: [
            { value: '', label: t.invoices.everyContact },
            ...contacts.map((c) => ({ value: c.id, label: c.companyName })),
          ],
          onInput: (v) => ((this.contactId = v), void this.list.run()),
        })}
        <div class="choice">
          <input type="checkbox" id="filter-overdue" .checked=${this.overdue} @change=${(e: Event) => ((this.overdue = (e.target as HTMLInputElement).checked), void this.list.run())} />
          <label for="filter-overdue">${t.invoices.overdueOnly}</label>
        </div>
      </form>
      ${loadView(t, this.list, t.invoices.what, (invoices) => this.#table([...invoices, ...this.more], contacts))}
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
    if (!confirm(this.t.invoices.voidConfirm(invoice.number))) return;
    await this.act(async () => {
      await this.ctx!.api.post(`/v1/invoices/${encodeURIComponent(invoice.id)}/void`);
      this.ctx!.announce(this.t.invoices.voided(invoice.number));
      await this.list.run();
    });
  }

  #table(invoices: Invoice[], contacts: Contact[]): TemplateResult {
    const t = this.t;
    if (!invoices.length) {
      return emptyView(
        this.status || this.contactId || this.overdue
          ? t.invoices.noMatch
          : html`${t.invoices.none} <a href="#/invoices/new">${t.common.keyInFirst}</a>.`,
      );
    }
    const names = new Map(contacts.map((c) => [c.id, c.companyName]));
    const loc = this.loc;
    return html`${tableWrap(
      t.nav.invoices,
      html`<table part="table">
          <thead><tr><th scope="col">${t.common.number}</th><th scope="col">${t.common.contact}</th><th scope="col">${t.common.status}</th><th scope="col">${t.common.issued}</th><th scope="col">${t.common.due}</th><th scope="col" class="num">${t.common.amount}</th><th scope="col" class="num">${t.common.balance}</th><th scope="col"><span class="sr-only">${t.common.actions}</span></th></tr></thead>
          <tbody>
            ${invoices.map(
              (i) => html`<tr part="row">
                <th scope="row"><a href="#/invoices/${i.id}">${i.number}</a></th>
                <td><a href="#/contacts/${i.contactId}">${names.get(i.contactId) ?? (this.contacts.busy ? t.common.loading : i.contactId)}</a></td>
                <td>${badge(t, i.status)} ${i.overdue ? html`<span class="overdue">${t.common.overdue}</span>` : nothing}</td>
                <td>${formatDate(i.issuedAt, loc)}</td>
                <td>${formatDate(i.dueDate, loc)}</td>
                <td class="num">${formatMoney(i.amount, i.currency, loc)}</td>
                <td class="num">${formatMoney(i.balance, i.currency, loc)}</td>
                <td>${
                  i.status === 'open' && i.paidAmount === 0
                    ? html`<button type="button" class="danger" aria-label=${t.invoices.voidLabel(i.number)} @click=${() => this.#void(i)}>${t.invoices.void}</button>`
                    : nothing
                }</td>
              </tr>`,
            )}
          </tbody>
        </table>`,
    )}
      ${this.hasMore ? html`<p><button type="button" @click=${this.#loadMore}>${t.invoices.loadMore}</button></p>` : nothing}`;
  }
}
