import { html, nothing, type CSSResultGroup, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { CcErrorEvent } from '../../events/cc-error-event.js';
import type { CcPaymentMethodAddedEvent } from '../../events/cc-payment-method-added-event.js';
import { CcPaymentFailedEvent } from '../../events/cc-payment-failed-event.js';
import { CcPaymentRequestApprovedEvent } from '../../events/cc-payment-request-approved-event.js';
import { CcPaymentRequestDeclinedEvent } from '../../events/cc-payment-request-declined-event.js';
import { CcPaymentSucceededEvent } from '../../events/cc-payment-succeeded-event.js';
import type { CcApiError } from '../../internal/api-error.js';
import { focusFirstInvalid } from '../../internal/form-fields.js';
import { formatMoney } from '../../internal/money-format.js';
import { RetryKey } from '../../internal/retry-key.js';
import type { WalletPaymentMethod, WalletPaymentRequest } from '../../internal/wallet-api.js';
import { CcCancelableElement } from '../../internal/wallet-element.js';
import { amountExample, asApiError, requestErrorText } from '../../internal/wallet-format.js';
import { formStyles } from '../../styles/form.styles.js';
import { walletStyles } from '../../styles/wallet.styles.js';
import { customerApi } from '../../internal/customer-api.js';
import type { PayFormActions } from './request-pay-form.js';

type RequestParts = typeof import('./request-parts.js');

/** The request's views and checks, once loaded: shared by every `<cc-payment-request>` of the page. */
let parts: RequestParts | undefined;
let partsLoading: Promise<RequestParts> | undefined;

/**
 * Loads the request's views and checks once (a failed download is tried again next time). The
 * element asks with its first read of a request; `<cc-wallet>` with its own first read, so a
 * request opened in the wallet shows at once.
 */
export function loadRequestParts(): Promise<RequestParts> {
  partsLoading ??= import('./request-parts.js').then(
    (loaded) => (parts = loaded),
    (error: unknown) => {
      partsLoading = undefined;
      throw error;
    },
  );
  return partsLoading;
}

type LoadState = 'idle' | 'loading' | 'ready' | 'error';
type Busy = 'approve' | 'decline' | 'pay';

const payable = new Set(['pending_approval', 'approved', 'partially_paid']);

/**
 * One payment request: what is asked, paid and left, and the customer's answer. The
 * customer approves or declines it, and pays any amount from the minimum that applies to
 * the chosen payment method (shown, and checked before sending) up to what is left; a
 * request still awaiting approval is approved and paid in one step. Without a payment
 * method, the form to add one shows first.
 *
 * @tagname cc-payment-request
 * @summary Approves, declines and pays (fully or partially) a payment request.
 *
 * @fires {CcPaymentRequestApprovedEvent} cc-payment-request-approved - The customer approved the request; `detail` is `{ paymentRequestId, contactId }`.
 * @fires {CcPaymentRequestDeclinedEvent} cc-payment-request-declined - The customer declined the request; `detail` is `{ paymentRequestId, contactId }`.
 * @fires {CcPaymentSucceededEvent} cc-payment-succeeded - A payment went through; `detail` is `{ paymentId, amount, currency, paymentRequestId, invoiceId? }`.
 * @fires {CcPaymentFailedEvent} cc-payment-failed - A payment did not go through; `detail` is `{ paymentId?, amount, currency, code, paymentRequestId }`: `paymentId` and the processor's `code` (`card_declined`, `insufficient_funds`, `account_closed`) for a refused charge, else the API's code (`below_minimum_payment`, `network_error`, …).
 * @fires {CcPaymentMethodAddedEvent} cc-payment-method-added - A method was added from the inline form; `detail` is `{ paymentMethod }`.
 * @fires {CcErrorEvent} cc-error - The request could not be loaded or answered for a reason that is not a field's (`session_expired`, `network_error`, `payment_request_not_open`, …); `detail` is `{ code, message }`.
 * @fires {CcCancelEvent} cc-cancel - With `cancelable`: the customer closed it (Cancel or Escape).
 * @fires {CcReadyEvent} cc-ready - The element has its config (from its `<cc-provider>` or its own attributes) and is usable; fired on the element itself, in a provider or alone. `detail` is `{ config }`.
 *
 * @csspart form - The payment form (and the inline payment method form's).
 * @csspart field - A label, its control, hint and error.
 * @csspart label - A field label or legend.
 * @csspart input - The payment method choice and the amount.
 * @csspart amount - The amount input and the amounts shown.
 * @csspart button - Approve, Decline, Pay, Cancel.
 * @csspart button-primary - Pay, or Approve and pay.
 * @csspart error - A field error, or the alert above the form.
 * @csspart status - The request's status and the outcome of the customer's answer.
 * @csspart input-invalid - With `input`, on a control whose field is in error (`aria-invalid="true"`).
 * @csspart button-busy - With `button`, on the button whose action is running.
 */
export class CcPaymentRequest extends CcCancelableElement {
  static override styles: CSSResultGroup = [CcCancelableElement.styles, formStyles, walletStyles];

  /** The payment request (`pr_...`). */
  @property({ attribute: 'request-id' }) requestId?: string;

  /** The request, when the page already has it: no request is made for it. */
  @property({ attribute: false }) request?: WalletPaymentRequest;

  /** The customer's payment methods, when the page already has them. */
  @property({ attribute: false }) paymentMethods?: WalletPaymentMethod[];

  @state() private loadState: LoadState = 'idle';

  #current?: WalletPaymentRequest | undefined;
  #methods: WalletPaymentMethod[] = [];
  #methodId = '';
  #amount = '';
  #amountTouched = false;
  #errors: { amount?: string; method?: string } = {};
  #alert?: string | undefined;
  #outcome?: string | undefined;
  #busy?: Busy | undefined;
  #loadError?: CcApiError | undefined;
  #loadedKey?: string | undefined;
  #request?: AbortController | undefined;
  readonly #keys = { approve: new RetryKey(), decline: new RetryKey(), pay: new RetryKey() };

  /** The request shown, as last read. */
  get currentRequest(): WalletPaymentRequest | undefined {
    return this.#current;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#request?.abort();
    this.#loadedKey = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('paymentMethods') && this.paymentMethods) this.#setMethods(this.paymentMethods);
    const id = this.requestId?.trim() || this.request?.id;
    if (changed.has('request') && this.request && (!id || this.request.id === id)) this.#show(this.request);
    const client = this.session.client;
    const key = client && id ? `${client.apiBase} ${client.sessionToken} ${id}` : undefined;
    if (key === this.#loadedKey) return;
    this.#loadedKey = key;
    this.#request?.abort();
    if (client && id) void this.#load(id, this.#current?.id === id && this.paymentMethods !== undefined);
  }

  #show(request: WalletPaymentRequest): void {
    const other = this.#current?.id !== request.id;
    this.#current = request;
    this.loadState = 'ready';
    if (other) {
      this.#amount = request.remaining > 0 ? amountExample(request.remaining, request.currency, this.activeLocale) : '';
      this.#amountTouched = false;
      this.#errors = {};
      this.#alert = this.#outcome = undefined;
    }
  }

  #setMethods(methods: WalletPaymentMethod[]): void {
    this.#methods = methods;
    if (!methods.some((method) => method.id === this.#methodId)) {
      this.#methodId = (methods.find((method) => method.isDefault) ?? methods[0])?.id ?? '';
    }
  }

  /** Reads the request (and the methods, unless `given`); quietly when it is already shown. */
  async #load(id: string, methodsGiven = false): Promise<void> {
    const client = this.session.client;
    if (!client) return;
    const token = this.session.token;
    const request = (this.#request = new AbortController());
    if (!this.#current) this.loadState = 'loading';
    try {
      const [answer, methods] = await Promise.all([
        customerApi(client).paymentRequest(id, { signal: request.signal }),
        methodsGiven ? undefined : customerApi(client).paymentMethods({ signal: request.signal }),
        loadRequestParts(),
      ]);
      if (request.signal.aborted) return;
      this.session.used();
      if (methods) this.#setMethods(methods.data);
      if (this.#current?.id === answer.id) this.#current = answer;
      else this.#show(answer);
      this.loadState = 'ready';
    } catch (error) {
      if (request.signal.aborted) return;
      const apiError = asApiError(error);
      if (this.session.ended(apiError, token)) return;
      if (!this.#current) {
        this.#loadError = apiError;
        this.loadState = 'error';
      }
      this.dispatchEvent(new CcErrorEvent({ code: apiError.code, message: apiError.message }));
    } finally {
      this.requestUpdate();
    }
  }

  get #method(): WalletPaymentMethod | undefined {
    return this.#methods.find((method) => method.id === this.#methodId);
  }

  protected override render(): unknown {
    const m = this.m;
    const gate = this.session.renderGate(m, this.merchantName);
    if (gate !== nothing) return gate;
    if (!this.requestId?.trim() && !this.request) return html`<p part="status">${m.request.noRequest}</p>`;
    const request = this.#current;
    if (!request || !parts) {
      if (this.loadState === 'error') {
        const error = this.#loadError!;
        return html`<div part="error" class="alert" role="alert">${error.status === 404 ? m.request.notFound : requestErrorText(error, m)}</div>`;
      }
      return html`<p class="loading" role="status">${m.loading}</p>`;
    }
    const open = payable.has(request.status) && request.remaining > 0;
    return html`<section class="panel request" aria-labelledby="request-title">
      <h2 id="request-title" tabindex="-1">${m.request.title(this.merchantName)}</h2>
      ${parts.renderRequestFacts(request, m, this.activeLocale)}
      ${this.#alert ? html`<div part="error" class="alert" role="alert" id="request-alert" tabindex="-1">${this.#alert}</div>` : nothing}
      ${this.#outcome ? html`<p class="outcome" id="request-outcome" tabindex="-1" role="status">${this.#outcome}</p>` : nothing}
      ${
        open
          ? parts.renderPayForm(
              request,
              {
                m,
                locale: this.activeLocale,
                busy: this.#busy !== undefined,
                action: this.#busy,
                methods: this.#methods,
                methodId: this.#methodId,
                method: this.#method,
                amount: this.#amount,
                errors: this.#errors,
                cancelable: this.cancelable,
              },
              this.#actions,
            )
          : this.#outcome
            ? nothing
            : html`<p class="muted">${m.request.closed}</p>`
      }
      ${this.cancelable && !open ? html`<div class="actions"><button part="button" type="button" @click=${() => this.cancel()}>${m.cancel}</button></div>` : nothing}
    </section>`;
  }

  readonly #actions: PayFormActions = {
    methodAdded: (event) => this.#onMethodAdded(event),
    pay: (event) => void this.#onPay(event),
    keydown: (event) => this.onKeydown(event),
    choose: (id) => this.#chooseMethod(id),
    amountInput: (value) => {
      this.#amount = value;
      this.#amountTouched = true;
      if (this.#errors.amount) this.#validateAmount();
      this.requestUpdate();
    },
    amountBlur: () => {
      if (this.#amountTouched) this.#validateAmount();
      this.requestUpdate();
    },
    approve: () => void this.#onApprove(),
    decline: () => void this.#onDecline(),
    cancel: () => this.cancel(),
  };

  #chooseMethod(id: string): void {
    this.#methodId = id;
    delete this.#errors.method;
    if (this.#amountTouched || this.#errors.amount) this.#validateAmount();
    this.requestUpdate();
  }

  readonly #onMethodAdded = (event: CcPaymentMethodAddedEvent) => {
    const method = event.detail.paymentMethod;
    this.#methods = [method, ...this.#methods];
    this.#methodId = method.id;
    this.requestUpdate();
  };

  /** The minimum rule as the API applies it; the API decides. */
  #validateAmount(): number | undefined {
    const checked = parts!.checkAmount(this.#current!, this.#amount, this.#method, this.m, this.activeLocale);
    if ('error' in checked) this.#errors.amount = checked.error;
    else delete this.#errors.amount;
    return 'amount' in checked ? checked.amount : undefined;
  }

  readonly #onPay = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (this.#busy) return;
    const request = this.#current!;
    this.#alert = this.#outcome = undefined;
    this.#amountTouched = true;
    if (!this.#method) this.#errors.method = this.m.paymentErrors.payment_method;
    const amount = this.#validateAmount();
    if (amount === undefined || !this.#method) {
      this.requestUpdate();
      await this.updateComplete;
      if (!focusFirstInvalid(this.renderRoot))
        this.renderRoot.querySelector<HTMLElement>('input[name="request-method"], cc-payment-method-form')?.focus();
      return;
    }
    const method = this.#method;
    let focus: string | undefined;
    if (request.status === 'pending_approval') {
      focus = await this.#answer('approve');
      if (this.#current!.status === 'pending_approval') return this.#focus(focus);
    }
    focus = await this.#run('pay', async (client, token) => {
      const body = { amount, paymentMethodId: method.id };
      try {
        const payment = await customerApi(client).payPaymentRequest(request.id, body, {
          idempotencyKey: this.#keys.pay.next(body),
        });
        this.session.used();
        const remaining = this.#current!.remaining - amount;
        this.#current = {
          ...this.#current!,
          paidAmount: this.#current!.paidAmount + amount,
          remaining,
          status: remaining === 0 ? 'paid' : 'partially_paid',
        };
        this.#amount = remaining > 0 ? amountExample(remaining, request.currency, this.activeLocale) : '';
        this.#amountTouched = false;
        this.#outcome = this.m.request.paidNow(formatMoney(amount, request.currency, this.activeLocale));
        this.dispatchEvent(
          new CcPaymentSucceededEvent({
            paymentId: payment.id,
            amount,
            currency: request.currency,
            paymentRequestId: request.id,
            ...(request.invoiceId ? { invoiceId: request.invoiceId } : {}),
          }),
        );
        void this.#load(request.id, true);
        return 'request-outcome';
      } catch (error) {
        this.#keys.pay.failed(error);
        const apiError = asApiError(error);
        if (this.session.ended(apiError, token)) return undefined;
        this.dispatchEvent(
          new CcPaymentFailedEvent({
            ...(typeof apiError.body.paymentId === 'string' ? { paymentId: apiError.body.paymentId } : {}),
            amount,
            currency: request.currency,
            code: apiError.code,
            paymentRequestId: request.id,
            ...(request.invoiceId ? { invoiceId: request.invoiceId } : {}),
          }),
        );
        return this.#payFailed(apiError);
      }
    });
    this.#focus(focus);
  };

  #payFailed(error: CcApiError): string {
    const m = this.m;
    const request = this.#current!;
    const field = parts!.payFieldError(error, request, m, this.activeLocale);
    if (field) {
      Object.assign(this.#errors, field);
    } else {
      // 402 (a refused charge) is named by the processor's code in plain words.
      this.#alert = requestErrorText(error, m);
      if (error.status !== 402) this.dispatchEvent(new CcErrorEvent({ code: error.code, message: error.message }));
    }
    // The numbers may have moved (another payment, a cancelled request): read them again.
    if (error.status !== 402) void this.#load(request.id, true);
    return this.#alert ? 'request-alert' : 'field';
  }

  readonly #onApprove = async () => this.#focus(await this.#answer('approve'));

  readonly #onDecline = async () => this.#focus(await this.#answer('decline'));

  /** Approves or declines; returns what to focus. */
  #answer(action: 'approve' | 'decline'): Promise<string | undefined> {
    const request = this.#current!;
    this.#alert = this.#outcome = undefined;
    return this.#run(action, async (client, token) => {
      try {
        const answer = await customerApi(client).answerPaymentRequest(request.id, action, {
          idempotencyKey: this.#keys[action].next(null),
        });
        this.session.used();
        this.#current = { ...request, ...answer };
        const detail = { paymentRequestId: request.id, contactId: answer.contactId ?? request.contactId ?? '' };
        if (action === 'approve') {
          this.#outcome = this.m.request.approved;
          this.dispatchEvent(new CcPaymentRequestApprovedEvent(detail));
        } else {
          this.#outcome = this.m.request.declined;
          this.dispatchEvent(new CcPaymentRequestDeclinedEvent(detail));
        }
        return 'request-outcome';
      } catch (error) {
        this.#keys[action].failed(error);
        const apiError = asApiError(error);
        if (this.session.ended(apiError, token)) return undefined;
        this.#alert =
          apiError.status === 409 ? this.m.paymentErrors.payment_request_not_open : requestErrorText(apiError, this.m);
        this.dispatchEvent(new CcErrorEvent({ code: apiError.code, message: apiError.message }));
        void this.#load(request.id, true);
        return 'request-alert';
      }
    });
  }

  async #run(
    busy: Busy,
    work: (client: NonNullable<typeof this.session.client>, token: string | undefined) => Promise<string | undefined>,
  ) {
    const client = this.session.client;
    if (!client) return undefined;
    this.#busy = busy;
    this.requestUpdate();
    try {
      return await work(client, this.session.token);
    } finally {
      this.#busy = undefined;
      this.requestUpdate();
    }
  }

  async #focus(target: string | undefined): Promise<void> {
    await this.updateComplete;
    if (target === 'field') focusFirstInvalid(this.renderRoot);
    else if (target) this.renderRoot.querySelector<HTMLElement>(`#${target}`)?.focus();
  }
}
