// The wallet's read-only sections (terms, payments, disputes): each renders from the wallet
// the element loaded, in the element's words and locale, and dispatches nothing.
import { html, nothing, type TemplateResult } from 'lit';
import type { Messages } from '../../internal/messages.js';
import { formatMoney } from '../../internal/money-format.js';
import type { Wallet, WalletPayment, WalletPaymentMethod } from '../../internal/wallet-api.js';
import { formatDate, methodLabel } from '../../internal/wallet-format.js';

const moneyIn = (locale: string) => (minor: number, currency: string) => formatMoney(minor, currency, locale);

/** The customer's payment terms with the merchant: net days and credit limit. */
export function renderTerms(wallet: Wallet, m: Messages, locale: string): TemplateResult {
  const money = moneyIn(locale);
  const w = m.wallet;
  const terms = wallet.terms;
  return html`<section aria-labelledby="terms-title">
    <h3 id="terms-title">${w.terms}</h3>
    ${
      terms
        ? html`<dl class="facts">
          <div><dt>${w.terms}</dt><dd>${w.netDays(terms.netDays)}</dd></div>
          <div><dt>${w.creditLimit}</dt><dd part="amount">${money(terms.creditLimit, terms.currency)}</dd></div>
        </dl>`
        : html`<p class="muted">${w.noTerms}</p>`
    }
  </section>`;
}

/** The customer's payments, newest first, with the method and the processor's word on a refusal. */
export function renderPayments(wallet: Wallet, m: Messages, locale: string): TemplateResult {
  const w = m.wallet;
  const payments = wallet.payments.data;
  const methods = new Map(wallet.paymentMethods.data.map((method) => [method.id, method]));
  return html`<section aria-labelledby="payments-title">
    <h3 id="payments-title">${w.payments}</h3>
    ${
      payments.length === 0
        ? html`<p class="muted">${w.noPayments}</p>`
        : html`<div class="table-wrap">
          <table part="table" aria-labelledby="payments-title">
            <thead>
              <tr>
                <th scope="col">${w.date}</th>
                <th scope="col" class="num">${w.amount}</th>
                <th scope="col">${w.method}</th>
                <th scope="col">${w.status}</th>
              </tr>
            </thead>
            <tbody>
              ${payments.map((payment) => renderPayment(payment, methods, m, locale))}
            </tbody>
          </table>
        </div>`
    }
  </section>`;
}

function renderPayment(
  payment: WalletPayment,
  methods: Map<string, WalletPaymentMethod>,
  m: Messages,
  locale: string,
): TemplateResult {
  const money = moneyIn(locale);
  const method = methods.get(payment.paymentMethodId);
  const failure = payment.failureCode
    ? ((m.paymentErrors as Record<string, unknown>)[payment.failureCode] as string | undefined)
    : undefined;
  return html`<tr part="row">
    <td>${formatDate(payment.createdAt, locale)}</td>
    <td class="num" part="amount">${money(payment.amount, payment.currency)}</td>
    <td>${method ? methodLabel(method, m) : ''}</td>
    <td>
      <span part="status" class="badge ${payment.status === 'failed' ? 'danger' : 'success'}">${m.paymentStatus[payment.status]}</span>
      ${failure ? html`<span class="muted">${failure}</span>` : nothing}
    </td>
  </tr>`;
}

/** The customer's disputes and how the merchant resolved them. */
export function renderDisputes(wallet: Wallet, m: Messages, locale: string): TemplateResult {
  const money = moneyIn(locale);
  const w = m.wallet;
  const disputes = wallet.disputes.data;
  const numbers = new Map(wallet.invoices.data.map((invoice) => [invoice.id, invoice]));
  return html`<section aria-labelledby="disputes-title">
    <h3 id="disputes-title">${w.disputes}</h3>
    ${
      disputes.length === 0
        ? html`<p class="muted">${w.noDisputes}</p>`
        : html`<ul class="list">
          ${disputes.map((dispute) => {
            const invoice = numbers.get(dispute.invoiceId);
            const status =
              dispute.status === 'open' ? w.disputeStatus.open : w.disputeStatus[dispute.outcome ?? 'reject'];
            return html`<li>
              <span class="what">
                <strong>${invoice ? `${m.request.invoice} ${invoice.number}` : dispute.invoiceId}</strong>
                ${dispute.explanation ? html`<span class="muted">${dispute.explanation}</span>` : nothing}
              </span>
              <span part="amount">${money(dispute.amount, dispute.currency ?? invoice?.currency ?? 'USD')}</span>
              <span part="status" class="badge ${dispute.status === 'open' ? 'danger' : 'success'}">${status}</span>
            </li>`;
          })}
        </ul>`
    }
  </section>`;
}
