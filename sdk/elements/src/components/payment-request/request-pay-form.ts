import { html, nothing, type TemplateResult } from 'lit';
import type { CcPaymentMethodAddedEvent } from '../../events/cc-payment-method-added-event.js';
import { textField } from '../../internal/form-fields.js';
import type { Messages } from '../../internal/messages.js';
import { formatMoney } from '../../internal/money-format.js';
import type { WalletPaymentMethod, WalletPaymentRequest } from '../../internal/wallet-api.js';
import { methodLabel, readAmount } from '../../internal/wallet-format.js';
import { buttonPart, inputPart } from '../../internal/parts.js';

const exportedParts = 'form, field, label, input, button, button-primary, error, amount, status';

/** What the pay form shows: the element's state, read-only. */
export interface PayFormView {
  m: Messages;
  locale: string;
  busy: boolean;
  /** Which action runs, for the `button-busy` part. */
  action?: 'pay' | 'approve' | 'decline' | undefined;
  methods: WalletPaymentMethod[];
  methodId: string;
  method: WalletPaymentMethod | undefined;
  amount: string;
  errors: { amount?: string; method?: string };
  cancelable: boolean;
}

/** What the pay form asks its element to do. */
export interface PayFormActions {
  methodAdded: (event: CcPaymentMethodAddedEvent) => void;
  pay: (event: Event) => void;
  keydown: (event: KeyboardEvent) => void;
  choose: (methodId: string) => void;
  amountInput: (value: string) => void;
  amountBlur: () => void;
  approve: () => void;
  decline: () => void;
  cancel: () => void;
}

/**
 * The payment form of an open payment request: the method (or the form to add one), the
 * amount with the minimum that applies, Pay (or Approve and pay), Approve, Decline, Cancel.
 * It renders and hands every action to its element.
 */
export function renderPayForm(request: WalletPaymentRequest, v: PayFormView, on: PayFormActions): TemplateResult {
  const m = v.m;
  const r = m.request;
  const pending = request.status === 'pending_approval';
  const busy = v.busy;
  const method = v.method;
  const money = (minor: number) => formatMoney(minor, request.currency, v.locale);
  const read = readAmount(v.amount, request.currency, v.locale);
  const amount = 'amount' in read ? money(read.amount) : undefined;
  const minimum = method ? request.minimums[method.type] : undefined;
  const hint = minimum
    ? minimum.amount >= request.remaining
      ? r.fullOnly(money(request.remaining))
      : r.amountHint(money(minimum.amount), money(request.remaining))
    : undefined;
  const payLabel = pending
    ? amount
      ? r.approveAndPay(amount)
      : r.approveAndPayPlain
    : amount
      ? r.pay(amount)
      : r.payPlain;
  const methodsForm =
    v.methods.length === 0
      ? html`<p>${r.noMethods}</p>
        <cc-payment-method-form exportparts=${exportedParts} @cc-payment-method-added=${on.methodAdded}></cc-payment-method-form>`
      : nothing;
  return html`${methodsForm}
    <form part="form" novalidate aria-labelledby="request-title" aria-busy=${busy ? 'true' : 'false'} @submit=${on.pay} @keydown=${on.keydown}>
      ${
        v.methods.length
          ? html`<fieldset part="field" aria-describedby=${v.errors.method ? 'request-method-error' : nothing}>
            <legend part="label">${r.payWith}</legend>
            ${v.methods.map(
              (option) => html`<div class="choice">
                <input
                  part=${inputPart(!!v.errors.method)}
                  type="radio"
                  name="request-method"
                  id="request-method-${option.id}"
                  value=${option.id}
                  .checked=${option.id === v.methodId}
                  @change=${() => on.choose(option.id)}
                />
                <label for="request-method-${option.id}">${methodLabel(option, m)}${option.isDefault ? html` <span class="muted">(${m.methods.isDefault})</span>` : nothing}</label>
              </div>`,
            )}
            ${v.errors.method ? html`<p part="error" class="error" id="request-method-error">${v.errors.method}</p>` : nothing}
          </fieldset>`
          : nothing
      }
      ${textField({
        id: 'request-amount',
        label: r.amountToPay,
        value: v.amount,
        required: true,
        optionalText: m.optional,
        inputmode: 'decimal',
        autocomplete: 'off',
        amount: true,
        hint,
        error: v.errors.amount,
        onInput: on.amountInput,
        onBlur: on.amountBlur,
      })}
      <div class="actions">
        <button part=${buttonPart(v.action === 'pay', 'button-primary')} class="primary" type="submit" aria-disabled=${busy ? 'true' : 'false'}>${payLabel}</button>
        ${
          pending
            ? html`<button part=${buttonPart(v.action === 'approve')} type="button" id="request-approve" aria-disabled=${busy ? 'true' : 'false'} @click=${on.approve}>${r.approve}</button>
              <button part=${buttonPart(v.action === 'decline')} type="button" id="request-decline" aria-disabled=${busy ? 'true' : 'false'} @click=${on.decline}>${r.decline}</button>`
            : nothing
        }
        ${v.cancelable ? html`<button part="button" type="button" @click=${on.cancel}>${m.cancel}</button>` : nothing}
      </div>
      <p class="sr-only" role="status">${busy ? r.working : ''}</p>
    </form>`;
}
