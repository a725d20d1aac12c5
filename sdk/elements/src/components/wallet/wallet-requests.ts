import { html, nothing, type TemplateResult } from 'lit';
import type { Messages } from '../../internal/messages.js';
import { formatMoney } from '../../internal/money-format.js';
import type { Wallet, WalletPaymentRequest } from '../../internal/wallet-api.js';
import type { OlderRows } from './older-rows.js';
import { exportedParts, type Panel, type PanelActions } from './wallet-panel.js';

const openRequestStatuses = new Set(['pending_approval', 'approved', 'partially_paid']);

/** What the requests section shows: the wallet's state, read-only. */
export interface RequestsView {
  m: Messages;
  locale: string;
  panel: Panel | undefined;
  older: OlderRows<WalletPaymentRequest>;
  olderNote: string;
}

/** What the requests section asks the wallet to do. */
export interface RequestActions extends PanelActions {
  showOlder: () => void;
}

/**
 * The customer's payment requests: each one's amount, memo, invoice and status, with Review
 * (the payment request element, in place) while it is open; older ones on request.
 */
export function renderRequests(wallet: Wallet, v: RequestsView, on: RequestActions): TemplateResult {
  const m = v.m;
  const w = m.wallet;
  const { rows: requests, hasMore } = v.older.view(wallet.paymentRequests);
  return html`<section aria-labelledby="requests-title">
    <h3 id="requests-title">${w.requests}</h3>
    ${
      requests.length === 0
        ? html`<p class="muted">${w.noRequests}</p>`
        : html`<ul class="list">
          ${requests.map((request) => renderRequest(request, wallet, v, on))}
        </ul>`
    }
    ${
      hasMore
        ? html`<p><button part="button" type="button" id="older-requests" aria-disabled=${v.older.busy ? 'true' : 'false'} @click=${on.showOlder}>${w.showOlderRequests}</button></p>`
        : nothing
    }
    <p class="sr-only" role="status">${v.olderNote}</p>
  </section>`;
}

function renderRequest(
  request: WalletPaymentRequest,
  wallet: Wallet,
  v: RequestsView,
  on: RequestActions,
): TemplateResult {
  const m = v.m;
  const w = m.wallet;
  const open = v.panel?.kind === 'request' && v.panel.requestId === request.id;
  const invoice = request.invoiceId ? wallet.invoices.data.find((i) => i.id === request.invoiceId) : undefined;
  const amount = formatMoney(request.amount, request.currency, v.locale);
  return html`<li id="request-${request.id}">
      <span class="what">
        <strong part="amount">${amount}</strong>
        <span class="muted">${[request.memo, invoice ? `${m.request.invoice} ${invoice.number}` : ''].filter(Boolean).join(' · ')}</span>
      </span>
      <span class="badges"><span part="status" class="badge ${request.status === 'paid' ? 'success' : ''}">${m.requestStatus[request.status]}</span></span>
      ${
        openRequestStatuses.has(request.status)
          ? html`<button
            part="button"
            type="button"
            id="review-${request.id}"
            aria-label=${w.reviewRequest(amount)}
            aria-expanded=${open ? 'true' : 'false'}
            @click=${() => on.open({ kind: 'request', requestId: request.id, opener: `review-${request.id}` })}
          >
            ${w.review}
          </button>`
          : nothing
      }
    </li>
    ${
      open
        ? html`<li class="inline-panel" @keydown=${on.panelKeydown}>
          <cc-payment-request
            cancelable
            exportparts=${exportedParts}
            request-id=${request.id}
            .request=${request}
            .paymentMethods=${wallet.paymentMethods.data}
            @cc-cancel=${on.close}
          ></cc-payment-request>
        </li>`
        : nothing
    }`;
}
