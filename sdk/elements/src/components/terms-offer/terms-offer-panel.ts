import { html, nothing, type LitElement, type TemplateResult } from 'lit';
import { CcErrorEvent } from '../../events/cc-error-event.js';
import { CcTermsAcceptedEvent } from '../../events/cc-terms-accepted-event.js';
import { CcTermsDeclinedEvent } from '../../events/cc-terms-declined-event.js';
import type { ApiClient } from '../../internal/api-client.js';
import { CcApiError } from '../../internal/api-error.js';
import '../../internal/decision-messages.js';
import { apiErrorText } from '../../internal/api-error-text.js';
import type { AcceptTermsRequest, TermsOffer } from '../../internal/customer-api.js';
import { focusFirstInvalid, selectField, textField } from '../../internal/form-fields.js';
import type { Messages } from '../../internal/messages.js';
import type { PublicConfig } from '../../internal/public-config.js';
import { RetryKey } from '../../internal/retry-key.js';
import { renderOutcome, renderTerms } from './terms-offer-view.js';
import { buttonPart } from '../../internal/parts.js';
import { customerApi } from '../../internal/customer-api.js';

/** What the panel needs from the element showing it, read on every render. */
export interface OfferPanelContext {
  /** A client acting for the customer session. */
  client: ApiClient | undefined;
  config: PublicConfig | undefined;
  locale: string;
  m: Messages;
  /** The contact, when the offer itself does not say. */
  contactId?: string | undefined;
}

type Alert = { code: string; message: string };

/**
 * One terms offer and the customer's answer to it: net days (a choice under the merchant's
 * `flexible` policy, read-only under `locked`), credit limit, currency and expiry, a typed
 * signature, Accept and Decline. Shared by `<cc-terms-offer>` and `<cc-credit-app>`; it
 * renders into its host and fires `cc-terms-accepted`, `cc-terms-declined` and `cc-error`
 * from it. Ids inside start with `offer-`.
 */
export class TermsOfferPanel {
  readonly #host: LitElement;
  readonly #context: () => OfferPanelContext;
  readonly #acceptKey = new RetryKey();
  readonly #declineKey = new RetryKey();
  #offer?: TermsOffer | undefined;
  #netDays = '';
  #signature = '';
  #signatureTouched = false;
  #signatureError?: { code: string; message?: string } | undefined;
  #netDaysError?: { code: string; days?: number; message?: string } | undefined;
  #refusedNetDays = new Set<number>();
  #locked = false;
  #closed = false;
  #alert?: Alert | undefined;
  #busy?: 'accept' | 'decline' | undefined;
  #outcome?: 'accepted' | 'declined' | undefined;

  constructor(host: LitElement, context: () => OfferPanelContext) {
    this.#host = host;
    this.#context = context;
  }

  get offer(): TermsOffer | undefined {
    return this.#offer;
  }

  /** Shows `offer` with a fresh form. */
  show(offer: TermsOffer): void {
    this.#offer = offer;
    this.#netDays = String(offer.netDays);
    this.#signature = '';
    this.#signatureTouched = false;
    this.#signatureError = this.#netDaysError = this.#alert = this.#busy = this.#outcome = undefined;
    this.#refusedNetDays.clear();
    this.#locked = this.#closed = false;
    this.#host.requestUpdate();
  }

  render(): TemplateResult | typeof nothing {
    const offer = this.#offer;
    if (!offer) return nothing;
    const { m, locale } = this.#context();
    const merchant = this.#merchant();
    const open = offer.status === 'offered' && !this.#closed && !this.#outcome;
    return html`<section class="panel offer" aria-labelledby="offer-title">
      <h3 id="offer-title" tabindex="-1">${m.offer.title(merchant)}</h3>
      ${renderTerms({ offer, m, locale, showNetDays: !(open && this.#flexible), showExpiry: open })}
      ${
        this.#alert
          ? html`<div part="error" class="alert" role="alert" id="offer-alert" tabindex="-1">${this.#alert.message}</div>`
          : nothing
      }
      ${open ? this.#renderForm(m) : renderOutcome(offer, this.#outcome, m, merchant, locale)}
    </section>`;
  }

  /** The offer read from the API says what the merchant allows now; an offer from a credit application does not, then the config does. */
  get #flexible(): boolean {
    return !this.#locked && (this.#offer?.termsPolicy ?? this.#context().config?.termsPolicy) === 'flexible';
  }

  #merchant(): string {
    const { config, m } = this.#context();
    return this.#offer?.merchant?.name ?? config?.merchant.name ?? m.merchantFallback;
  }

  #renderForm(m: Messages): TemplateResult {
    const offer = this.#offer!;
    const days = [
      ...new Set([...(offer.allowedNetDays ?? this.#context().config?.allowedNetDays ?? []), offer.netDays]),
    ]
      .filter((d) => d === offer.netDays || !this.#refusedNetDays.has(d))
      .sort((a, b) => a - b);
    const common = { required: true, optionalText: m.optional, onBlur: () => {} };
    return html`<form part="form" novalidate aria-busy=${this.#busy ? 'true' : 'false'} @submit=${this.#onAccept}>
      ${
        this.#flexible
          ? selectField({
              ...common,
              id: 'offer-netDays',
              label: m.offer.netDays,
              hint: m.offer.netDaysHint,
              value: this.#netDays,
              options: days.map((d) => ({ value: String(d), label: m.offer.netDaysExplained(d) })),
              error:
                this.#netDaysError &&
                (this.#netDaysError.days !== undefined
                  ? m.offer.netDaysNotAllowed(this.#netDaysError.days)
                  : this.#netDaysError.message),
              onInput: (value) => {
                this.#netDays = value;
                this.#netDaysError = undefined;
                this.#host.requestUpdate();
              },
            })
          : nothing
      }
      ${textField({
        ...common,
        id: 'offer-signature',
        label: m.offer.signature,
        hint: m.offer.signatureHint,
        autocomplete: 'name',
        value: this.#signature,
        error: this.#signatureError && (this.#signatureError.message ?? m.errors.required(m.offer.signature)),
        onInput: (value) => {
          this.#signature = value;
          this.#signatureTouched = true;
          if (this.#signatureError) this.#validateSignature();
          this.#host.requestUpdate();
        },
        onBlur: () => {
          if (this.#signatureTouched) this.#validateSignature();
          this.#host.requestUpdate();
        },
      })}
      <div class="actions">
        <button part=${buttonPart(this.#busy === 'accept', 'button-primary')} class="primary" type="submit" aria-disabled=${this.#busy ? 'true' : 'false'}>${m.offer.accept}</button>
        <button part=${buttonPart(this.#busy === 'decline')} type="button" aria-disabled=${this.#busy ? 'true' : 'false'} @click=${this.#onDecline}>${m.offer.decline}</button>
      </div>
      <p class="sr-only" role="status">${this.#busy ? m.offer.working : ''}</p>
    </form>`;
  }

  #validateSignature(): boolean {
    this.#signatureError = this.#signature.trim() === '' ? { code: 'required' } : undefined;
    return !this.#signatureError;
  }

  readonly #onAccept = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (this.#busy) return;
    this.#alert = undefined;
    if (!this.#validateSignature()) {
      this.#host.requestUpdate();
      await this.#host.updateComplete;
      focusFirstInvalid(this.#host.renderRoot);
      return;
    }
    const offer = this.#offer!;
    const body: AcceptTermsRequest = { signatureName: this.#signature.trim() };
    if (this.#flexible) body.netDays = Number(this.#netDays);
    await this.#send('accept', body, this.#acceptKey, (answer) => {
      this.#offer = { ...offer, status: 'accepted', acceptedNetDays: body.netDays ?? offer.netDays, ...answer };
      this.#outcome = 'accepted';
      this.#host.dispatchEvent(new CcTermsAcceptedEvent({ offerId: offer.id, contactId: this.#contactId() }));
    });
  };

  readonly #onDecline = async (): Promise<void> => {
    if (this.#busy) return;
    this.#alert = undefined;
    const offer = this.#offer!;
    await this.#send('decline', undefined, this.#declineKey, (answer) => {
      this.#offer = { ...offer, status: 'declined', ...answer };
      this.#outcome = 'declined';
      this.#host.dispatchEvent(new CcTermsDeclinedEvent({ offerId: offer.id, contactId: this.#contactId() }));
    });
  };

  #contactId(): string {
    return this.#offer?.contactId ?? this.#context().contactId ?? '';
  }

  async #send(
    action: 'accept' | 'decline',
    body: AcceptTermsRequest | undefined,
    retry: RetryKey,
    done: (answer: Partial<TermsOffer>) => void,
  ): Promise<void> {
    const { client } = this.#context();
    const offer = this.#offer!;
    this.#busy = action;
    this.#host.requestUpdate();
    try {
      if (!client)
        throw new CcApiError(401, {
          type: 'authentication',
          code: 'authentication_required',
          message: 'No customer session.',
        });
      const answer = await customerApi(client).answerTermsOffer(offer.id, action, body, {
        idempotencyKey: retry.next(body ?? null),
      });
      done(answer ?? {});
    } catch (error) {
      retry.failed(error);
      this.#failed(error instanceof CcApiError ? error : CcApiError.network(error));
    } finally {
      this.#busy = undefined;
      this.#host.requestUpdate();
    }
    await this.#host.updateComplete;
    const root = this.#host.renderRoot;
    if (this.#outcome) root.querySelector<HTMLElement>('#offer-outcome')?.focus();
    else if (!focusFirstInvalid(root)) root.querySelector<HTMLElement>('#offer-alert')?.focus();
  }

  #failed(error: CcApiError): void {
    const { m } = this.#context();
    const merchant = this.#merchant();
    if (error.code === 'net_days_not_allowed') {
      const days = Number(this.#netDays);
      this.#refusedNetDays.add(days);
      this.#netDays = String(this.#offer!.netDays);
      this.#netDaysError = { code: error.code, days };
      return;
    }
    if (error.status === 422 && error.param === 'signatureName') {
      this.#signatureError = { code: error.code };
      return;
    }
    if (error.status === 422 && error.param === 'netDays') {
      this.#netDaysError = { code: error.code, message: error.message };
      return;
    }
    let message: string;
    if (error.code === 'terms_locked') {
      this.#locked = true;
      this.#netDays = String(this.#offer!.netDays);
      message = m.offer.termsLocked(merchant);
    } else if (error.code === 'offer_not_open') {
      this.#closed = true;
      message = m.offer.offerNotOpen;
    } else if (error.status === 401) {
      // On /v1/customer/* any 401 means the customer session is gone (expired or revoked).
      message = m.apiErrors.session_expired;
    } else {
      message = apiErrorText(error, m);
    }
    this.#alert = { code: error.code, message };
    this.#host.dispatchEvent(new CcErrorEvent({ code: error.code, message: error.message }));
  }
}
