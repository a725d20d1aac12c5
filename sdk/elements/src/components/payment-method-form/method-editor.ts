// The form of <cc-payment-method-form> (card or bank account, checks, saving): loaded once a
// customer session is active (`loadMethodEditor` in payment-method-form.ts), so a page whose
// customer is not signed in downloads none of it.
import { html, nothing, type TemplateResult } from 'lit';
import { CcErrorEvent } from '../../events/cc-error-event.js';
import { CcPaymentMethodAddedEvent } from '../../events/cc-payment-method-added-event.js';
import type { CcApiError } from '../../internal/api-error.js';
import { customerApi } from '../../internal/customer-api.js';
import { focusFirstInvalid, textField } from '../../internal/form-fields.js';
import { buttonPart } from '../../internal/parts.js';
import { RetryKey } from '../../internal/retry-key.js';
import type { NewPaymentMethod, PaymentMethodType, WalletPaymentMethod } from '../../internal/wallet-api.js';
import { asApiError, methodLabel, requestErrorText } from '../../internal/wallet-format.js';
import type { EditorHost } from '../../internal/editor-host.js';
import type { WalletMessages } from '../../internal/wallet-messages.js';

/** What the form needs from its element (which keeps its protected members to itself). */
export type MethodEditorHost = EditorHost;

type CardField = 'cardNumber' | 'expiry' | 'cvc';
type AchField = 'routingNumber' | 'accountNumber' | 'accountHolder';
type FieldName = CardField | AchField;

const fieldsOf: Record<PaymentMethodType, readonly FieldName[]> = {
  card: ['cardNumber', 'expiry', 'cvc'],
  ach: ['routingNumber', 'accountNumber', 'accountHolder'],
};

/** The API's `param` → the field that shows its error. */
const fieldForParam: Record<string, FieldName> = {
  'card.number': 'cardNumber',
  'card.expMonth': 'expiry',
  'card.expYear': 'expiry',
  'card.cvc': 'cvc',
  'ach.routingNumber': 'routingNumber',
  'ach.accountNumber': 'accountNumber',
  'ach.accountHolder': 'accountHolder',
};

const digits = (value: string) => value.replace(/[\s-]/g, '');

function luhn(number: string): boolean {
  let sum = 0;
  for (let i = 0; i < number.length; i++) {
    let d = Number(number[number.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

/** `08/29`, `8/2029`, `08 / 29` → month and four-digit year; undefined when unreadable. */
export function readExpiry(value: string): { month: number; year: number } | undefined {
  const match = /^\s*(\d{1,2})\s*[/\-.]?\s*(\d{2}|\d{4})\s*$/.exec(value);
  if (!match) return undefined;
  const month = Number(match[1]);
  const year = match[2]!.length === 2 ? 2000 + Number(match[2]) : Number(match[2]);
  return month >= 1 && month <= 12 ? { month, year } : undefined;
}

/** Mirrors the simulated processor's checks (the API decides). */
function check(name: FieldName, value: string, m: WalletMessages, now = new Date()): string | undefined {
  const invalid = m.methodForm.invalid;
  if (value.trim() === '') return m.required(m.methodForm[name]);
  switch (name) {
    case 'cardNumber': {
      const number = digits(value);
      return /^\d{12,19}$/.test(number) && /^[\d\s-]+$/.test(value.trim()) && luhn(number)
        ? undefined
        : invalid.cardNumber;
    }
    case 'expiry': {
      const expiry = readExpiry(value);
      if (!expiry) return invalid.expiry;
      return Date.UTC(expiry.year, expiry.month, 1) <= now.getTime() ? invalid.expired : undefined;
    }
    case 'cvc':
      return /^\d{3,4}$/.test(value.trim()) ? undefined : invalid.cvc;
    case 'routingNumber':
      return /^\d{9}$/.test(digits(value)) ? undefined : invalid.routingNumber;
    case 'accountNumber':
      return /^\d{4,17}$/.test(digits(value)) ? undefined : invalid.accountNumber;
    case 'accountHolder':
      return value.trim().length <= 200 ? undefined : invalid.accountHolder;
  }
}

/** The form's state and behaviour; `<cc-payment-method-form>` renders it once a session is active. */
export class MethodEditor {
  readonly #host: MethodEditorHost;
  readonly #el: MethodEditorHost['element'];
  #type: PaymentMethodType = 'card';
  #values: Record<FieldName, string> = emptyValues();
  #touched = new Set<FieldName>();
  #errors: Partial<Record<FieldName, string>> = {};
  #alert?: string | undefined;
  #saving = false;
  #added?: WalletPaymentMethod | undefined;
  #retry = new RetryKey();

  constructor(host: MethodEditorHost) {
    this.#host = host;
    this.#el = host.element;
  }

  render(): TemplateResult {
    const m = this.#host.m();
    const f = m.methodForm;
    return html`<section class="panel" aria-labelledby="method-title">
      <h2 id="method-title">${f.title}</h2>
      ${
        this.#added
          ? html`<p part="status" class="outcome" id="method-added" tabindex="-1" role="status">${f.added(methodLabel(this.#added, m))}</p>`
          : nothing
      }
      ${this.#alert ? html`<div part="error" class="alert" role="alert" id="method-alert" tabindex="-1">${this.#alert}</div>` : nothing}
      <form part="form" novalidate aria-labelledby="method-title" aria-busy=${this.#saving ? 'true' : 'false'} @submit=${this.#onSubmit} @keydown=${this.#host.keydown}>
        <fieldset part="field">
          <legend part="label">${f.type}</legend>
          ${(['card', 'ach'] as const).map(
            (type) => html`<div class="choice">
              <input
                part="input"
                type="radio"
                name="method-type"
                id="method-type-${type}"
                value=${type}
                .checked=${this.#type === type}
                @change=${() => this.#choose(type)}
              />
              <label for="method-type-${type}">${f[type]}</label>
            </div>`,
          )}
        </fieldset>
        ${fieldsOf[this.#type].map((name) => this.#field(name, m))}
        <p class="hint">${f.secure}</p>
        <div class="actions">
          <button part=${buttonPart(this.#saving, 'button-primary')} class="primary" type="submit" aria-disabled=${this.#saving ? 'true' : 'false'}>${f.save}</button>
          ${this.#el.cancelable ? html`<button part="button" type="button" @click=${() => this.#host.cancel()}>${m.cancel}</button>` : nothing}
        </div>
        <p class="sr-only" role="status">${this.#saving ? f.saving : ''}</p>
      </form>
    </section>`;
  }

  #field(name: FieldName, m: WalletMessages): TemplateResult {
    const f = m.methodForm;
    const hints: Partial<Record<FieldName, string>> = {
      expiry: f.expiryHint,
      cvc: f.cvcHint,
      routingNumber: f.routingHint,
      accountNumber: f.accountHint,
    };
    const autocomplete: Record<FieldName, AutoFill> = {
      cardNumber: 'cc-number',
      expiry: 'cc-exp',
      cvc: 'cc-csc',
      routingNumber: 'off',
      accountNumber: 'off',
      accountHolder: 'name',
    };
    return textField({
      id: `method-${name}`,
      label: f[name],
      value: this.#values[name],
      required: true,
      optionalText: m.optional,
      hint: hints[name],
      error: this.#errors[name],
      inputmode: name === 'accountHolder' ? 'text' : 'numeric',
      autocomplete: autocomplete[name],
      onInput: (value) => {
        this.#values[name] = value;
        this.#touched.add(name);
        if (this.#errors[name]) this.#validate(name);
        this.#el.requestUpdate();
      },
      onBlur: () => {
        if (this.#touched.has(name)) this.#validate(name);
        this.#el.requestUpdate();
      },
    });
  }

  #choose(type: PaymentMethodType): void {
    this.#type = type;
    this.#el.requestUpdate();
    this.#errors = {};
    this.#alert = undefined;
  }

  #validate(name: FieldName): boolean {
    const error = check(name, this.#values[name], this.#host.m());
    if (error) this.#errors[name] = error;
    else delete this.#errors[name];
    return !error;
  }

  #body(): NewPaymentMethod {
    const v = this.#values;
    if (this.#type === 'ach') {
      return {
        type: 'ach',
        ach: {
          routingNumber: digits(v.routingNumber),
          accountNumber: digits(v.accountNumber),
          accountHolder: v.accountHolder.trim(),
        },
      };
    }
    const expiry = readExpiry(v.expiry)!;
    return {
      type: 'card',
      card: { number: digits(v.cardNumber), expMonth: expiry.month, expYear: expiry.year, cvc: v.cvc.trim() },
    };
  }

  readonly #onSubmit = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (this.#saving) return;
    this.#alert = this.#added = undefined;
    const fields = fieldsOf[this.#type];
    fields.forEach((name) => this.#touched.add(name));
    if (!fields.map((name) => this.#validate(name)).every(Boolean)) {
      this.#el.requestUpdate();
      await this.#el.updateComplete;
      focusFirstInvalid(this.#el.renderRoot);
      return;
    }
    const client = this.#host.session.client;
    if (!client) return;
    const token = this.#host.session.token;
    const body = this.#body();
    this.#saving = true;
    this.#el.requestUpdate();
    let focus: string | undefined;
    try {
      const method = await customerApi(client).addPaymentMethod(body, {
        idempotencyKey: this.#retry.next(body),
      });
      this.#host.session.used();
      this.#added = method;
      // Nothing typed stays in the page once the method exists.
      this.#values = emptyValues();
      this.#touched.clear();
      focus = 'method-added';
      this.#el.dispatchEvent(new CcPaymentMethodAddedEvent({ paymentMethod: method }));
    } catch (error) {
      this.#retry.failed(error);
      focus = this.#failed(asApiError(error), token);
    } finally {
      this.#saving = false;
      this.#el.requestUpdate();
    }
    await this.#el.updateComplete;
    if (focus === 'field') focusFirstInvalid(this.#el.renderRoot);
    else if (focus) this.#el.renderRoot.querySelector<HTMLElement>(`#${focus}`)?.focus();
  };

  #failed(error: CcApiError, token: string | undefined): string | undefined {
    if (this.#host.session.ended(error, token)) return undefined;
    const field = error.param ? fieldForParam[error.param] : undefined;
    if (error.status === 422 && field) {
      const invalid = this.#host.m().methodForm.invalid;
      // A readable date the processor refuses has expired by its clock.
      this.#errors[field] =
        field === 'expiry' ? (readExpiry(this.#values.expiry) ? invalid.expired : invalid.expiry) : invalid[field];
      return 'field';
    }
    this.#alert = requestErrorText(error, this.#host.m());
    this.#el.dispatchEvent(new CcErrorEvent({ code: error.code, message: error.message }));
    return 'method-alert';
  }
}

function emptyValues(): Record<FieldName, string> {
  return { cardNumber: '', expiry: '', cvc: '', routingNumber: '', accountNumber: '', accountHolder: '' };
}
