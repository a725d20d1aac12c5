import { html, nothing, type TemplateResult } from 'lit';
import type { Messages } from '../../internal/messages.js';
import { formatMoney } from '../../internal/money-format.js';
import type { WalletPaymentRequest } from '../../internal/wallet-api.js';
import { formatDate } from '../../internal/wallet-format.js';

/** What a payment request asks, what was paid and what is left, its due date, memo and status. */
export function renderRequestFacts(request: WalletPaymentRequest, m: Messages, locale: string): TemplateResult {
  const money = (minor: number) => formatMoney(minor, request.currency, locale);
  const row = (label: string, value: unknown, part?: string) =>
    html`<div><dt>${label}</dt>${part ? html`<dd part=${part}>${value}</dd>` : html`<dd>${value}</dd>`}</div>`;
  const closed = request.status === 'declined' || request.status === 'cancelled' || request.status === 'expired';
  return html`<dl class="facts">
    ${row(m.request.amount, money(request.amount), 'amount')}
    ${request.paidAmount > 0 ? row(m.request.paid, money(request.paidAmount), 'amount') : nothing}
    ${closed ? nothing : row(m.request.remaining, money(request.remaining), 'amount')}
    ${request.dueDate ? row(m.request.due, formatDate(request.dueDate, locale)) : nothing}
    ${request.memo ? row(m.request.memo, request.memo) : nothing}
    ${row(
      m.request.status,
      html`<span part="status" class="badge ${request.status === 'paid' ? 'success' : ''}" id="request-status">${m.requestStatus[request.status]}</span>`,
    )}
  </dl>`;
}
