import { html, nothing, type TemplateResult } from 'lit';
import type { Messages } from '../../internal/messages.js';
import { formatMoney } from '../../internal/money-format.js';
import type { Wallet, WalletInvoice } from '../../internal/wallet-api.js';
import { formatDate, methodLabel } from '../../internal/wallet-format.js';
import type { OlderRows } from './older-rows.js';
import { exportedParts, type Panel, type PanelActions } from './wallet-panel.js';

const payableStatuses = new Set(['open', 'partially_paid']);

/** What the invoices section shows: the wallet's state, read-only. */
export interface InvoicesView {
  m: Messages;
  locale: string;
  panel: Panel | undefined;
  older: OlderRows<WalletInvoice>;
  olderNote: string;
  pay: { methodId: string; busy: boolean; alert?: string | undefined };
}

/** What the invoices section asks the wallet to do. */
export interface InvoiceActions extends PanelActions {
  showOlder: () => void;
  chooseMethod: (methodId: string) => void;
  pay: (event: Event, invoice: WalletInvoice) => void;
}

/**
 * The customer's invoices (balance, due date, status, overdue), with Pay (the pay panel, in
 * place) and Dispute (the dispute form, in place) on the ones still open; older ones on request.
 */
export function renderInvoices(wallet: Wallet, v: InvoicesView, on: InvoiceActions): TemplateResult {
  const m = v.m;
  const w = m.wallet;
  const { rows: invoices, hasMore } = v.older.view(wallet.invoices);
  return html`<section aria-labelledby="invoices-title">
    <h3 id="invoices-title">${w.invoices}</h3>
    ${
      invoices.length === 0
        ? html`<p class="muted">${w.noInvoices}</p>`
        : html`<div class="table-wrap">
          <table part="table" aria-labelledby="invoices-title">
            <thead>
              <tr>
                <th scope="col">${w.invoice}</th>
                <th scope="col" class="num">${w.balance}</th>
                <th scope="col">${w.dueDate}</th>
                <th scope="col">${w.status}</th>
                <th scope="col">${w.actions}</th>
              </tr>
            </thead>
            <tbody>
              ${invoices.map((invoice) => renderInvoiceRow(invoice, wallet, v, on))}
            </tbody>
          </table>
        </div>`
    }
    ${
      hasMore
        ? html`<p><button part="button" type="button" id="older-invoices" aria-disabled=${v.older.busy ? 'true' : 'false'} @click=${on.showOlder}>${w.showOlder}</button></p>`
        : nothing
    }
    <p class="sr-only" role="status">${v.olderNote}</p>
  </section>`;
}

function renderInvoiceRow(invoice: WalletInvoice, wallet: Wallet, v: InvoicesView, on: InvoiceActions): TemplateResult {
  const m = v.m;
  const money = (minor: number, currency: string) => formatMoney(minor, currency, v.locale);
  const w = m.wallet;
  const panel = v.panel;
  const open =
    panel && (panel.kind === 'pay' || panel.kind === 'dispute') && panel.invoiceId === invoice.id ? panel : undefined;
  const payable = payableStatuses.has(invoice.status) && invoice.balance > 0;
  return html`<tr part="row" id="invoice-${invoice.id}">
      <th scope="row">${invoice.number}</th>
      <td class="num" part="amount">${money(invoice.balance, invoice.currency)}</td>
      <td>${formatDate(invoice.dueDate, v.locale)}</td>
      <td>
        <span class="badges">
          <span part="status" class="badge ${invoice.status === 'paid' ? 'success' : invoice.status === 'disputed' ? 'danger' : ''}">${m.invoiceStatus[invoice.status]}</span>
          ${invoice.overdue ? html`<span part="status" class="badge danger">${m.overdue}</span>` : nothing}
        </span>
      </td>
      <td class="actions-cell">
        ${
          payable
            ? html`<button
                part="button button-primary"
                class="primary"
                type="button"
                id="pay-${invoice.id}"
                aria-label=${w.payInvoice(invoice.number)}
                aria-expanded=${open?.kind === 'pay' ? 'true' : 'false'}
                @click=${() => on.open({ kind: 'pay', invoiceId: invoice.id, opener: `pay-${invoice.id}` })}
              >
                ${w.pay}
              </button>
              <button
                part="button"
                type="button"
                id="dispute-${invoice.id}"
                aria-label=${w.disputeInvoice(invoice.number)}
                aria-expanded=${open?.kind === 'dispute' ? 'true' : 'false'}
                @click=${() => on.open({ kind: 'dispute', invoiceId: invoice.id, opener: `dispute-${invoice.id}` })}
              >
                ${w.dispute}
              </button>`
            : nothing
        }
      </td>
    </tr>
    ${
      open
        ? html`<tr class="panel-row" part="row">
          <td colspan="5" @keydown=${on.panelKeydown}>
            ${
              open.kind === 'dispute'
                ? html`<cc-dispute-form
                  cancelable
                  exportparts=${exportedParts}
                  invoice-id=${invoice.id}
                  .invoice=${invoice}
                  @cc-cancel=${on.close}
                ></cc-dispute-form>`
                : renderPayPanel(invoice, wallet, v, on)
            }
          </td>
        </tr>`
        : nothing
    }`;
}

function renderPayPanel(invoice: WalletInvoice, wallet: Wallet, v: InvoicesView, on: InvoiceActions): TemplateResult {
  const m = v.m;
  const money = (minor: number, currency: string) => formatMoney(minor, currency, v.locale);
  const w = m.wallet;
  const methods = wallet.paymentMethods.data;
  const amount = money(invoice.balance, invoice.currency);
  return html`<section class="panel" aria-labelledby="pay-title">
    <h4 id="pay-title" tabindex="-1">${w.payTitle(invoice.number, amount)}</h4>
    ${v.pay.alert ? html`<div part="error" class="alert" role="alert" id="pay-alert" tabindex="-1">${v.pay.alert}</div>` : nothing}
    ${
      methods.length === 0
        ? html`<p>${m.request.noMethods}</p>
          <cc-payment-method-form exportparts=${exportedParts} cancelable @cc-cancel=${on.close}></cc-payment-method-form>`
        : html`<form part="form" novalidate aria-labelledby="pay-title" aria-busy=${v.pay.busy ? 'true' : 'false'} @submit=${(event: Event) => on.pay(event, invoice)}>
          <fieldset part="field">
            <legend part="label">${m.request.payWith}</legend>
            ${methods.map(
              (method) => html`<div class="choice">
                <input
                  part="input"
                  type="radio"
                  name="pay-method"
                  id="pay-method-${method.id}"
                  .checked=${method.id === v.pay.methodId}
                  @change=${() => on.chooseMethod(method.id)}
                />
                <label for="pay-method-${method.id}">${methodLabel(method, m)}${method.isDefault ? html` <span class="muted">(${m.methods.isDefault})</span>` : nothing}</label>
              </div>`,
            )}
          </fieldset>
          <div class="actions">
            <button part="button button-primary" class="primary" type="submit" aria-disabled=${v.pay.busy ? 'true' : 'false'}>${m.request.pay(amount)}</button>
            <button part="button" type="button" @click=${on.close}>${m.cancel}</button>
          </div>
          <p class="sr-only" role="status">${v.pay.busy ? m.request.working : ''}</p>
        </form>`
    }
  </section>`;
}
