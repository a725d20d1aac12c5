import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { CcApiError } from '../internal/api-error.js';
import { RetryKey } from '../internal/retry-key.js';
import type { Contact, Page, PaymentRequest, RecurringSchedule } from './api.js';
import { formatDate, formatMoney, readMoney, statusText, todayUtc } from './format.js';
import { loadContacts } from './invoices.js';
import { Load } from './load.js';
import { ConsolePart, badge, currencyOptions, emptyView, input, loadView, select, tableWrap } from './part.js';

const requestStatuses = ['', 'pending_approval', 'approved', 'partially_paid', 'paid', 'declined', 'cancelled', 'expired'];

/**
 * Payment requests (create with an optional minimum percentage, cancel, filter, see and
 * refund their payments) and recurring schedules (create, pause, resume, cancel, see the
 * periods generated and their payments).
 *
 * @tagname cc-console-payment-requests
 */
export class CcConsolePaymentRequests extends ConsolePart {
  @state() private status = '';
  @state() private form: 'request' | 'schedule' | '' = '';
  @state() private pr = { contact: '', amount: '', currency: '', dueDate: '', memo: '', minimumPercent: '' };
  @state() private rs = { contact: '', kind: 'invoice', amount: '', currency: '', interval: 'month', intervalCount: '1', startDate: todayUtc(), endDate: '', occurrences: '', description: '' };

  /** The request whose payments are shown under its row. */
  @state() private showingPayments = '';
  /** The schedule whose periods are shown under its row. */
  @state() private showingPeriods = '';

  readonly #requestKey = new RetryKey();
  readonly #scheduleKey = new RetryKey();
  readonly contacts = loadContacts(this);
  readonly requests = new Load<PaymentRequest[]>(this, (signal) =>
    this.ctx!.api.get<Page<PaymentRequest>>('/v1/payment-requests', { status: this.status || undefined, limit: 50 }, signal).then((p) => p.data),
  );
  /** Undefined when the backend has no recurring schedules (404). */
  readonly schedules = new Load<RecurringSchedule[] | null>(this, (signal) =>
    this.ctx!.api
      .get<Page<RecurringSchedule>>('/v1/recurring-schedules', { limit: 50 }, signal)
      .then((p) => p.data)
      .catch((error: unknown) => {
        if (error instanceof CcApiError && error.code === 'route_not_found') return null;
        throw error;
      }),
  );

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!this.ctx) return;
    for (const load of [this.contacts, this.requests, this.schedules]) if (load.state === 'idle') void load.run();
    const currency = this.ctx.merchant.settings.defaultTerms.currency;
    if (!this.pr.currency) this.pr = { ...this.pr, currency };
    if (!this.rs.currency) this.rs = { ...this.rs, currency };
  }

  #names(): Map<string, string> {
    return new Map((this.contacts.value ?? []).map((c: Contact) => [c.id, c.companyName]));
  }

  #contactOptions() {
    return [{ value: '', label: 'Choose a contact' }, ...(this.contacts.value ?? []).map((c) => ({ value: c.id, label: c.companyName }))];
  }

  async #open(form: 'request' | 'schedule'): Promise<void> {
    this.form = this.form === form ? '' : form;
    this.clearFeedback();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(form === 'request' ? '#pr-contact' : '#rs-contact')?.focus();
  }

  protected override render(): TemplateResult {
    return html`<div class="page">
      <div class="page-head">
        <h1 tabindex="-1">Payment requests</h1>
        <div class="actions">
          <button type="button" aria-expanded=${this.form === 'request' ? 'true' : 'false'} @click=${() => this.#open('request')}>New payment request</button>
          ${this.schedules.value !== null ? html`<button type="button" aria-expanded=${this.form === 'schedule' ? 'true' : 'false'} @click=${() => this.#open('schedule')}>New recurring schedule</button>` : nothing}
        </div>
      </div>
      ${this.form === 'request' ? this.#requestForm() : this.form === 'schedule' ? this.#scheduleForm() : this.feedback()}
      <section aria-labelledby="pr-list-h" class="page">
        <div class="page-head">
          <h2 id="pr-list-h">Requests</h2>
          <div class="field narrow">
            ${select({ id: 'pr-status', label: 'Status', value: this.status, options: requestStatuses.map((s) => ({ value: s, label: s ? statusText(s) : 'Any status' })), onInput: (v) => ((this.status = v), void this.requests.run()) })}
          </div>
        </div>
        ${loadView(this.requests, 'payment requests', (list) => this.#requestTable(list))}
      </section>
      ${this.schedules.value === null
        ? html`<p class="muted">Recurring schedules are not available on this server.</p>`
        : html`<section aria-labelledby="rs-list-h" class="page">
            <h2 id="rs-list-h">Recurring schedules</h2>
            ${loadView(this.schedules, 'recurring schedules', (list) => this.#scheduleTable(list ?? []))}
          </section>`}
    </div>`;
  }

  #requestTable(list: PaymentRequest[]): TemplateResult {
    if (!list.length) return emptyView(this.status ? 'No payment requests with this status.' : 'No payment requests yet.');
    const names = this.#names();
    const loc = this.loc;
    return tableWrap(
      'Payment requests',
      html`<table part="table">
        <thead><tr><th scope="col">Contact</th><th scope="col">Status</th><th scope="col">Memo</th><th scope="col">Due</th><th scope="col" class="num">Amount</th><th scope="col" class="num">Remaining</th><th scope="col">Minimum</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
        <tbody>${list.map(
          (r) => html`<tr part="row">
            <th scope="row"><a href="#/contacts/${r.contactId}">${names.get(r.contactId) ?? r.contactId}</a></th>
            <td>${badge(r.status)}</td>
            <td>${r.memo ?? (r.invoiceId ? 'For an invoice' : '—')}</td>
            <td>${formatDate(r.dueDate, loc)}</td>
            <td class="num">${formatMoney(r.amount, r.currency, loc)}</td>
            <td class="num">${formatMoney(r.remaining, r.currency, loc)}</td>
            <td>${r.minimums.card.percent === r.minimums.ach.percent
              ? `${r.minimums.card.percent}%`
              : `Card ${r.minimums.card.percent}%, ACH ${r.minimums.ach.percent}%`}</td>
            <td><div class="actions">
              <button type="button" id="payments-${r.id}" aria-expanded=${this.showingPayments === r.id ? 'true' : 'false'} aria-label="Payments of the request to ${names.get(r.contactId) ?? 'this contact'} for ${formatMoney(r.amount, r.currency, loc)}" @click=${() => (this.showingPayments = this.showingPayments === r.id ? '' : r.id)}>Payments</button>
              ${['pending_approval', 'approved'].includes(r.status)
                ? html`<button type="button" class="danger" aria-label="Cancel the request to ${names.get(r.contactId) ?? 'this contact'} for ${formatMoney(r.amount, r.currency, loc)}" @click=${() => this.#cancel(r)}>Cancel</button>`
                : nothing}
            </div></td>
          </tr>
          ${this.showingPayments === r.id
            ? html`<tr part="row"><td colspan="8"><cc-console-payments .ctx=${this.ctx} payment-request-id=${r.id} label="Payments of this request" @cc-console-refunded=${() => this.requests.run()}></cc-console-payments></td></tr>`
            : nothing}`,
        )}</tbody>
      </table>`,
    );
  }

  async #cancel(r: PaymentRequest): Promise<void> {
    if (!confirm('Cancel this payment request? The contact can no longer pay it.')) return;
    await this.act(async () => {
      await this.ctx!.api.post(`/v1/payment-requests/${encodeURIComponent(r.id)}/cancel`);
      this.ctx!.announce('Payment request cancelled.');
      await this.requests.run();
    });
  }

  #requestForm(): TemplateResult {
    const set = (key: keyof typeof this.pr) => (value: string) => {
      this.pr = { ...this.pr, [key]: value };
      this.errors = { ...this.errors, [`pr-${key === 'minimumPercent' ? 'minimum' : key}`]: '' };
    };
    const s = this.ctx!.merchant.settings.partialPayments;
    return html`<form class="card" novalidate aria-labelledby="pr-h" @submit=${this.#createRequest}>
      <h2 id="pr-h">New payment request</h2>
      ${this.feedback()}
      <div class="grid-2">
        ${select({ id: 'pr-contact', label: 'Contact', value: this.pr.contact, error: this.errors['pr-contact'], required: true, options: this.#contactOptions(), onInput: set('contact') })}
        ${input({ id: 'pr-amount', label: 'Amount', inputmode: 'decimal', value: this.pr.amount, error: this.errors['pr-amount'], required: true, onInput: set('amount') })}
        ${select({ id: 'pr-currency', label: 'Currency', value: this.pr.currency, options: currencyOptions(this.pr.currency, this.loc), onInput: set('currency') })}
        ${input({ id: 'pr-dueDate', label: 'Due date', type: 'date', required: false, value: this.pr.dueDate, error: this.errors['pr-dueDate'], onInput: set('dueDate') })}
        ${input({ id: 'pr-minimum', label: 'Minimum payment (%)', inputmode: 'numeric', required: false, value: this.pr.minimumPercent, error: this.errors['pr-minimum'], hint: `Empty: your settings apply (${s.defaultMinimumPercent ?? 100}% by default).`, onInput: set('minimumPercent') })}
        ${input({ id: 'pr-memo', label: 'Memo', required: false, value: this.pr.memo, error: this.errors['pr-memo'], onInput: set('memo') })}
      </div>
      <div class="actions">
        <button class="primary" part="button button-primary" aria-disabled=${this.busy ? 'true' : 'false'}>Send request</button>
        <button type="button" @click=${() => ((this.form = ''), this.clearFeedback())}>Cancel</button>
      </div>
    </form>`;
  }

  async #createRequest(event: Event): Promise<void> {
    event.preventDefault();
    const errors: Record<string, string> = {};
    const p = this.pr;
    if (!p.contact) errors['pr-contact'] = 'Choose the contact.';
    const amount = readMoney(p.amount, p.currency, this.loc, 'Amount');
    if ('error' in amount) errors['pr-amount'] = amount.error;
    const min = p.minimumPercent.trim();
    if (min && (!/^\d+$/.test(min) || Number(min) < 1 || Number(min) > 100)) errors['pr-minimum'] = 'The minimum is a whole percentage from 1 to 100.';
    if (!(await this.showErrors(errors))) return;
    const body = {
      contactId: p.contact,
      amount: (amount as { amount: number }).amount,
      currency: p.currency,
      ...(p.dueDate ? { dueDate: p.dueDate } : {}),
      ...(p.memo.trim() ? { memo: p.memo.trim() } : {}),
      ...(min ? { minimumPercent: Number(min) } : {}),
    };
    const fields: Record<string, string> = { contactId: 'pr-contact', amount: 'pr-amount', dueDate: 'pr-dueDate', memo: 'pr-memo', minimumPercent: 'pr-minimum' };
    await this.act(
      async () => {
        try {
          await this.ctx!.api.post<PaymentRequest>('/v1/payment-requests', body, this.#requestKey.next(body));
        } catch (error) {
          this.#requestKey.failed(error);
          throw error;
        }
        this.form = '';
        this.pr = { ...this.pr, contact: '', amount: '', dueDate: '', memo: '', minimumPercent: '' };
        this.ctx!.announce('Payment request sent.');
        await this.requests.run();
      },
      (param) => fields[param],
    );
  }

  #scheduleTable(list: RecurringSchedule[]): TemplateResult {
    if (!list.length) return emptyView('No recurring schedules yet.');
    const names = this.#names();
    const loc = this.loc;
    const every = (s: RecurringSchedule) => `Every ${s.intervalCount > 1 ? `${s.intervalCount} ${s.interval}s` : s.interval}`;
    return tableWrap(
      'All recurring schedules',
      html`<table part="table">
        <thead><tr><th scope="col">Contact</th><th scope="col">What</th><th scope="col">How often</th><th scope="col">Status</th><th scope="col">Next</th><th scope="col" class="num">Amount</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
        <tbody>${list.map(
          (s) => html`<tr part="row">
            <th scope="row"><a href="#/contacts/${s.contactId}">${names.get(s.contactId) ?? s.contactId}</a></th>
            <td>${s.kind === 'invoice' ? 'Invoices' : 'Payment requests'}</td>
            <td>${every(s)} from ${formatDate(s.startDate, loc)}${s.endDate ? ` to ${formatDate(s.endDate, loc)}` : ''}${s.occurrences ? `, ${s.occurrences} times` : ''}</td>
            <td>${badge(s.status)}</td>
            <td>${formatDate(s.nextRunDate, loc)}</td>
            <td class="num">${formatMoney(s.amount, s.currency, loc)}</td>
            <td><div class="actions">
              <button type="button" aria-expanded=${this.showingPeriods === s.id ? 'true' : 'false'} aria-label="Periods of the schedule for ${names.get(s.contactId) ?? 'this contact'}, ${formatMoney(s.amount, s.currency, loc)} ${every(s).toLowerCase()}" @click=${() => (this.showingPeriods = this.showingPeriods === s.id ? '' : s.id)}>Periods</button>
              ${s.status === 'active' ? html`<button type="button" @click=${() => this.#scheduleAction(s, 'pause')}>Pause</button>` : nothing}
              ${s.status === 'paused' ? html`<button type="button" @click=${() => this.#scheduleAction(s, 'resume')}>Resume</button>` : nothing}
              ${s.status === 'active' || s.status === 'paused' ? html`<button type="button" class="danger" @click=${() => this.#scheduleAction(s, 'cancel')}>Cancel</button>` : nothing}
            </div></td>
          </tr>
          ${this.showingPeriods === s.id
            ? html`<tr part="row"><td colspan="7"><cc-console-schedule-periods .ctx=${this.ctx} schedule-id=${s.id}></cc-console-schedule-periods></td></tr>`
            : nothing}`,
        )}</tbody>
      </table>`,
    );
  }

  async #scheduleAction(s: RecurringSchedule, action: 'pause' | 'resume' | 'cancel'): Promise<void> {
    if (action === 'cancel' && !confirm('Cancel this schedule for good? What it generated stays.')) return;
    await this.act(async () => {
      await this.ctx!.api.post(`/v1/recurring-schedules/${encodeURIComponent(s.id)}/${action}`);
      this.ctx!.announce(`Schedule ${action === 'pause' ? 'paused' : action === 'resume' ? 'resumed' : 'cancelled'}.`);
      await this.schedules.run();
    });
  }

  #scheduleForm(): TemplateResult {
    const set = (key: keyof typeof this.rs) => (value: string) => {
      this.rs = { ...this.rs, [key]: value };
      this.errors = { ...this.errors, [`rs-${key}`]: '' };
    };
    return html`<form class="card" novalidate aria-labelledby="rs-h" @submit=${this.#createSchedule}>
      <h2 id="rs-h">New recurring schedule</h2>
      ${this.feedback()}
      <div class="grid-2">
        ${select({ id: 'rs-contact', label: 'Contact', value: this.rs.contact, error: this.errors['rs-contact'], required: true, options: this.#contactOptions(), onInput: set('contact') })}
        ${select({ id: 'rs-kind', label: 'Each period makes', value: this.rs.kind, options: [{ value: 'invoice', label: 'An invoice' }, { value: 'payment_request', label: 'A payment request' }], onInput: set('kind') })}
        ${input({ id: 'rs-amount', label: 'Amount per period', inputmode: 'decimal', value: this.rs.amount, error: this.errors['rs-amount'], required: true, onInput: set('amount') })}
        ${select({ id: 'rs-currency', label: 'Currency', value: this.rs.currency, options: currencyOptions(this.rs.currency, this.loc), onInput: set('currency') })}
        ${select({ id: 'rs-interval', label: 'Interval', value: this.rs.interval, options: ['week', 'month', 'quarter', 'year'].map((v) => ({ value: v, label: v[0]!.toUpperCase() + v.slice(1) })), onInput: set('interval') })}
        ${input({ id: 'rs-intervalCount', label: 'Every how many intervals', inputmode: 'numeric', value: this.rs.intervalCount, error: this.errors['rs-intervalCount'], required: true, onInput: set('intervalCount') })}
        ${input({ id: 'rs-startDate', label: 'First period', type: 'date', value: this.rs.startDate, error: this.errors['rs-startDate'], required: true, onInput: set('startDate') })}
        ${input({ id: 'rs-endDate', label: 'Last day', type: 'date', required: false, value: this.rs.endDate, error: this.errors['rs-endDate'], hint: 'Or give a number of periods, or neither: until cancelled.', onInput: set('endDate') })}
        ${input({ id: 'rs-occurrences', label: 'Number of periods', inputmode: 'numeric', required: false, value: this.rs.occurrences, error: this.errors['rs-occurrences'], onInput: set('occurrences') })}
        ${input({ id: 'rs-description', label: 'Description', required: false, value: this.rs.description, error: this.errors['rs-description'], onInput: set('description') })}
      </div>
      <div class="actions">
        <button class="primary" part="button button-primary" aria-disabled=${this.busy ? 'true' : 'false'}>Create schedule</button>
        <button type="button" @click=${() => ((this.form = ''), this.clearFeedback())}>Cancel</button>
      </div>
    </form>`;
  }

  async #createSchedule(event: Event): Promise<void> {
    event.preventDefault();
    const r = this.rs;
    const errors: Record<string, string> = {};
    if (!r.contact) errors['rs-contact'] = 'Choose the contact.';
    const amount = readMoney(r.amount, r.currency, this.loc, 'Amount');
    if ('error' in amount) errors['rs-amount'] = amount.error;
    if (!/^\d+$/.test(r.intervalCount) || Number(r.intervalCount) < 1 || Number(r.intervalCount) > 12) errors['rs-intervalCount'] = 'A whole number from 1 to 12.';
    if (!r.startDate) errors['rs-startDate'] = 'Enter the date of the first period.';
    if (r.occurrences && !/^\d+$/.test(r.occurrences)) errors['rs-occurrences'] = 'A whole number of periods.';
    if (!(await this.showErrors(errors))) return;
    const body = {
      contactId: r.contact,
      kind: r.kind,
      amount: (amount as { amount: number }).amount,
      currency: r.currency,
      interval: r.interval,
      intervalCount: Number(r.intervalCount),
      startDate: r.startDate,
      ...(r.endDate ? { endDate: r.endDate } : {}),
      ...(r.occurrences ? { occurrences: Number(r.occurrences) } : {}),
      ...(r.description.trim() ? { description: r.description.trim() } : {}),
    };
    await this.act(
      async () => {
        try {
          await this.ctx!.api.post('/v1/recurring-schedules', body, this.#scheduleKey.next(body));
        } catch (error) {
          this.#scheduleKey.failed(error);
          throw error;
        }
        this.form = '';
        this.ctx!.announce('Recurring schedule created.');
        await this.schedules.run();
      },
      (param) => (param === 'contactId' ? 'rs-contact' : `rs-${param}`),
    );
  }
}
