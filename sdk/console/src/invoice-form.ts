import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { RetryKey } from '@customerconnect/sdk/internal';
import type { Contact, Invoice, LineItem, NewInvoice } from './api.js';
import { addDays, formatDate, formatMoney, readMoney, todayUtc } from './format.js';
import { loadContacts } from './invoices.js';
import { ConsolePart, currencyOptions, input, select, textarea } from './part.js';

interface Line {
  description: string;
  quantity: string;
  price: string;
}

const emptyLine = (): Line => ({ description: '', quantity: '1', price: '' });

/**
 * Keying in an invoice: number, contact, an amount typed as money or line items with a
 * live total, currency, issue and due dates, description. The server's refusals
 * (`duplicate_invoice_number`, `credit_limit_exceeded`, `currency_mismatch`, a field's 422)
 * are shown at the field they name.
 *
 * @tagname cc-console-invoice-form
 * @fires cc-console-invoice-created - The invoice was created; `detail` is the invoice.
 */
export class CcConsoleInvoiceForm extends ConsolePart {
  /** Preselects this contact. */
  @property({ attribute: 'contact-id' }) contactId = '';

  @state() private number = '';
  @state() private contact = '';
  @state() private mode: 'amount' | 'lines' = 'amount';
  @state() private amount = '';
  @state() private lines: Line[] = [emptyLine()];
  @state() private currency = '';
  @state() private issuedAt = todayUtc();
  @state() private dueDate = '';
  @state() private description = '';

  readonly contacts = loadContacts(this);
  readonly #retry = new RetryKey();

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('contactId') && this.contactId) this.contact = this.contactId;
    if (!this.ctx) return;
    if (this.contacts.state === 'idle') void this.contacts.run();
    if (!this.currency) this.currency = this.ctx.merchant.settings.defaultTerms.currency;
  }

  #contact(): Contact | undefined {
    return this.contacts.value?.find((c) => c.id === this.contact);
  }

  #pickContact(id: string): void {
    this.contact = id;
    const terms = this.contacts.value?.find((c) => c.id === id)?.terms;
    if (terms) this.currency = terms.currency;
    this.#clear('inv-contact');
  }

  #clear(field: string): void {
    if (this.errors[field]) this.errors = { ...this.errors, [field]: '' };
  }

  /** The line items as the API takes them, and the errors of those that cannot be read. */
  #readLines(): { items: LineItem[]; errors: Record<string, string>; total?: bigint } {
    const errors: Record<string, string> = {};
    const items: LineItem[] = [];
    let total = 0n;
    const t = this.t;
    this.lines.forEach((line, i) => {
      if (!line.description.trim()) errors[`line-${i}-desc`] = t.invoiceForm.describeLine(i + 1);
      const quantity = Number(line.quantity);
      if (!/^\d+$/.test(line.quantity.trim()) || quantity < 1)
        errors[`line-${i}-qty`] = t.invoiceForm.quantityInvalid(i + 1);
      const price = readMoney(line.price, this.currency, this.loc, t.money.labels.unitPrice);
      if ('error' in price) errors[`line-${i}-price`] = t.invoiceForm.lineError(i + 1, price.error);
      else {
        items.push({ description: line.description.trim(), quantity, unitAmount: price.amount });
        if (quantity >= 1) total += BigInt(quantity) * BigInt(price.amount);
      }
    });
    return { items, errors, total };
  }

  /** The live total of the line items that can be read so far. */
  #liveTotal(): string {
    let total = 0n;
    for (const line of this.lines) {
      const price = readMoney(line.price, this.currency, this.loc, this.t.money.labels.unitPrice);
      const quantity = /^\d+$/.test(line.quantity.trim()) ? BigInt(line.quantity.trim()) : 0n;
      if ('amount' in price) total += quantity * BigInt(price.amount);
    }
    return total > BigInt(Number.MAX_SAFE_INTEGER) ? '—' : formatMoney(total, this.currency, this.loc);
  }

  protected override render(): TemplateResult {
    const contacts = this.contacts.value ?? [];
    const c = this.#contact();
    const netDays = c?.terms?.netDays ?? this.ctx?.merchant.settings.defaultTerms.netDays ?? 30;
    const defaultDue = /^\d{4}-\d{2}-\d{2}$/.test(this.issuedAt) ? addDays(this.issuedAt, netDays) : '';
    const t = this.t;
    const f = t.invoiceForm;
    return html`<div class="page">
      <div class="page-head"><h1 tabindex="-1">${t.common.keyIn}</h1><a href="#/invoices">${t.common.allInvoices}</a></div>
      <form class="card" part="form" novalidate @submit=${this.#submit}>
        ${this.feedback()}
        <div class="grid-2">
          ${input(t, { id: 'inv-number', label: f.number, value: this.number, error: this.errors['inv-number'], required: true, hint: f.numberHint, onInput: (v) => ((this.number = v), this.#clear('inv-number')) })}
          ${
            this.contacts.state === 'error'
              ? html`<div class="alert" role="alert">${f.contactsFailed} <button type="button" @click=${() => this.contacts.run()}>${t.common.tryAgain}</button></div>`
              : select(t, {
                  id: 'inv-contact',
                  label: t.common.contact,
                  value: this.contact,
                  error: this.errors['inv-contact'],
                  required: true,
                  hint: this.contacts.busy
                    ? f.loadingContacts
                    : c
                      ? `${c.email}${c.terms ? ` · ${t.common.net(c.terms.netDays)}, ${c.terms.currency}` : ''}`
                      : undefined,
                  options: [
                    { value: '', label: t.common.chooseContact },
                    ...contacts.map((x) => ({ value: x.id, label: x.companyName })),
                  ],
                  onInput: (v) => this.#pickContact(v),
                })
          }
        </div>
        <fieldset>
          <legend>${t.common.amount}</legend>
          <div class="choice"><input type="radio" id="mode-amount" name="mode" .checked=${this.mode === 'amount'} @change=${() => (this.mode = 'amount')} /><label for="mode-amount">${f.oneAmount}</label></div>
          <div class="choice"><input type="radio" id="mode-lines" name="mode" .checked=${this.mode === 'lines'} @change=${() => (this.mode = 'lines')} /><label for="mode-lines">${f.lineItems}</label></div>
          <div class="grid-2">
            ${
              this.mode === 'amount'
                ? input(t, {
                    id: 'inv-amount',
                    label: t.common.amount,
                    inputmode: 'decimal',
                    value: this.amount,
                    error: this.errors['inv-amount'],
                    required: true,
                    hint: f.amountHint(this.currency, formatMoney(125000, this.currency || 'USD', this.loc)),
                    onInput: (v) => ((this.amount = v), this.#clear('inv-amount')),
                  })
                : nothing
            }
            ${select(t, { id: 'inv-currency', label: t.common.currency, value: this.currency, error: this.errors['inv-currency'], options: currencyOptions(this.currency || 'USD', this.loc), onInput: (v) => ((this.currency = v), this.#clear('inv-currency')) })}
          </div>
          ${this.mode === 'lines' ? this.#lineItems() : nothing}
        </fieldset>
        <div class="grid-2">
          ${input(t, { id: 'inv-issued', label: f.issueDate, type: 'date', value: this.issuedAt, error: this.errors['inv-issued'], required: true, onInput: (v) => ((this.issuedAt = v), this.#clear('inv-issued')) })}
          ${input(t, { id: 'inv-due', label: t.common.dueDate, type: 'date', value: this.dueDate, error: this.errors['inv-due'], required: false, hint: defaultDue ? f.dueHint(netDays, formatDate(defaultDue, this.loc)) : undefined, onInput: (v) => ((this.dueDate = v), this.#clear('inv-due')) })}
        </div>
        ${textarea(t, { id: 'inv-description', label: t.common.description, value: this.description, required: false, error: this.errors['inv-description'], onInput: (v) => (this.description = v) })}
        <div class="actions">
          <button class="primary" part="button button-primary" aria-disabled=${this.busy ? 'true' : 'false'}>${this.busy ? t.common.saving : f.save}</button>
          <a href="#/invoices">${t.common.cancel}</a>
        </div>
      </form>
    </div>`;
  }

  #lineItems(): TemplateResult {
    const set = (i: number, key: keyof Line) => (value: string) => {
      this.lines = this.lines.map((line, j) => (j === i ? { ...line, [key]: value } : line));
      this.#clear(`line-${i}-${key === 'description' ? 'desc' : key === 'quantity' ? 'qty' : 'price'}`);
    };
    const t = this.t;
    const f = t.invoiceForm;
    return html`<div class="lines">
      ${this.lines.map(
        (line, i) => html`<div class="line">
          ${input(t, { id: `line-${i}-desc`, label: f.lineDescription(i + 1), value: line.description, error: this.errors[`line-${i}-desc`], required: true, onInput: set(i, 'description') })}
          ${input(t, { id: `line-${i}-qty`, label: f.quantity, inputmode: 'numeric', value: line.quantity, error: this.errors[`line-${i}-qty`], required: true, onInput: set(i, 'quantity') })}
          ${input(t, { id: `line-${i}-price`, label: f.unitPrice, inputmode: 'decimal', value: line.price, error: this.errors[`line-${i}-price`], required: true, onInput: set(i, 'price') })}
          <button type="button" aria-label=${f.removeLine(i + 1)} ?disabled=${this.lines.length === 1} @click=${() => (this.lines = this.lines.filter((_, j) => j !== i))}>${t.common.remove}</button>
        </div>`,
      )}
      <div class="page-head">
        <button type="button" @click=${this.#addLine}>${f.addLine}</button>
        <p>${f.total} <output class="total" id="lines-total" aria-live="polite">${this.#liveTotal()}</output></p>
      </div>
    </div>`;
  }

  async #addLine(): Promise<void> {
    this.lines = [...this.lines, emptyLine()];
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#line-${this.lines.length - 1}-desc`)?.focus();
  }

  async #submit(event: Event): Promise<void> {
    event.preventDefault();
    const errors: Record<string, string> = {};
    const t = this.t;
    const f = t.invoiceForm;
    if (!this.number.trim()) errors['inv-number'] = f.numberEmpty;
    if (!this.contact) errors['inv-contact'] = f.contactEmpty;
    const body: NewInvoice = { contactId: this.contact, number: this.number.trim(), currency: this.currency };
    if (this.mode === 'amount') {
      const amount = readMoney(this.amount, this.currency, this.loc, t.money.labels.amount);
      if ('error' in amount) errors['inv-amount'] = amount.error;
      else if (amount.amount <= 0) errors['inv-amount'] = f.amountZero;
      else body.amount = amount.amount;
    } else {
      const lines = this.#readLines();
      Object.assign(errors, lines.errors);
      if (!Object.keys(lines.errors).length && (lines.total ?? 0n) <= 0n) errors['line-0-price'] = f.linesZero;
      body.lineItems = lines.items;
    }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(this.issuedAt)) errors['inv-issued'] = f.issuedEmpty;
    else body.issuedAt = this.issuedAt;
    if (this.dueDate) {
      if (this.dueDate < this.issuedAt) errors['inv-due'] = f.dueBefore;
      body.dueDate = this.dueDate;
    }
    if (this.description.trim()) body.description = this.description.trim();
    if (!(await this.showErrors(errors))) return;
    await this.act(
      async () => {
        let invoice: Invoice;
        try {
          invoice = await this.ctx!.api.post<Invoice>('/v1/invoices', body, this.#retry.next(body));
        } catch (error) {
          this.#retry.failed(error);
          throw error;
        }
        this.dispatchEvent(
          new CustomEvent('cc-console-invoice-created', { detail: invoice, bubbles: true, composed: true }),
        );
        this.ctx!.announce(f.saved(invoice.number, formatMoney(invoice.amount, invoice.currency, this.loc)));
        this.ctx!.navigate('#/invoices');
      },
      (param) => {
        const fields: Record<string, string> = {
          number: 'inv-number',
          contactId: 'inv-contact',
          amount: this.mode === 'amount' ? 'inv-amount' : 'line-0-price',
          currency: 'inv-currency',
          issuedAt: 'inv-issued',
          dueDate: 'inv-due',
          description: 'inv-description',
          lineItems: 'line-0-desc',
        };
        const line = /^lineItems\.(\d+)\.(description|quantity|unitAmount)$/.exec(param);
        if (line)
          return `line-${line[1]}-${{ description: 'desc', quantity: 'qty', unitAmount: 'price' }[line[2] as 'description']}`;
        return fields[param];
      },
    );
  }
}
