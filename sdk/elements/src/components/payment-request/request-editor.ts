// The answer to a payment request once it is shown (facts, the pay form, approving, declining,
// paying, what to focus after): loaded with the element's first read of a request, and with the
// wallet's (`loadRequestParts` in payment-request.ts), so a page whose customer is not signed in
// downloads none of it.
import { html, nothing, type TemplateResult } from 'lit';
import { CcErrorEvent } from '../../events/cc-error-event.js';
import type { CcPaymentMethodAddedEvent } from '../../events/cc-payment-method-added-event.js';
import { CcPaymentFailedEvent } from '../../events/cc-payment-failed-event.js';
import { CcPaymentRequestApprovedEvent } from '../../events/cc-payment-request-approved-event.js';
import { CcPaymentRequestDeclinedEvent } from '../../events/cc-payment-request-declined-event.js';
import { CcPaymentSucceededEvent } from '../../events/cc-payment-succeeded-event.js';
import type { ApiClient } from '../../internal/api-client.js';
import type { CcApiError } from '../../internal/api-error.js';
import { customerApi } from '../../internal/customer-api.js';
import { focusFirstInvalid } from '../../internal/form-fields.js';
import { formatMoney } from '../../internal/money-format.js';
import { RetryKey } from '../../internal/retry-key.js';
import type { WalletPaymentMethod, WalletPaymentRequest } from '../../internal/wallet-api.js';
import { amountExample, asApiError, requestErrorText } from '../../internal/wallet-format.js';
import type { LocalizedEditorHost } from '../../internal/editor-host.js';
import { checkAmount, payFieldError } from './request-amount.js';
import { renderRequestFacts } from './request-facts.js';
import { renderPayForm, type PayFormActions } from './request-pay-form.js';

type Busy = 'approve' | 'decline' | 'pay';

const payable = new Set(['pending_approval', 'approved', 'partially_paid']);

/** What the answer needs from its element (which keeps the request, the methods and their loading). */
export interface RequestEditorHost extends LocalizedEditorHost {
  /** The request shown, as last read. */
  request: () => WalletPaymentRequest;
  /** Shows the request as an answer left it. */
  setRequest: (request: WalletPaymentRequest) => void;
  /** Reads the request again, quietly. */
  reload: (id: string) => void;
  methods: () => WalletPaymentMethod[];
  methodId: () => string;
  setMethodId: (id: string) => void;
  /** A method added from the form shown inside: first in the list, and chosen. */
  addMethod: (method: WalletPaymentMethod) => void;
}

/** The customer's answer to one request; `<cc-payment-request>` renders it once it has the request. */
export class RequestEditor {
  readonly #host: RequestEditorHost;
  readonly #el: RequestEditorHost['element'];
  #amount: string;
  #amountTouched = false;
  #errors: { amount?: string; method?: string } = {};
  #alert?: string | undefined;
  #outcome?: string | undefined;
  #busy?: Busy | undefined;
  readonly #keys = { approve: new RetryKey(), decline: new RetryKey(), pay: new RetryKey() };

  constructor(host: RequestEditorHost) {
    this.#host = host;
    this.#el = host.element;
    const request = host.request();
    this.#amount = request.remaining > 0 ? amountExample(request.remaining, request.currency, host.locale()) : '';
  }

  get #method(): WalletPaymentMethod | undefined {
    return this.#host.methods().find((method) => method.id === this.#host.methodId());
  }

  render(request: WalletPaymentRequest): TemplateResult {
    const m = this.#host.m();
    const open = payable.has(request.status) && request.remaining > 0;
    return html`<section class="panel request" aria-labelledby="request-title">
      <h2 id="request-title" tabindex="-1">${m.request.title(this.#host.merchant())}</h2>
      ${renderRequestFacts(request, m, this.#host.locale())}
      ${this.#alert ? html`<div part="error" class="alert" role="alert" id="request-alert" tabindex="-1">${this.#alert}</div>` : nothing}
      ${this.#outcome ? html`<p class="outcome" id="request-outcome" tabindex="-1" role="status">${this.#outcome}</p>` : nothing}
      ${
        open
          ? renderPayForm(
              request,
              {
                m,
                locale: this.#host.locale(),
                busy: this.#busy !== undefined,
                action: this.#busy,
                methods: this.#host.methods(),
                methodId: this.#host.methodId(),
                method: this.#method,
                amount: this.#amount,
                errors: this.#errors,
                cancelable: this.#el.cancelable,
              },
              this.#actions,
            )
          : this.#outcome
            ? nothing
            : html`<p class="muted">${m.request.closed}</p>`
      }
      ${this.#el.cancelable && !open ? html`<div class="actions"><button part="button" type="button" @click=${() => this.#host.cancel()}>${m.cancel}</button></div>` : nothing}
    </section>`;
  }

  readonly #actions: PayFormActions = {
    methodAdded: (event) => this.#onMethodAdded(event),
    pay: (event) => void this.#onPay(event),
    keydown: (event) => this.#host.keydown(event),
    choose: (id) => this.#chooseMethod(id),
    amountInput: (value) => {
      this.#amount = value;
      this.#amountTouched = true;
      if (this.#errors.amount) this.#validateAmount();
      this.#el.requestUpdate();
    },
    amountBlur: () => {
      if (this.#amountTouched) this.#validateAmount();
      this.#el.requestUpdate();
    },
    approve: () => void this.#onApprove(),
    decline: () => void this.#onDecline(),
    cancel: () => this.#host.cancel(),
  };

  #chooseMethod(id: string): void {
    this.#host.setMethodId(id);
    delete this.#errors.method;
    if (this.#amountTouched || this.#errors.amount) this.#validateAmount();
    this.#el.requestUpdate();
  }

  readonly #onMethodAdded = (event: CcPaymentMethodAddedEvent) => {
    const method = event.detail.paymentMethod;
    this.#host.addMethod(method);
    this.#el.requestUpdate();
  };

  /** The minimum rule as the API applies it; the API decides. */
  #validateAmount(): number | undefined {
    const checked = checkAmount(this.#host.request(), this.#amount, this.#method, this.#host.m(), this.#host.locale());
    if ('error' in checked) this.#errors.amount = checked.error;
    else delete this.#errors.amount;
    return 'amount' in checked ? checked.amount : undefined;
  }

  readonly #onPay = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (this.#busy) return;
    const request = this.#host.request();
    this.#alert = this.#outcome = undefined;
    this.#amountTouched = true;
    if (!this.#method) this.#errors.method = this.#host.m().paymentErrors.payment_method;
    const amount = this.#validateAmount();
    if (amount === undefined || !this.#method) {
      this.#el.requestUpdate();
      await this.#el.updateComplete;
      if (!focusFirstInvalid(this.#el.renderRoot))
        this.#el.renderRoot.querySelector<HTMLElement>('input[name="request-method"], cc-payment-method-form')?.focus();
      return;
    }
    const method = this.#method;
    let focus: string | undefined;
    if (request.status === 'pending_approval') {
      focus = await this.#answer('approve');
      if (this.#host.request().status === 'pending_approval') return this.#focus(focus);
    }
    focus = await this.#run('pay', async (client, token) => {
      const body = { amount, paymentMethodId: method.id };
      try {
        const payment = await customerApi(client).payPaymentRequest(request.id, body, {
          idempotencyKey: this.#keys.pay.next(body),
        });
        this.#host.session.used();
        const remaining = this.#host.request().remaining - amount;
        this.#host.setRequest({
          ...this.#host.request(),
          paidAmount: this.#host.request().paidAmount + amount,
          remaining,
          status: remaining === 0 ? 'paid' : 'partially_paid',
        });
        this.#amount = remaining > 0 ? amountExample(remaining, request.currency, this.#host.locale()) : '';
        this.#amountTouched = false;
        this.#outcome = this.#host.m().request.paidNow(formatMoney(amount, request.currency, this.#host.locale()));
        this.#el.dispatchEvent(
          new CcPaymentSucceededEvent({
            paymentId: payment.id,
            amount,
            currency: request.currency,
            paymentRequestId: request.id,
            ...(request.invoiceId ? { invoiceId: request.invoiceId } : {}),
          }),
        );
        this.#host.reload(request.id);
        return 'request-outcome';
      } catch (error) {
        this.#keys.pay.failed(error);
        const apiError = asApiError(error);
        if (this.#host.session.ended(apiError, token)) return undefined;
        this.#el.dispatchEvent(
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
    const m = this.#host.m();
    const request = this.#host.request();
    const field = payFieldError(error, request, m, this.#host.locale());
    if (field) {
      Object.assign(this.#errors, field);
    } else {
      // 402 (a refused charge) is named by the processor's code in plain words.
      this.#alert = requestErrorText(error, m);
      if (error.status !== 402) this.#el.dispatchEvent(new CcErrorEvent({ code: error.code, message: error.message }));
    }
    // The numbers may have moved (another payment, a cancelled request): read them again.
    if (error.status !== 402) this.#host.reload(request.id);
    return this.#alert ? 'request-alert' : 'field';
  }

  readonly #onApprove = async () => this.#focus(await this.#answer('approve'));

  readonly #onDecline = async () => this.#focus(await this.#answer('decline'));

  /** Approves or declines; returns what to focus. */
  #answer(action: 'approve' | 'decline'): Promise<string | undefined> {
    const request = this.#host.request();
    this.#alert = this.#outcome = undefined;
    return this.#run(action, async (client, token) => {
      try {
        const answer = await customerApi(client).answerPaymentRequest(request.id, action, {
          idempotencyKey: this.#keys[action].next(null),
        });
        this.#host.session.used();
        this.#host.setRequest({ ...request, ...answer });
        const detail = { paymentRequestId: request.id, contactId: answer.contactId ?? request.contactId ?? '' };
        if (action === 'approve') {
          this.#outcome = this.#host.m().request.approved;
          this.#el.dispatchEvent(new CcPaymentRequestApprovedEvent(detail));
        } else {
          this.#outcome = this.#host.m().request.declined;
          this.#el.dispatchEvent(new CcPaymentRequestDeclinedEvent(detail));
        }
        return 'request-outcome';
      } catch (error) {
        this.#keys[action].failed(error);
        const apiError = asApiError(error);
        if (this.#host.session.ended(apiError, token)) return undefined;
        this.#alert =
          apiError.status === 409
            ? this.#host.m().paymentErrors.payment_request_not_open
            : requestErrorText(apiError, this.#host.m());
        this.#el.dispatchEvent(new CcErrorEvent({ code: apiError.code, message: apiError.message }));
        this.#host.reload(request.id);
        return 'request-alert';
      }
    });
  }

  async #run(busy: Busy, work: (client: ApiClient, token: string | undefined) => Promise<string | undefined>) {
    const client = this.#host.session.client;
    if (!client) return undefined;
    this.#busy = busy;
    this.#el.requestUpdate();
    try {
      return await work(client, this.#host.session.token);
    } finally {
      this.#busy = undefined;
      this.#el.requestUpdate();
    }
  }

  async #focus(target: string | undefined): Promise<void> {
    await this.#el.updateComplete;
    if (target === 'field') focusFirstInvalid(this.#el.renderRoot);
    else if (target) this.#el.renderRoot.querySelector<HTMLElement>(`#${target}`)?.focus();
  }
}
