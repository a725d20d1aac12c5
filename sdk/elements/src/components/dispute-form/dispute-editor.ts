// The dispute form of <cc-dispute-form> once it has an invoice (the explanation, the amounts,
// checks, saving, the outcome): loaded once a customer session is active (`loadDisputeEditor` in
// dispute-form.ts), so a page whose customer is not signed in downloads none of it.
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { CcDisputeSavedEvent } from '../../events/cc-dispute-saved-event.js';
import { CcErrorEvent } from '../../events/cc-error-event.js';
import type { CcApiError } from '../../internal/api-error.js';
import { customerApi } from '../../internal/customer-api.js';
import { focusFirstInvalid, textField } from '../../internal/form-fields.js';
import { formatMoney } from '../../internal/money-format.js';
import { buttonPart, inputPart } from '../../internal/parts.js';
import { RetryKey } from '../../internal/retry-key.js';
import type { WalletDispute, WalletInvoice } from '../../internal/wallet-api.js';
import { asApiError, moneyErrorText, readAmount, requestErrorText, textLength } from '../../internal/wallet-format.js';
import type { LocalizedEditorHost } from '../../internal/editor-host.js';

/** The longest explanation the API takes, in characters. */
export const maxExplanation = 2000;

type FieldName = 'explanation' | 'amount';

/** What the form needs from its element (which keeps its protected members and the invoice's loading). */
export interface DisputeEditorHost extends LocalizedEditorHost {
  /** The invoice shown. */
  invoice: () => WalletInvoice;
  /** Shows the invoice as it is after a save. */
  setInvoice: (invoice: WalletInvoice) => void;
  /** Reads the invoice again (its balance or status moved). */
  reload: (id: string) => Promise<unknown>;
}

/** The form's state and behaviour for one invoice; `<cc-dispute-form>` renders it once it has the invoice. */
export class DisputeEditor {
  readonly #host: DisputeEditorHost;
  readonly #el: DisputeEditorHost['element'];
  #explanation = '';
  #amount = '';
  #touched = new Set<FieldName>();
  #errors: Partial<Record<FieldName, string>> = {};
  #alert?: string | undefined;
  #saving = false;
  #saved?: WalletDispute | undefined;
  readonly #retry = new RetryKey();

  constructor(host: DisputeEditorHost) {
    this.#host = host;
    this.#el = host.element;
  }

  render(invoice: WalletInvoice): TemplateResult {
    const m = this.#host.m();
    return html`<section class="panel dispute" aria-labelledby="dispute-title">
      <h2 id="dispute-title" tabindex="-1">${m.disputeForm.title(invoice.number)}</h2>
      ${this.#saved || (invoice.status !== 'open' && invoice.status !== 'partially_paid') ? this.#renderStatus(invoice) : this.#renderForm(invoice)}
    </section>`;
  }

  #renderStatus(invoice: WalletInvoice): TemplateResult {
    const m = this.#host.m();
    const status = m.invoiceStatus[invoice.status];
    let text: string;
    if (this.#saved) text = m.disputeForm.saved(invoice.number, this.#host.merchant());
    else if (invoice.status === 'disputed') text = m.disputeForm.alreadyOpen;
    else text = m.disputeForm.notDisputable(status);
    return html`<dl class="facts">
        <div>
          <dt>${m.disputeForm.statusLabel}</dt>
          <dd><span part="status" class="badge ${invoice.status === 'disputed' ? 'danger' : ''}" id="dispute-status">${status}</span></dd>
        </div>
        <div>
          <dt>${m.disputeForm.invoiceAmount}</dt>
          <dd part="amount">${formatMoney(invoice.balance, invoice.currency, this.#host.locale())}</dd>
        </div>
      </dl>
      ${this.#alert ? html`<div part="error" class="alert" role="alert" id="dispute-alert" tabindex="-1">${this.#alert}</div>` : nothing}
      <p class=${this.#saved ? 'outcome' : 'muted'} id="dispute-outcome" tabindex="-1" role="status">${text}</p>
      ${
        this.#el.cancelable
          ? html`<div class="actions"><button part="button" type="button" @click=${() => this.#host.cancel()}>${m.cancel}</button></div>`
          : nothing
      }`;
  }

  #renderForm(invoice: WalletInvoice): TemplateResult {
    const m = this.#host.m();
    const f = m.disputeForm;
    const locale = this.#host.locale();
    const balance = formatMoney(invoice.balance, invoice.currency, locale);
    const count = textLength(this.#explanation.trim());
    const number = (n: number) => new Intl.NumberFormat(locale).format(n);
    const left = maxExplanation - count;
    return html`<p class="muted">${f.intro}</p>
      ${this.#alert ? html`<div part="error" class="alert" role="alert" id="dispute-alert" tabindex="-1">${this.#alert}</div>` : nothing}
      <form part="form" novalidate aria-labelledby="dispute-title" aria-busy=${this.#saving ? 'true' : 'false'} @submit=${this.#onSubmit} @keydown=${this.#host.keydown}>
        <div part="field" class="field">
          <label part="label" for="dispute-explanation">${f.explanation}</label>
          <textarea
            part=${inputPart(!!this.#errors.explanation)}
            id="dispute-explanation"
            name="explanation"
            rows="5"
            required
            .value=${live(this.#explanation)}
            aria-invalid=${this.#errors.explanation ? 'true' : 'false'}
            aria-describedby=${['dispute-explanation-hint', 'dispute-explanation-count', this.#errors.explanation ? 'dispute-explanation-error' : ''].filter(Boolean).join(' ')}
            @input=${(event: Event) => this.#onInput('explanation', (event.target as HTMLTextAreaElement).value)}
            @blur=${() => this.#onBlur('explanation')}
          ></textarea>
          <p class="hint" id="dispute-explanation-hint">${f.explanationHint}</p>
          <p class="count ${left < 0 ? 'over' : ''}" id="dispute-explanation-count">${f.count(number(count), number(maxExplanation))}</p>
          <p class="sr-only" aria-live="polite">${left <= 100 ? f.left(number(Math.max(left, 0))) : ''}</p>
          ${
            this.#errors.explanation
              ? html`<p part="error" class="error" id="dispute-explanation-error">${this.#errors.explanation}</p>`
              : nothing
          }
        </div>
        <div part="field" class="field">
          <label part="label" for="dispute-invoice-amount">${f.invoiceAmount}</label>
          <input part="input amount" id="dispute-invoice-amount" name="invoiceAmount" type="text" readonly .value=${balance} />
        </div>
        ${textField({
          id: 'dispute-amount',
          label: f.disputeAmount,
          value: this.#amount,
          required: true,
          optionalText: m.optional,
          inputmode: 'decimal',
          autocomplete: 'off',
          amount: true,
          hint: f.disputeAmountHint(balance, moneyExample(invoice, locale)),
          error: this.#errors.amount,
          onInput: (value) => this.#onInput('amount', value),
          onBlur: () => this.#onBlur('amount'),
        })}
        <div class="actions">
          <button part=${buttonPart(this.#saving, 'button-primary')} class="primary" type="submit" aria-disabled=${this.#saving ? 'true' : 'false'}>${f.save}</button>
          ${this.#el.cancelable ? html`<button part="button" type="button" @click=${() => this.#host.cancel()}>${m.cancel}</button>` : nothing}
        </div>
        <p class="sr-only" role="status">${this.#saving ? f.saving : ''}</p>
      </form>`;
  }

  #onInput(name: FieldName, value: string): void {
    if (name === 'explanation') this.#explanation = value;
    else this.#amount = value;
    this.#touched.add(name);
    if (this.#errors[name]) this.#validate(name);
    this.#el.requestUpdate();
  }

  #onBlur(name: FieldName): void {
    if (this.#touched.has(name)) this.#validate(name);
    this.#el.requestUpdate();
  }

  /** Mirrors the API's rules; the server decides. */
  #validate(name: FieldName): boolean {
    const m = this.#host.m();
    const f = m.disputeForm;
    const invoice = this.#host.invoice();
    let error: string | undefined;
    if (name === 'explanation') {
      const text = this.#explanation.trim();
      if (text === '') error = m.required(f.explanation);
      else if (textLength(text) > maxExplanation)
        error = f.tooLong(new Intl.NumberFormat(this.#host.locale()).format(maxExplanation));
    } else {
      const read = readAmount(this.#amount, invoice.currency, this.#host.locale());
      if ('code' in read)
        error = moneyErrorText(
          read.code,
          f.disputeAmount,
          invoice.currency,
          this.#host.locale(),
          m,
          exampleMinor(invoice),
        );
      else if (read.amount > invoice.balance)
        error = f.aboveBalance(formatMoney(invoice.balance, invoice.currency, this.#host.locale()));
    }
    if (error) this.#errors[name] = error;
    else delete this.#errors[name];
    return !error;
  }

  readonly #onSubmit = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (this.#saving) return;
    const invoice = this.#host.invoice();
    this.#alert = undefined;
    this.#touched.add('explanation').add('amount');
    const valid = [this.#validate('explanation'), this.#validate('amount')].every(Boolean);
    if (!valid) {
      this.#el.requestUpdate();
      await this.#el.updateComplete;
      focusFirstInvalid(this.#el.renderRoot);
      return;
    }
    const amount = (readAmount(this.#amount, invoice.currency, this.#host.locale()) as { amount: number }).amount;
    const body = { amount, explanation: this.#explanation.trim() };
    const client = this.#host.session.client;
    if (!client) return;
    const token = this.#host.session.token;
    this.#saving = true;
    this.#el.requestUpdate();
    let focus: string | undefined;
    try {
      const dispute = await customerApi(client).disputeInvoice(invoice.id, body, {
        idempotencyKey: this.#retry.next(body),
      });
      this.#host.session.used();
      this.#saved = dispute;
      this.#host.setInvoice({ ...invoice, status: 'disputed', overdue: invoice.overdue });
      focus = 'dispute-outcome';
      this.#el.dispatchEvent(
        new CcDisputeSavedEvent({ disputeId: dispute.id, invoiceId: invoice.id, amount: dispute.amount ?? amount }),
      );
    } catch (error) {
      this.#retry.failed(error);
      focus = await this.#failed(asApiError(error), token);
    } finally {
      this.#saving = false;
      this.#el.requestUpdate();
    }
    await this.#el.updateComplete;
    if (focus === 'field') focusFirstInvalid(this.#el.renderRoot);
    else if (focus) this.#el.renderRoot.querySelector<HTMLElement>(`#${focus}`)?.focus();
  };

  /** Shows a refused save where it belongs; returns what to focus. */
  async #failed(error: CcApiError, token: string | undefined): Promise<string | undefined> {
    const m = this.#host.m();
    const f = m.disputeForm;
    if (this.#host.session.ended(error, token)) return undefined;
    const invoice = this.#host.invoice();
    if (error.status === 422 && (error.param === 'amount' || error.param === 'explanation')) {
      if (error.param === 'amount') {
        // The balance may have moved since the form opened (a payment, a credit): show the current one.
        await this.#host.reload(invoice.id);
        const current = this.#host.invoice();
        const read = readAmount(this.#amount, current.currency, this.#host.locale());
        this.#errors.amount =
          'amount' in read && read.amount > current.balance
            ? f.aboveBalance(formatMoney(current.balance, current.currency, this.#host.locale()))
            : error.message;
      } else {
        const text = this.#explanation.trim();
        this.#errors.explanation =
          text === ''
            ? m.required(f.explanation)
            : textLength(text) > maxExplanation
              ? f.tooLong(new Intl.NumberFormat(this.#host.locale()).format(maxExplanation))
              : error.message;
      }
      return 'field';
    }
    if (error.code === 'dispute_already_open') {
      this.#host.setInvoice({ ...invoice, status: 'disputed' });
      this.#alert = f.alreadyOpen;
    } else if (error.code === 'invoice_not_disputable') {
      await this.#host.reload(invoice.id);
      this.#alert = f.notDisputable(m.invoiceStatus[this.#host.invoice().status]);
    } else {
      this.#alert = requestErrorText(error, m);
    }
    this.#el.dispatchEvent(new CcErrorEvent({ code: error.code, message: error.message }));
    return 'dispute-alert';
  }
}

/** A tenth of the balance (at least one unit), as an example of what to type. */
function exampleMinor(invoice: WalletInvoice): number {
  return Math.max(1, Math.floor(invoice.balance / 10));
}

function moneyExample(invoice: WalletInvoice, locale: string): string {
  return formatMoney(exampleMinor(invoice), invoice.currency, locale);
}
