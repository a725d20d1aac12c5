import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { RetryKey } from '@customerconnect/sdk/internal';
import type { Page, Payment } from './api.js';
import { formatDateTime, formatMoney, moneyInputText, readMoney, statusText } from './format.js';
import { Load } from './load.js';
import { ConsolePart, badge, emptyView, input, loadView, tableWrap } from './part.js';

/**
 * The payments of one contact, invoice or payment request (`GET /v1/payments` with that
 * filter), newest first, each with what was refunded; a succeeded payment with something
 * left to refund offers Refund, in whole or in part (`POST /v1/payments/:id/refunds`).
 * Fires `cc-console-refunded` (bubbles, composed) after a refund, so the page showing the
 * payments can reload the balances around them.
 *
 * @tagname cc-console-payments
 */
export class CcConsolePayments extends ConsolePart {
  @property({ attribute: 'contact-id' }) contactId = '';
  @property({ attribute: 'invoice-id' }) invoiceId = '';
  @property({ attribute: 'payment-request-id' }) paymentRequestId = '';
  /** The table's accessible name; "Payments" in the console's language when empty. */
  @property() label = '';

  @state() private refunding?: Payment | undefined;
  @state() private refundAmount = '';

  readonly #retry = new RetryKey();
  readonly list = new Load<Payment[]>(this, (signal) =>
    this.ctx!.api.get<Page<Payment>>(
      '/v1/payments',
      {
        contactId: this.contactId || undefined,
        invoiceId: this.invoiceId || undefined,
        paymentRequestId: this.paymentRequestId || undefined,
        limit: 50,
      },
      signal,
    ).then((p) => p.data),
  );

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!this.ctx) return;
    const filters = ['contactId', 'invoiceId', 'paymentRequestId'] as const;
    const refilter = filters.some((k) => changed.has(k) && changed.get(k) !== undefined);
    if (this.list.state === 'idle' || refilter) void this.list.run();
  }

  /** Reads the payments again (after something changed them elsewhere on the page). */
  reload(): Promise<void> {
    return this.list.run();
  }

  protected override render(): unknown {
    return html`${this.feedback()} ${loadView(this.t, this.list, this.t.payments.what, (payments) => this.#table(payments))}`;
  }

  #table(payments: Payment[]): TemplateResult {
    const t = this.t;
    const { common } = t;
    if (!payments.length) return emptyView(t.payments.none);
    const loc = this.loc;
    return tableWrap(
      this.label || common.payments,
      html`<table part="table">
        <thead><tr><th scope="col">${t.payments.date}</th><th scope="col">${common.status}</th><th scope="col">${t.payments.how}</th><th scope="col" class="num">${common.amount}</th><th scope="col" class="num">${common.refunded}</th><th scope="col"><span class="sr-only">${common.actions}</span></th></tr></thead>
        <tbody>
          ${payments.map(
            (p) => html`<tr part="row">
                <td>${formatDateTime(p.createdAt, loc)}</td>
                <td>${badge(t, p.status)} ${p.failureCode ? statusText(t, p.failureCode) : ''}</td>
                <td>${p.source === 'automatic' ? t.payments.automatic : t.payments.byCustomer}</td>
                <td class="num">${formatMoney(p.amount, p.currency, loc)}</td>
                <td class="num">${formatMoney(p.refundedAmount, p.currency, loc)}</td>
                <td>${
                  p.status === 'succeeded' && p.refundedAmount < p.amount
                    ? html`<button type="button" id="refund-${p.id}" aria-label=${t.payments.refundLabel(formatMoney(p.amount, p.currency, loc), formatDateTime(p.createdAt, loc))} aria-expanded=${this.refunding?.id === p.id ? 'true' : 'false'} @click=${() => this.#openRefund(p)}>${t.payments.refund}</button>`
                    : nothing
                }</td>
              </tr>
              ${this.refunding?.id === p.id ? html`<tr part="row"><td colspan="6">${this.#refundForm(p)}</td></tr>` : nothing}`,
          )}
        </tbody>
      </table>`,
    );
  }

  async #openRefund(payment: Payment): Promise<void> {
    if (this.busy) return; // a refund is on its way: its answer closes its own form
    this.refunding = payment;
    this.refundAmount = moneyInputText(payment.amount - payment.refundedAmount, payment.currency, this.loc);
    this.clearFeedback();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#refund-amount')?.focus();
  }

  async #closeRefund(): Promise<void> {
    const id = this.refunding?.id;
    this.refunding = undefined;
    this.clearFeedback();
    await this.updateComplete;
    if (id) this.renderRoot.querySelector<HTMLElement>(`#refund-${CSS.escape(id)}`)?.focus();
  }

  #refundForm(p: Payment): TemplateResult {
    const refundable = formatMoney(p.amount - p.refundedAmount, p.currency, this.loc);
    const t = this.t;
    return html`<form novalidate aria-label=${t.payments.refund} @submit=${this.#submitRefund} @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && void this.#closeRefund()}>
      ${input(t, {
        id: 'refund-amount',
        label: t.payments.amount,
        inputmode: 'decimal',
        required: true,
        value: this.refundAmount,
        hint: t.payments.hint(refundable),
        error: this.errors['refund-amount'],
        onInput: (v) => (this.refundAmount = v),
      })}
      <div class="actions">
        <button class="primary" part="button button-primary" aria-disabled=${this.busy ? 'true' : 'false'}>${t.payments.refund}</button>
        <button type="button" @click=${() => this.#closeRefund()}>${t.common.cancel}</button>
      </div>
    </form>`;
  }

  async #submitRefund(event: Event): Promise<void> {
    event.preventDefault();
    const payment = this.refunding;
    if (!payment) return;
    const t = this.t;
    const amount = readMoney(this.refundAmount, payment.currency, this.loc, t.money.labels.refund);
    if (!(await this.showErrors('error' in amount ? { 'refund-amount': amount.error } : {}))) return;
    const value = (amount as { amount: number }).amount;
    const refundable = payment.amount - payment.refundedAmount;
    if (value <= 0 || value > refundable) {
      await this.showErrors({
        'refund-amount': t.payments.range(
          formatMoney(1, payment.currency, this.loc),
          formatMoney(refundable, payment.currency, this.loc),
        ),
      });
      return;
    }
    await this.act(
      async () => {
        const body = { amount: value };
        try {
          // A retry after a lost answer reuses the key: the money goes back once.
          await this.ctx!.api.post(
            `/v1/payments/${encodeURIComponent(payment.id)}/refunds`,
            body,
            this.#retry.next({ payment: payment.id, ...body }),
          );
        } catch (error) {
          this.#retry.failed(error);
          throw error;
        }
        if (this.refunding?.id === payment.id) this.refunding = undefined;
        this.ctx!.announce(t.payments.done(formatMoney(value, payment.currency, this.loc)));
        await this.list.run();
        // Focus back on the payment's row: its Refund button, or the table when all is refunded.
        await this.updateComplete;
        (
          this.renderRoot.querySelector<HTMLElement>(`#refund-${CSS.escape(payment.id)}`) ??
          this.renderRoot.querySelector<HTMLElement>('.table-wrap')
        )?.focus();
        this.dispatchEvent(
          new CustomEvent('cc-console-refunded', {
            bubbles: true,
            composed: true,
            detail: { paymentId: payment.id, amount: value },
          }),
        );
      },
      (param) => (param === 'amount' ? 'refund-amount' : undefined),
    );
  }
}
