import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { RetryKey } from '../internal/retry-key.js';
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
  /** The table's accessible name. */
  @property() label = 'Payments';

  @state() private refunding?: Payment | undefined;
  @state() private refundAmount = '';

  readonly #retry = new RetryKey();
  readonly list = new Load<Payment[]>(this, (signal) =>
    this.ctx!.api
      .get<Page<Payment>>(
        '/v1/payments',
        { contactId: this.contactId || undefined, invoiceId: this.invoiceId || undefined, paymentRequestId: this.paymentRequestId || undefined, limit: 50 },
        signal,
      )
      .then((p) => p.data),
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
    return html`${this.feedback()} ${loadView(this.list, 'the payments', (payments) => this.#table(payments))}`;
  }

  #table(payments: Payment[]): TemplateResult {
    if (!payments.length) return emptyView('No payments yet.');
    const loc = this.loc;
    return tableWrap(
      this.label,
      html`<table part="table">
        <thead><tr><th scope="col">Date</th><th scope="col">Status</th><th scope="col">How</th><th scope="col" class="num">Amount</th><th scope="col" class="num">Refunded</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
        <tbody>
          ${payments.map(
            (p) => html`<tr part="row">
                <td>${formatDateTime(p.createdAt, loc)}</td>
                <td>${badge(p.status)} ${p.failureCode ? statusText(p.failureCode) : ''}</td>
                <td>${p.source === 'automatic' ? 'Automatic' : 'By the customer'}</td>
                <td class="num">${formatMoney(p.amount, p.currency, loc)}</td>
                <td class="num">${formatMoney(p.refundedAmount, p.currency, loc)}</td>
                <td>${p.status === 'succeeded' && p.refundedAmount < p.amount
                  ? html`<button type="button" id="refund-${p.id}" aria-label="Refund the payment of ${formatMoney(p.amount, p.currency, loc)} made ${formatDateTime(p.createdAt, loc)}" aria-expanded=${this.refunding?.id === p.id ? 'true' : 'false'} @click=${() => this.#openRefund(p)}>Refund</button>`
                  : nothing}</td>
              </tr>
              ${this.refunding?.id === p.id ? html`<tr part="row"><td colspan="6">${this.#refundForm(p)}</td></tr>` : nothing}`,
          )}
        </tbody>
      </table>`,
    );
  }

  async #openRefund(payment: Payment): Promise<void> {
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
    return html`<form novalidate aria-label="Refund" @submit=${this.#submitRefund} @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && void this.#closeRefund()}>
      ${input({
        id: 'refund-amount',
        label: 'Amount to refund',
        inputmode: 'decimal',
        required: true,
        value: this.refundAmount,
        hint: `Up to ${refundable}. The invoice's balance rises by what is refunded.`,
        error: this.errors['refund-amount'],
        onInput: (v) => (this.refundAmount = v),
      })}
      <div class="actions">
        <button class="primary" part="button button-primary" aria-disabled=${this.busy ? 'true' : 'false'}>Refund</button>
        <button type="button" @click=${() => this.#closeRefund()}>Cancel</button>
      </div>
    </form>`;
  }

  async #submitRefund(event: Event): Promise<void> {
    event.preventDefault();
    const payment = this.refunding;
    if (!payment) return;
    const amount = readMoney(this.refundAmount, payment.currency, this.loc, 'Amount to refund');
    if (!(await this.showErrors('error' in amount ? { 'refund-amount': amount.error } : {}))) return;
    const value = (amount as { amount: number }).amount;
    const refundable = payment.amount - payment.refundedAmount;
    if (value <= 0 || value > refundable) {
      await this.showErrors({ 'refund-amount': `Enter an amount from ${formatMoney(1, payment.currency, this.loc)} to ${formatMoney(refundable, payment.currency, this.loc)}.` });
      return;
    }
    await this.act(
      async () => {
        const body = { amount: value };
        try {
          // A retry after a lost answer reuses the key: the money goes back once.
          await this.ctx!.api.post(`/v1/payments/${encodeURIComponent(payment.id)}/refunds`, body, this.#retry.next({ payment: payment.id, ...body }));
        } catch (error) {
          this.#retry.failed(error);
          throw error;
        }
        this.refunding = undefined;
        this.ctx!.announce(`Refunded ${formatMoney(value, payment.currency, this.loc)}.`);
        await this.list.run();
        this.dispatchEvent(new CustomEvent('cc-console-refunded', { bubbles: true, composed: true, detail: { paymentId: payment.id, amount: value } }));
      },
      (param) => (param === 'amount' ? 'refund-amount' : undefined),
    );
  }
}
