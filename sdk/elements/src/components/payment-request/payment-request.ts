import { html, nothing, type CSSResultGroup, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { CcErrorEvent } from '../../events/cc-error-event.js';
import type { CcApiError } from '../../internal/api-error.js';
import { customerApi } from '../../internal/customer-api.js';
import type { WalletPaymentMethod, WalletPaymentRequest } from '../../internal/wallet-api.js';
import { CcCancelableElement } from '../../internal/wallet-element.js';
import { asApiError, requestErrorText } from '../../internal/wallet-errors.js';
import { formStyles } from '../../styles/form.styles.js';
import { walletStyles } from '../../styles/wallet.styles.js';
import type { RequestEditor } from './request-editor.js';

type RequestParts = typeof import('./request-parts.js');

/** The answer's code, once loaded: shared by every `<cc-payment-request>` of the page. */
let parts: RequestParts | undefined;
let partsLoading: Promise<RequestParts> | undefined;

/**
 * Loads the answer's code once (a failed download is tried again next time). The
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
  /** The answer to the request shown (its code comes with the first read): a fresh one for another request. */
  #editor?: RequestEditor | undefined;
  #loadError?: CcApiError | undefined;
  #loadedKey?: string | undefined;
  #request?: AbortController | undefined;

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
    if (other) this.#editor = undefined;
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
    this.#editor ??= new parts.RequestEditor({
      element: this,
      m: () => this.m,
      locale: () => this.activeLocale,
      merchant: () => this.merchantName,
      session: this.session,
      keydown: (event) => this.onKeydown(event),
      cancel: () => this.cancel(),
      request: () => this.#current!,
      setRequest: (shown) => {
        this.#current = shown;
      },
      reload: (id) => void this.#load(id, true),
      methods: () => this.#methods,
      methodId: () => this.#methodId,
      setMethodId: (id) => {
        this.#methodId = id;
      },
      addMethod: (method) => {
        this.#methods = [method, ...this.#methods];
        this.#methodId = method.id;
      },
    });
    return this.#editor.render(request);
  }
}
