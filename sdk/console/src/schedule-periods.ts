import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { RecurringPeriod, RecurringScheduleDetail } from './api.js';
import { formatDate, statusText } from './format.js';
import { Load } from './load.js';
import { ConsolePart, badge, emptyView, loadView, tableWrap } from './part.js';

/**
 * The periods a recurring schedule generated so far (`GET /v1/recurring-schedules/:id`), newest
 * first: the date, whether it was generated or why not, and what it made — an invoice (linked
 * to its page) or a payment request — with that one's payments under the row on demand.
 *
 * @tagname cc-console-schedule-periods
 */
export class CcConsoleSchedulePeriods extends ConsolePart {
  @property({ attribute: 'schedule-id' }) scheduleId = '';
  /** The period whose payments are shown. */
  @state() private open = -1;

  readonly detail = new Load<RecurringScheduleDetail>(this, (signal) =>
    this.ctx!.api.get<RecurringScheduleDetail>(
      `/v1/recurring-schedules/${encodeURIComponent(this.scheduleId)}`,
      undefined,
      signal,
    ),
  );

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (
      this.ctx &&
      (this.detail.state === 'idle' || (changed.has('scheduleId') && changed.get('scheduleId') !== undefined))
    )
      void this.detail.run();
  }

  protected override render(): unknown {
    return loadView(this.t, this.detail, this.t.periods.what, (d) => this.#table(d.periods));
  }

  #table(periods: RecurringPeriod[]): TemplateResult {
    const t = this.t;
    const { common, periods: m } = t;
    if (!periods.length) return emptyView(m.none);
    const loc = this.loc;
    return tableWrap(
      m.table,
      html`<table part="table">
        <thead><tr><th scope="col">${m.period}</th><th scope="col">${common.status}</th><th scope="col">${m.made}</th><th scope="col"><span class="sr-only">${common.actions}</span></th></tr></thead>
        <tbody>${periods.map((p) => {
          const date = formatDate(p.date, loc);
          return html`<tr part="row">
              <th scope="row">${date}</th>
              <td>${badge(t, p.status)} ${p.errorCode ? statusText(t, p.errorCode) : ''}</td>
              <td>${
                p.invoiceId
                  ? html`<a href="#/invoices/${p.invoiceId}" aria-label=${m.invoiceOf(date)}>${m.invoice}</a>`
                  : p.paymentRequestId
                    ? m.paymentRequest
                    : '—'
              }</td>
              <td>${
                p.invoiceId || p.paymentRequestId
                  ? html`<button type="button" aria-expanded=${this.open === p.index ? 'true' : 'false'} aria-label=${m.paymentsOf(date)} @click=${() => (this.open = this.open === p.index ? -1 : p.index)}>${common.payments}</button>`
                  : nothing
              }</td>
            </tr>
            ${
              this.open === p.index
                ? html`<tr part="row"><td colspan="4">
                  <cc-console-payments .ctx=${this.ctx} invoice-id=${p.invoiceId ?? ''} payment-request-id=${p.invoiceId ? '' : (p.paymentRequestId ?? '')} label=${m.paymentsOf(date)}></cc-console-payments>
                </td></tr>`
                : nothing
            }`;
        })}</tbody>
      </table>`,
    );
  }
}
