import { html, nothing, type CSSResultGroup, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { CcDisputeSavedEvent } from '../../events/cc-dispute-saved-event.js';
import { CcErrorEvent } from '../../events/cc-error-event.js';
import type { CcApiError } from '../../internal/api-error.js';
import { focusFirstInvalid, textField } from '../../internal/form-fields.js';
import { formatMoney } from '../../internal/money-format.js';
import { RetryKey } from '../../internal/retry-key.js';
import type { WalletDispute, WalletInvoice } from '../../internal/wallet-api.js';
import { CcCancelableElement } from '../../internal/wallet-element.js';
import { asApiError, moneyErrorText, readAmount, requestErrorText, textLength } from '../../internal/wallet-format.js';
import { formStyles } from '../../styles/form.styles.js';
import { walletStyles } from '../../styles/wallet.styles.js';
import { disputeFormStyles } from './dispute-form.styles.js';
import { buttonPart, inputPart } from '../../internal/parts.js';
import { customerApi } from '../../internal/customer-api.js';

/** The longest explanation the API takes, in characters. */
export const maxExplanation = 2000;

type LoadState = 'idle' | 'loading' | 'ready' | 'error';
type FieldName = 'explanation' | 'amount';

/**
 * The dispute form for one invoice: a message box for the explanation (required, up to
 * 2,000 characters, counted as you type), a read-only **Invoice Amount** showing the
 * invoice's current balance, a **Dispute Amount** (more than zero, at most the balance)
 * and a **Save** button. On success the invoice shows as Disputed.
 *
 * The amount is typed in the page locale and sent in minor units of the invoice's
 * currency. Validation mirrors the server's; the server decides, and its refusals show at
 * the field they name.
 *
 * @tagname cc-dispute-form
 * @summary Disputes an invoice: explanation, Invoice Amount, Dispute Amount, Save.
 *
 * @fires {CcDisputeSavedEvent} cc-dispute-saved - The dispute was saved and the invoice is now disputed; `detail` is `{ disputeId, invoiceId, amount }` (minor units).
 * @fires {CcErrorEvent} cc-error - The invoice could not be loaded, or a save failed for a reason that is not a field's (`dispute_already_open`, `invoice_not_disputable`, `network_error`, `session_expired`, …); `detail` is `{ code, message }`.
 * @fires {CcCancelEvent} cc-cancel - With `cancelable`: the customer closed the form (Cancel or Escape) without saving.
 * @fires {CcReadyEvent} cc-ready - The element has its config (from its `<cc-provider>` or its own attributes) and is usable; fired on the element itself, in a provider or alone. `detail` is `{ config }`.
 *
 * @csspart form - The form.
 * @csspart field - A label, its control, hint and error.
 * @csspart label - A field label.
 * @csspart input - The explanation, the Invoice Amount and the Dispute Amount.
 * @csspart amount - The Invoice Amount and the Dispute Amount inputs.
 * @csspart button - Save and Cancel.
 * @csspart button-primary - Save.
 * @csspart error - A field error, or the alert above the form.
 * @csspart status - The invoice's status once disputed, and the session messages.
 * @csspart input-invalid - With `input`, on a control whose field is in error (`aria-invalid="true"`).
 * @csspart button-busy - With `button`, on the button whose action is running.
 */
export class CcDisputeForm extends CcCancelableElement {
  static override styles: CSSResultGroup = [CcCancelableElement.styles, formStyles, walletStyles, disputeFormStyles];

  /** The invoice to dispute (`inv_...`). */
  @property({ attribute: 'invoice-id' }) invoiceId?: string;

  /** The invoice, when the page already has it (as `GET /v1/customer/invoices/:id` answers it): no request is made for it. */
  @property({ attribute: false }) invoice?: WalletInvoice;

  @state() private loadState: LoadState = 'idle';

  #loaded?: WalletInvoice | undefined;
  #loadError?: CcApiError | undefined;
  #loadedKey?: string | undefined;
  #request?: AbortController | undefined;
  #explanation = '';
  #amount = '';
  #touched = new Set<FieldName>();
  #errors: Partial<Record<FieldName, string>> = {};
  #alert?: string | undefined;
  #saving = false;
  #saved?: WalletDispute | undefined;
  #retry = new RetryKey();

  /** The invoice shown: the one loaded or given. */
  get currentInvoice(): WalletInvoice | undefined {
    return this.#loaded;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#request?.abort();
    this.#loadedKey = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const id = this.invoiceId?.trim() || this.invoice?.id;
    if (changed.has('invoice') && this.invoice && (!id || this.invoice.id === id)) {
      this.#show(this.invoice);
      this.#loadedKey = `given ${this.invoice.id}`;
      return;
    }
    if (this.#loadedKey?.startsWith('given ') && this.#loadedKey === `given ${id}`) return;
    const client = this.session.client;
    const key = client && id ? `${client.apiBase} ${client.sessionToken} ${id}` : undefined;
    if (key === this.#loadedKey) return;
    this.#loadedKey = key;
    this.#request?.abort();
    if (client && id) void this.#load(id);
    else if (!this.#loaded) this.loadState = 'idle';
  }

  #show(invoice: WalletInvoice): void {
    const changed = this.#loaded?.id !== invoice.id;
    this.#loaded = invoice;
    this.loadState = 'ready';
    if (changed) {
      this.#explanation = this.#amount = '';
      this.#touched.clear();
      this.#errors = {};
      this.#alert = this.#saved = undefined;
      this.#retry = new RetryKey();
    }
  }

  async #load(id: string): Promise<CcApiError | undefined> {
    const client = this.session.client;
    if (!client) return undefined;
    const token = this.session.token;
    const request = (this.#request = new AbortController());
    if (!this.#loaded) this.loadState = 'loading';
    try {
      const invoice = await customerApi(client).invoice(id, { signal: request.signal });
      if (request.signal.aborted) return undefined;
      this.session.used();
      this.#show(invoice);
      return undefined;
    } catch (error) {
      if (request.signal.aborted) return undefined;
      const apiError = asApiError(error);
      if (this.session.ended(apiError, token)) return apiError;
      this.#loadError = apiError;
      this.loadState = 'error';
      this.dispatchEvent(new CcErrorEvent({ code: apiError.code, message: apiError.message }));
      return apiError;
    } finally {
      this.requestUpdate();
    }
  }

  protected override render(): unknown {
    const m = this.m;
    const gate = this.session.renderGate(m, this.merchantName);
    if (gate !== nothing) return gate;
    if (!this.invoiceId?.trim() && !this.invoice) return html`<p part="status">${m.disputeForm.noInvoice}</p>`;
    if (this.loadState === 'error' && !this.#loaded) {
      const error = this.#loadError!;
      const text = error.status === 404 ? m.disputeForm.notFound : requestErrorText(error, m);
      return html`<div part="error" class="alert" role="alert">${text}</div>`;
    }
    const invoice = this.#loaded;
    if (!invoice) return html`<p class="loading" role="status">${m.loading}</p>`;
    return html`<section class="panel dispute" aria-labelledby="dispute-title">
      <h2 id="dispute-title" tabindex="-1">${m.disputeForm.title(invoice.number)}</h2>
      ${this.#saved || (invoice.status !== 'open' && invoice.status !== 'partially_paid') ? this.#renderStatus(invoice) : this.#renderForm(invoice)}
    </section>`;
  }

  #renderStatus(invoice: WalletInvoice): TemplateResult {
    const m = this.m;
    const status = m.invoiceStatus[invoice.status];
    let text: string;
    if (this.#saved) text = m.disputeForm.saved(invoice.number, this.merchantName);
    else if (invoice.status === 'disputed') text = m.disputeForm.alreadyOpen;
    else text = m.disputeForm.notDisputable(status);
    return html`<dl class="facts">
        <div>
          <dt>${m.disputeForm.statusLabel}</dt>
          <dd><span part="status" class="badge ${invoice.status === 'disputed' ? 'danger' : ''}" id="dispute-status">${status}</span></dd>
        </div>
        <div>
          <dt>${m.disputeForm.invoiceAmount}</dt>
          <dd part="amount">${formatMoney(invoice.balance, invoice.currency, this.activeLocale)}</dd>
        </div>
      </dl>
      ${this.#alert ? html`<div part="error" class="alert" role="alert" id="dispute-alert" tabindex="-1">${this.#alert}</div>` : nothing}
      <p class=${this.#saved ? 'outcome' : 'muted'} id="dispute-outcome" tabindex="-1" role="status">${text}</p>
      ${
        this.cancelable
          ? html`<div class="actions"><button part="button" type="button" @click=${() => this.cancel()}>${m.cancel}</button></div>`
          : nothing
      }`;
  }

  #renderForm(invoice: WalletInvoice): TemplateResult {
    const m = this.m;
    const f = m.disputeForm;
    const locale = this.activeLocale;
    const balance = formatMoney(invoice.balance, invoice.currency, locale);
    const count = textLength(this.#explanation.trim());
    const number = (n: number) => new Intl.NumberFormat(locale).format(n);
    const left = maxExplanation - count;
    return html`<p class="muted">${f.intro}</p>
      ${this.#alert ? html`<div part="error" class="alert" role="alert" id="dispute-alert" tabindex="-1">${this.#alert}</div>` : nothing}
      <form part="form" novalidate aria-labelledby="dispute-title" aria-busy=${this.#saving ? 'true' : 'false'} @submit=${this.#onSubmit} @keydown=${this.onKeydown}>
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
          ${this.cancelable ? html`<button part="button" type="button" @click=${() => this.cancel()}>${m.cancel}</button>` : nothing}
        </div>
        <p class="sr-only" role="status">${this.#saving ? f.saving : ''}</p>
      </form>`;
  }

  #onInput(name: FieldName, value: string): void {
    if (name === 'explanation') this.#explanation = value;
    else this.#amount = value;
    this.#touched.add(name);
    if (this.#errors[name]) this.#validate(name);
    this.requestUpdate();
  }

  #onBlur(name: FieldName): void {
    if (this.#touched.has(name)) this.#validate(name);
    this.requestUpdate();
  }

  /** Mirrors the API's rules; the server decides. */
  #validate(name: FieldName): boolean {
    const m = this.m;
    const f = m.disputeForm;
    const invoice = this.#loaded!;
    let error: string | undefined;
    if (name === 'explanation') {
      const text = this.#explanation.trim();
      if (text === '') error = m.required(f.explanation);
      else if (textLength(text) > maxExplanation)
        error = f.tooLong(new Intl.NumberFormat(this.activeLocale).format(maxExplanation));
    } else {
      const read = readAmount(this.#amount, invoice.currency, this.activeLocale);
      if ('code' in read)
        error = moneyErrorText(
          read.code,
          f.disputeAmount,
          invoice.currency,
          this.activeLocale,
          m,
          exampleMinor(invoice),
        );
      else if (read.amount > invoice.balance)
        error = f.aboveBalance(formatMoney(invoice.balance, invoice.currency, this.activeLocale));
    }
    if (error) this.#errors[name] = error;
    else delete this.#errors[name];
    return !error;
  }

  readonly #onSubmit = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (this.#saving) return;
    const invoice = this.#loaded!;
    this.#alert = undefined;
    this.#touched.add('explanation').add('amount');
    const valid = [this.#validate('explanation'), this.#validate('amount')].every(Boolean);
    if (!valid) {
      this.requestUpdate();
      await this.updateComplete;
      focusFirstInvalid(this.renderRoot);
      return;
    }
    const amount = (readAmount(this.#amount, invoice.currency, this.activeLocale) as { amount: number }).amount;
    const body = { amount, explanation: this.#explanation.trim() };
    const client = this.session.client;
    if (!client) return;
    const token = this.session.token;
    this.#saving = true;
    this.requestUpdate();
    let focus: string | undefined;
    try {
      const dispute = await customerApi(client).disputeInvoice(invoice.id, body, {
        idempotencyKey: this.#retry.next(body),
      });
      this.session.used();
      this.#saved = dispute;
      this.#loaded = { ...invoice, status: 'disputed', overdue: invoice.overdue };
      focus = 'dispute-outcome';
      this.dispatchEvent(
        new CcDisputeSavedEvent({ disputeId: dispute.id, invoiceId: invoice.id, amount: dispute.amount ?? amount }),
      );
    } catch (error) {
      this.#retry.failed(error);
      focus = await this.#failed(asApiError(error), token);
    } finally {
      this.#saving = false;
      this.requestUpdate();
    }
    await this.updateComplete;
    if (focus === 'field') focusFirstInvalid(this.renderRoot);
    else if (focus) this.renderRoot.querySelector<HTMLElement>(`#${focus}`)?.focus();
  };

  /** Shows a refused save where it belongs; returns what to focus. */
  async #failed(error: CcApiError, token: string | undefined): Promise<string | undefined> {
    const m = this.m;
    const f = m.disputeForm;
    if (this.session.ended(error, token)) return undefined;
    const invoice = this.#loaded!;
    if (error.status === 422 && (error.param === 'amount' || error.param === 'explanation')) {
      if (error.param === 'amount') {
        // The balance may have moved since the form opened (a payment, a credit): show the current one.
        await this.#load(invoice.id);
        const current = this.#loaded!;
        const read = readAmount(this.#amount, current.currency, this.activeLocale);
        this.#errors.amount =
          'amount' in read && read.amount > current.balance
            ? f.aboveBalance(formatMoney(current.balance, current.currency, this.activeLocale))
            : error.message;
      } else {
        const text = this.#explanation.trim();
        this.#errors.explanation =
          text === ''
            ? m.required(f.explanation)
            : textLength(text) > maxExplanation
              ? f.tooLong(new Intl.NumberFormat(this.activeLocale).format(maxExplanation))
              : error.message;
      }
      return 'field';
    }
    if (error.code === 'dispute_already_open') {
      this.#loaded = { ...invoice, status: 'disputed' };
      this.#alert = f.alreadyOpen;
    } else if (error.code === 'invoice_not_disputable') {
      await this.#load(invoice.id);
      this.#alert = f.notDisputable(m.invoiceStatus[this.#loaded!.status]);
    } else {
      this.#alert = requestErrorText(error, m);
    }
    this.dispatchEvent(new CcErrorEvent({ code: error.code, message: error.message }));
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
