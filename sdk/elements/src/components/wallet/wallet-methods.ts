import { html, nothing, type TemplateResult } from 'lit';
import type { Messages } from '../../internal/messages.js';
import type { Wallet, WalletPaymentMethod } from '../../internal/wallet-api.js';
import { methodLabel } from '../../internal/wallet-format.js';
import { exportedParts, type Panel, type PanelActions } from './wallet-panel.js';

/** What the wallet asks about a payment method. */
export interface MethodActions extends PanelActions {
  makeDefault: (method: WalletPaymentMethod) => void;
  remove: (method: WalletPaymentMethod) => void;
}

/**
 * The customer's payment methods: make one the default, remove one (confirmed in place),
 * add one (the payment method form, in place). It renders and hands every action to the wallet.
 */
export function renderMethods(
  wallet: Wallet,
  v: { m: Messages; panel: Panel | undefined; busyMethod: string | undefined },
  on: MethodActions,
): TemplateResult {
  const { m, panel } = v;
  const w = m.wallet;
  const methods = wallet.paymentMethods.data;
  return html`<section aria-labelledby="methods-title">
    <h3 id="methods-title">${w.paymentMethods}</h3>
    ${
      methods.length === 0
        ? html`<p class="muted">${w.noMethods}</p>`
        : html`<ul class="list">
          ${methods.map((method) => {
            const label = methodLabel(method, m);
            const expiry =
              method.expMonth && method.expYear
                ? m.methods.expires(String(method.expMonth).padStart(2, '0'), method.expYear)
                : '';
            const confirming = panel?.kind === 'remove' && panel.methodId === method.id;
            const busy = v.busyMethod === method.id ? 'true' : 'false';
            return html`<li>
              <span class="what"><span>${label}</span>${expiry ? html`<span class="muted">${expiry}</span>` : nothing}</span>
              ${method.isDefault ? html`<span part="status" class="badge success">${m.methods.isDefault}</span>` : nothing}
              <span class="actions">
                ${
                  confirming
                    ? html`<span role="group" aria-labelledby="confirm-${method.id}" @keydown=${on.panelKeydown}>
                      <span id="confirm-${method.id}">${w.confirmRemove(label)}</span>
                      <button part="button" type="button" id="confirm-remove-${method.id}" aria-disabled=${busy} @click=${() => on.remove(method)}>${w.remove}</button>
                      <button part="button" type="button" @click=${on.close}>${m.cancel}</button>
                    </span>`
                    : html`${
                        method.isDefault
                          ? nothing
                          : html`<button part="button" type="button" aria-label=${w.makeDefaultLabel(label)} aria-disabled=${busy} @click=${() => on.makeDefault(method)}>
                            ${w.makeDefault}
                          </button>`
                      }
                      <button
                        part="button"
                        type="button"
                        id="remove-${method.id}"
                        aria-label=${w.removeLabel(label)}
                        @click=${() => on.open({ kind: 'remove', methodId: method.id, opener: `remove-${method.id}` })}
                      >
                        ${w.remove}
                      </button>`
                }
              </span>
            </li>`;
          })}
        </ul>`
    }
    ${
      panel?.kind === 'method'
        ? html`<div class="inline-panel" @keydown=${on.panelKeydown}>
          <cc-payment-method-form cancelable exportparts=${exportedParts} @cc-cancel=${on.close}></cc-payment-method-form>
        </div>`
        : html`<div class="actions">
          <button part="button" type="button" id="add-method" @click=${() => on.open({ kind: 'method', opener: 'add-method' })}>${w.addMethod}</button>
        </div>`
    }
  </section>`;
}
