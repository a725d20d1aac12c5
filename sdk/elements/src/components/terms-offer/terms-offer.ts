import { html, type CSSResultGroup, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { CcErrorEvent } from '../../events/cc-error-event.js';
import type { ApiClient } from '../../internal/api-client.js';
import { CcApiError } from '../../internal/api-error.js';
import { apiErrorText } from '../../internal/api-error-text.js';
import { CcElement } from '../../internal/cc-element.js';
import { ConfigController } from '../../internal/config-controller.js';
import { devWarning } from '../../internal/dev-warnings.js';
import { messagesFor, messagesLoading } from '../../internal/messages.js';
import { sessionStore } from '../../internal/session-store.js';
import { formStyles } from '../../styles/form.styles.js';
import type { TermsOfferPanel } from './terms-offer-panel.js';
import { termsOfferStyles } from './terms-offer.styles.js';

type LoadState = 'idle' | 'loading' | 'ready' | 'error';

/**
 * A payment terms offer and the customer's answer: it reads the offer with the customer's
 * session, shows net days, credit limit, currency and expiry, lets the customer pick net
 * days from the merchant's `allowedNetDays` when the terms policy is `flexible` (read-only
 * when `locked`), and accept it with a typed signature or decline it.
 *
 * The session is the `session-token` attribute, else the page's customer session (the one
 * `<cc-credit-app>` got, kept in memory).
 *
 * @tagname cc-terms-offer
 * @summary Shows a terms offer; the customer signs by typing their name to accept it, or declines it.
 *
 * @fires {CcTermsAcceptedEvent} cc-terms-accepted - The offer was accepted; `detail` is `{ offerId, contactId }`.
 * @fires {CcTermsDeclinedEvent} cc-terms-declined - The offer was declined; `detail` is `{ offerId, contactId }`.
 * @fires {CcErrorEvent} cc-error - The offer could not be loaded or answered (`terms_locked`, `offer_not_open`, `session_expired`, `network_error`, …); `detail` is `{ code, message }`.
 * @fires {CcReadyEvent} cc-ready - The element has its config (from its `<cc-provider>` or its own attributes) and is usable; fired on the element itself, in a provider or alone. `detail` is `{ config }`.
 *
 * @csspart form - The accept form.
 * @csspart field - A label, its control, hint and error.
 * @csspart label - A field label.
 * @csspart input - The net days select and the signature input.
 * @csspart button - Accept and Decline.
 * @csspart button-primary - Accept.
 * @csspart error - A field error, or the alert above the form.
 * @csspart amount - The credit limit.
 * @csspart status - The outcome once answered, or the status of an offer no longer open.
 * @csspart input-invalid - With `input`, on a control whose field is in error (`aria-invalid="true"`).
 * @csspart button-busy - With `button`, on the button whose action is running.
 */
export class CcTermsOffer extends CcElement {
  static override styles: CSSResultGroup = [CcElement.styles, formStyles, termsOfferStyles];

  /** The offer to show (`off_...`). */
  @property({ attribute: 'offer-id' }) offerId?: string;

  /** A customer session token (`cs_...`); defaults to the page's customer session. */
  @property({ attribute: 'session-token' }) sessionToken?: string;

  @state() private loadState: LoadState = 'idle';

  readonly #config = new ConfigController(this);
  /** The offer and the answer to it: its code arrives with the first offer (fetched alongside it). */
  #panel?: TermsOfferPanel | undefined;
  #loadError?: CcApiError | undefined;
  #loadedKey?: string | undefined;
  #request?: AbortController | undefined;
  #sessionClient?: { base: ApiClient; token: string; client: ApiClient } | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    sessionStore.addEventListener('change', this.#onSessionChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    sessionStore.removeEventListener('change', this.#onSessionChange);
    this.#request?.abort();
    this.#loadedKey = undefined;
  }

  readonly #onSessionChange = () => this.requestUpdate();

  #token(): string | undefined {
    return this.sessionToken?.trim() || sessionStore.session?.token;
  }

  /** The provider's client acting for the session, made once per client and token. */
  #client(): ApiClient | undefined {
    const base = this.#config.client;
    const token = this.#token();
    if (!base || !token) return undefined;
    if (this.#sessionClient?.base !== base || this.#sessionClient.token !== token) {
      this.#sessionClient = { base, token, client: base.withSession(token) };
    }
    return this.#sessionClient.client;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const client = this.#client();
    const offerId = this.offerId?.trim();
    if (!offerId && (!this.hasUpdated || changed.has('offerId'))) {
      devWarning(this, 'noOfferId');
    }
    const key = client && offerId ? `${client.apiBase} ${this.#token()} ${offerId}` : undefined;
    if (key === this.#loadedKey) return;
    this.#loadedKey = key;
    this.#request?.abort();
    if (client && offerId) this.#load(client, offerId);
    else this.loadState = 'idle';
  }

  async #load(client: ApiClient, offerId: string): Promise<void> {
    const request = (this.#request = new AbortController());
    this.loadState = 'loading';
    try {
      // The panel and the customer API's code arrive with the first offer: no offer-id, no download.
      const [{ TermsOfferPanel }, { customerApi }] = await Promise.all([
        import('./terms-offer-panel.js'),
        import('../../internal/customer-api.js'),
      ]);
      const [offer] = await Promise.all([
        customerApi(client).termsOffer(offerId, { signal: request.signal }),
        messagesLoading(), // the offer's texts in the page's language, added with the panel
      ]);
      if (request.signal.aborted) return;
      this.#panel ??= new TermsOfferPanel(this, () => ({
        client: this.#client(),
        config: this.#config.config,
        locale: this.#config.locale,
        m: messagesFor(this.#config.locale),
      }));
      this.#panel.show(offer);
      this.loadState = 'ready';
    } catch (error) {
      if (request.signal.aborted) return;
      this.#loadError = error instanceof CcApiError ? error : CcApiError.network(error);
      this.loadState = 'error';
      const failed = new CcErrorEvent({ code: this.#loadError.code, message: this.#loadError.message });
      this.dispatchEvent(failed);
    }
  }

  protected override render(): unknown {
    const m = messagesFor(this.#config.locale);
    if (!this.offerId?.trim()) return html`<p part="status" role="status">${m.offer.noOffer}</p>`;
    if (!this.#token()) return html`<p part="status">${m.offer.noSession}</p>`;
    if (this.loadState === 'error') {
      const error = this.#loadError!;
      const text =
        error.status === 404
          ? m.offer.notFound
          : error.status === 401
            ? m.apiErrors.session_expired
            : apiErrorText(error, m);
      return html`<div part="error" class="alert" role="alert">${text}</div>`;
    }
    if (this.loadState !== 'ready' || this.#config.status === 'loading') {
      return html`<p class="loading" role="status">${m.loading}</p>`;
    }
    return this.#panel!.render();
  }
}
