import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { CcApiError } from '@customerconnect/sdk';
import { RetryKey } from '@customerconnect/sdk/internal';
import type { Contact, Page, PaymentRequest, RecurringSchedule } from './api.js';
import { formatDate, formatMoney, readMoney, todayUtc } from './format.js';
import { loadContacts } from './invoices.js';
import { Load } from './load.js';
import {
  ConsolePart,
  badge,
  currencyOptions,
  emptyView,
  input,
  loadView,
  select,
  statusOptions,
  tableWrap,
} from './part.js';

const requestStatuses = ['pending_approval', 'approved', 'partially_paid', 'paid', 'declined', 'cancelled', 'expired'];

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
  @state() private rs = {
    contact: '',
    kind: 'invoice',
    amount: '',
    currency: '',
    interval: 'month',
    intervalCount: '1',
    startDate: todayUtc(),
    endDate: '',
    occurrences: '',
    description: '',
    invoiceNumberPrefix: '',
  };

  /** The request whose payments are shown under its row. */
  @state() private showingPayments = '';
  /** The schedule whose periods are shown under its row. */
  @state() private showingPeriods = '';

  readonly #requestKey = new RetryKey();
  readonly #scheduleKey = new RetryKey();
  readonly contacts = loadContacts(this);
  readonly requests = new Load<PaymentRequest[]>(this, (signal) =>
    this.ctx!.api.get<Page<PaymentRequest>>(
      '/v1/payment-requests',
      { status: this.status || undefined, limit: 50 },
      signal,
    ).then((p) => p.data),
  );
  /** Undefined when the backend has no recurring schedules (404). */
  readonly schedules = new Load<RecurringSchedule[] | null>(this, (signal) =>
    this.ctx!.api.get<Page<RecurringSchedule>>('/v1/recurring-schedules', { limit: 50 }, signal)
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
    return [
      { value: '', label: this.t.common.chooseContact },
      ...(this.contacts.value ?? []).map((c) => ({ value: c.id, label: c.companyName })),
    ];
  }

  async #open(form: 'request' | 'schedule'): Promise<void> {
    this.form = this.form === form ? '' : form;
    this.clearFeedback();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(form === 'request' ? '#pr-contact' : '#rs-contact')?.focus();
  }

  protected override render(): TemplateResult {
    const t = this.t;
    const r = t.requests;
    return html`<div class="page" @cc-console-refunded=${() => this.requests.run()}>
      <div class="page-head">
        <h1 tabindex="-1">${t.nav.paymentRequests}</h1>
        <div class="actions">
          <button type="button" aria-expanded=${this.form === 'request' ? 'true' : 'false'} @click=${() => this.#open('request')}>${r.newRequest}</button>
          ${this.schedules.value !== null ? html`<button type="button" aria-expanded=${this.form === 'schedule' ? 'true' : 'false'} @click=${() => this.#open('schedule')}>${r.newSchedule}</button>` : nothing}
        </div>
      </div>
      ${this.form === 'request' ? this.#requestForm() : this.form === 'schedule' ? this.#scheduleForm() : this.feedback()}
      <section aria-labelledby="pr-list-h" class="page">
        <div class="page-head">
          <h2 id="pr-list-h">${r.requests}</h2>
          <div class="field narrow">
            ${select(t, { id: 'pr-status', label: t.common.status, value: this.status, options: statusOptions(t, requestStatuses), onInput: (v) => ((this.status = v), void this.requests.run()) })}
          </div>
        </div>
        ${loadView(t, this.requests, r.what, (list) => this.#requestTable(list))}
      </section>
      ${
        this.schedules.value === null
          ? html`<p class="muted">${r.unavailable}</p>`
          : html`<section aria-labelledby="rs-list-h" class="page">
            <h2 id="rs-list-h">${r.schedules}</h2>
            ${loadView(t, this.schedules, r.schedulesWhat, (list) => this.#scheduleTable(list ?? []))}
          </section>`
      }
    </div>`;
  }

  #requestTable(list: PaymentRequest[]): TemplateResult {
    const t = this.t;
    const { common, requests: m } = t;
    if (!list.length) return emptyView(this.status ? m.noneWithStatus : m.none);
    const names = this.#names();
    const loc = this.loc;
    return tableWrap(
      t.nav.paymentRequests,
      html`<table part="table">
        <thead><tr><th scope="col">${common.contact}</th><th scope="col">${common.status}</th><th scope="col">${m.memo}</th><th scope="col">${common.due}</th><th scope="col" class="num">${common.amount}</th><th scope="col" class="num">${common.remaining}</th><th scope="col">${m.minimum}</th><th scope="col"><span class="sr-only">${common.actions}</span></th></tr></thead>
        <tbody>${list.map((r) => {
          const who = names.get(r.contactId) ?? common.thisContact;
          const amount = formatMoney(r.amount, r.currency, loc);
          return html`<tr part="row">
            <th scope="row"><a href="#/contacts/${r.contactId}">${names.get(r.contactId) ?? r.contactId}</a></th>
            <td>${badge(t, r.status)}</td>
            <td class="wrap">${r.memo ?? (r.invoiceId ? m.forInvoice : '—')}</td>
            <td>${formatDate(r.dueDate, loc)}</td>
            <td class="num">${amount}</td>
            <td class="num">${formatMoney(r.remaining, r.currency, loc)}</td>
            <td>${
              r.minimums.card.percent === r.minimums.ach.percent
                ? common.percent(r.minimums.card.percent)
                : m.minimums(common.percent(r.minimums.card.percent), common.percent(r.minimums.ach.percent))
            }</td>
            <td><div class="actions">
              <button type="button" id="payments-${r.id}" aria-expanded=${this.showingPayments === r.id ? 'true' : 'false'} aria-label=${m.paymentsOf(who, amount)} @click=${() => (this.showingPayments = this.showingPayments === r.id ? '' : r.id)}>${common.payments}</button>
              ${
                ['pending_approval', 'approved'].includes(r.status)
                  ? html`<button type="button" class="danger" aria-label=${m.cancelOf(who, amount)} @click=${() => this.#cancel(r)}>${common.cancel}</button>`
                  : nothing
              }
            </div></td>
          </tr>
          ${
            this.showingPayments === r.id
              ? html`<tr part="row"><td colspan="8"><cc-console-payments .ctx=${this.ctx} payment-request-id=${r.id} label=${m.paymentsOfRequest}></cc-console-payments></td></tr>`
              : nothing
          }`;
        })}</tbody>
      </table>`,
    );
  }

  async #cancel(r: PaymentRequest): Promise<void> {
    if (!confirm(this.t.requests.cancelConfirm)) return;
    await this.act(async () => {
      await this.ctx!.api.post(`/v1/payment-requests/${encodeURIComponent(r.id)}/cancel`);
      this.ctx!.announce(this.t.requests.cancelled);
      await this.requests.run();
    });
  }

  #requestForm(): TemplateResult {
    const set = (key: keyof typeof this.pr) => (value: string) => {
      this.pr = { ...this.pr, [key]: value };
      this.errors = { ...this.errors, [`pr-${key === 'minimumPercent' ? 'minimum' : key}`]: '' };
    };
    const s = this.ctx!.merchant.settings.partialPayments;
    const t = this.t;
    const { common, requests: m } = t;
    return html`<form class="card" novalidate aria-labelledby="pr-h" @submit=${this.#createRequest}>
      <h2 id="pr-h">${m.newRequest}</h2>
      ${this.feedback()}
      <div class="grid-2">
        ${select(t, { id: 'pr-contact', label: common.contact, value: this.pr.contact, error: this.errors['pr-contact'], required: true, options: this.#contactOptions(), onInput: set('contact') })}
        ${input(t, { id: 'pr-amount', label: common.amount, inputmode: 'decimal', value: this.pr.amount, error: this.errors['pr-amount'], required: true, onInput: set('amount') })}
        ${select(t, { id: 'pr-currency', label: common.currency, value: this.pr.currency, options: currencyOptions(this.pr.currency, this.loc), onInput: set('currency') })}
        ${input(t, { id: 'pr-dueDate', label: common.dueDate, type: 'date', required: false, value: this.pr.dueDate, error: this.errors['pr-dueDate'], onInput: set('dueDate') })}
        ${input(t, { id: 'pr-minimum', label: m.minimumLabel, inputmode: 'numeric', required: false, value: this.pr.minimumPercent, error: this.errors['pr-minimum'], hint: m.minimumHint(common.percent(s.defaultMinimumPercent ?? 100)), onInput: set('minimumPercent') })}
        ${input(t, { id: 'pr-memo', label: m.memo, required: false, value: this.pr.memo, error: this.errors['pr-memo'], onInput: set('memo') })}
      </div>
      <div class="actions">
        <button class="primary" part="button button-primary" aria-disabled=${this.busy ? 'true' : 'false'}>${m.send}</button>
        <button type="button" @click=${() => ((this.form = ''), this.clearFeedback())}>${common.cancel}</button>
      </div>
    </form>`;
  }

  async #createRequest(event: Event): Promise<void> {
    event.preventDefault();
    const errors: Record<string, string> = {};
    const p = this.pr;
    const t = this.t;
    if (!p.contact) errors['pr-contact'] = t.requests.contactEmpty;
    const amount = readMoney(p.amount, p.currency, this.loc, t.money.labels.amount);
    if ('error' in amount) errors['pr-amount'] = amount.error;
    const min = p.minimumPercent.trim();
    if (min && (!/^\d+$/.test(min) || Number(min) < 1 || Number(min) > 100))
      errors['pr-minimum'] = t.requests.minimumRange;
    if (!(await this.showErrors(errors))) return;
    const body = {
      contactId: p.contact,
      amount: (amount as { amount: number }).amount,
      currency: p.currency,
      ...(p.dueDate ? { dueDate: p.dueDate } : {}),
      ...(p.memo.trim() ? { memo: p.memo.trim() } : {}),
      ...(min ? { minimumPercent: Number(min) } : {}),
    };
    const fields: Record<string, string> = {
      contactId: 'pr-contact',
      amount: 'pr-amount',
      dueDate: 'pr-dueDate',
      memo: 'pr-memo',
      minimumPercent: 'pr-minimum',
    };
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
        this.ctx!.announce(t.requests.sent);
        await this.requests.run();
      },
      (param) => fields[param],
    );
  }

  #scheduleTable(list: RecurringSchedule[]): TemplateResult {
    const t = this.t;
    const { common, requests: m } = t;
    if (!list.length) return emptyView(m.noSchedules);
    const names = this.#names();
    const loc = this.loc;
    return tableWrap(
      m.schedulesTable,
      html`<table part="table">
        <thead><tr><th scope="col">${common.contact}</th><th scope="col">${m.whatHeader}</th><th scope="col">${m.howOften}</th><th scope="col">${common.status}</th><th scope="col">${m.next}</th><th scope="col" class="num">${common.amount}</th><th scope="col"><span class="sr-only">${common.actions}</span></th></tr></thead>
        <tbody>${list.map((s) => {
          const every = m.every(s.interval, s.intervalCount);
          return html`<tr part="row">
            <th scope="row"><a href="#/contacts/${s.contactId}">${names.get(s.contactId) ?? s.contactId}</a></th>
            <td>${m.kinds[s.kind]}</td>
            <td>${m.span(every, formatDate(s.startDate, loc), s.endDate ? formatDate(s.endDate, loc) : '', s.occurrences)}</td>
            <td>${badge(t, s.status)}</td>
            <td>${formatDate(s.nextRunDate, loc)}</td>
            <td class="num">${formatMoney(s.amount, s.currency, loc)}</td>
            <td><div class="actions">
              <button type="button" aria-expanded=${this.showingPeriods === s.id ? 'true' : 'false'} aria-label=${m.periodsOf(names.get(s.contactId) ?? common.thisContact, formatMoney(s.amount, s.currency, loc), every)} @click=${() => (this.showingPeriods = this.showingPeriods === s.id ? '' : s.id)}>${m.periods}</button>
              ${s.status === 'active' ? html`<button type="button" @click=${() => this.#scheduleAction(s, 'pause')}>${m.pause}</button>` : nothing}
              ${s.status === 'paused' ? html`<button type="button" @click=${() => this.#scheduleAction(s, 'resume')}>${m.resume}</button>` : nothing}
              ${s.status === 'active' || s.status === 'paused' ? html`<button type="button" class="danger" @click=${() => this.#scheduleAction(s, 'cancel')}>${common.cancel}</button>` : nothing}
            </div></td>
          </tr>
          ${
            this.showingPeriods === s.id
              ? html`<tr part="row"><td colspan="7"><cc-console-schedule-periods .ctx=${this.ctx} schedule-id=${s.id}></cc-console-schedule-periods></td></tr>`
              : nothing
          }`;
        })}</tbody>
      </table>`,
    );
  }

  async #scheduleAction(s: RecurringSchedule, action: 'pause' | 'resume' | 'cancel'): Promise<void> {
    const m = this.t.requests;
    if (action === 'cancel' && !confirm(m.cancelScheduleConfirm)) return;
    await this.act(async () => {
      await this.ctx!.api.post(`/v1/recurring-schedules/${encodeURIComponent(s.id)}/${action}`);
      this.ctx!.announce(m.scheduleDone[action]);
      await this.schedules.run();
    });
  }

  #scheduleForm(): TemplateResult {
    const set = (key: keyof typeof this.rs) => (value: string) => {
      this.rs = { ...this.rs, [key]: value };
      this.errors = { ...this.errors, [`rs-${key}`]: '' };
    };
    const t = this.t;
    const { common, requests: m } = t;
    return html`<form class="card" novalidate aria-labelledby="rs-h" @submit=${this.#createSchedule}>
      <h2 id="rs-h">${m.newSchedule}</h2>
      ${this.feedback()}
      <div class="grid-2">
        ${select(t, { id: 'rs-contact', label: common.contact, value: this.rs.contact, error: this.errors['rs-contact'], required: true, options: this.#contactOptions(), onInput: set('contact') })}
        ${select(t, { id: 'rs-kind', label: m.eachMakes, value: this.rs.kind, options: (['invoice', 'payment_request'] as const).map((value) => ({ value, label: m.makes[value] })), onInput: set('kind') })}
        ${input(t, { id: 'rs-amount', label: m.amountPerPeriod, inputmode: 'decimal', value: this.rs.amount, error: this.errors['rs-amount'], required: true, onInput: set('amount') })}
        ${select(t, { id: 'rs-currency', label: common.currency, value: this.rs.currency, options: currencyOptions(this.rs.currency, this.loc), onInput: set('currency') })}
        ${select(t, { id: 'rs-interval', label: m.interval, value: this.rs.interval, options: (['week', 'month', 'quarter', 'year'] as const).map((value) => ({ value, label: m.intervals[value] })), onInput: set('interval') })}
        ${input(t, { id: 'rs-intervalCount', label: m.intervalCount, inputmode: 'numeric', value: this.rs.intervalCount, error: this.errors['rs-intervalCount'], required: true, onInput: set('intervalCount') })}
        ${input(t, { id: 'rs-startDate', label: m.firstPeriod, type: 'date', value: this.rs.startDate, error: this.errors['rs-startDate'], required: true, onInput: set('startDate') })}
        ${input(t, { id: 'rs-endDate', label: m.lastDay, type: 'date', required: false, value: this.rs.endDate, error: this.errors['rs-endDate'], hint: m.lastDayHint, onInput: set('endDate') })}
        ${input(t, { id: 'rs-occurrences', label: m.occurrences, inputmode: 'numeric', required: false, value: this.rs.occurrences, error: this.errors['rs-occurrences'], onInput: set('occurrences') })}
        ${input(t, { id: 'rs-description', label: common.description, required: false, value: this.rs.description, error: this.errors['rs-description'], onInput: set('description') })}
        ${
          this.rs.kind === 'invoice'
            ? input(t, {
                id: 'rs-invoiceNumberPrefix',
                label: m.numberPrefix,
                required: false,
                value: this.rs.invoiceNumberPrefix,
                error: this.errors['rs-invoiceNumberPrefix'],
                hint: m.numberPrefixHint,
                onInput: set('invoiceNumberPrefix'),
              })
            : nothing
        }
      </div>
      <div class="actions">
        <button class="primary" part="button button-primary" aria-disabled=${this.busy ? 'true' : 'false'}>${m.create}</button>
        <button type="button" @click=${() => ((this.form = ''), this.clearFeedback())}>${common.cancel}</button>
      </div>
    </form>`;
  }

  async #createSchedule(event: Event): Promise<void> {
    event.preventDefault();
    const r = this.rs;
    const t = this.t;
    const m = t.requests;
    const errors: Record<string, string> = {};
    if (!r.contact) errors['rs-contact'] = m.contactEmpty;
    const amount = readMoney(r.amount, r.currency, this.loc, t.money.labels.amount);
    if ('error' in amount) errors['rs-amount'] = amount.error;
    if (!/^\d+$/.test(r.intervalCount) || Number(r.intervalCount) < 1 || Number(r.intervalCount) > 12)
      errors['rs-intervalCount'] = m.countRange;
    if (!r.startDate) errors['rs-startDate'] = m.startEmpty;
    if (r.occurrences && !/^\d+$/.test(r.occurrences)) errors['rs-occurrences'] = m.occurrencesInvalid;
    const prefix = r.kind === 'invoice' ? r.invoiceNumberPrefix.trim() : '';
    if (prefix && !/^[A-Za-z0-9][A-Za-z0-9._/#-]{0,39}$/.test(prefix))
      errors['rs-invoiceNumberPrefix'] = m.numberPrefixInvalid;
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
      ...(prefix ? { invoiceNumberPrefix: prefix } : {}),
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
        this.ctx!.announce(m.created);
        await this.schedules.run();
      },
      (param) => (param === 'contactId' ? 'rs-contact' : `rs-${param}`),
    );
  }
}
