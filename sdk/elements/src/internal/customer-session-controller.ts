import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { CcErrorEvent } from '../events/cc-error-event.js';
import type { ApiClient } from './api-client.js';
import type { CcApiError } from './api-error.js';
import type { ConfigController } from './config-controller.js';
import { sessionStore } from './session-store.js';
import {
  customerSessions,
  takeUrlLinkToken,
  type CustomerSessionEntry,
  type CustomerSessionState,
} from './customer-session.js';
import { asApiError, requestErrorText } from './wallet-errors.js';
import { messagesLoading } from './messages.js';
import { walletMessagesFor, type WalletMessages } from './wallet-messages.js';
import { buttonPart, inputPart } from './parts.js';

export interface SessionHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
  /** A wallet link token set as an attribute (`link-token`). */
  linkToken?: string | undefined;
  /** A customer session token set as an attribute (`session-token`). */
  sessionToken?: string | undefined;
  /**
   * The element's own code for a signed-in customer, when it loads it apart: undefined once it
   * is there, else a promise of it. The gate shows the session opening until it has arrived.
   */
  signedInCode?(): Promise<unknown> | undefined;
}

/** `loading` until the element knows its API; then the page's session state for it. */
export type SessionViewState = 'loading' | CustomerSessionState;

const emailPattern = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/**
 * The signed-in views' texts (`account-messages.ts`, in the page's language): asked for once a
 * session is active, shared by every wallet element of the page. `ready` once they are there.
 */
const accountTexts: { loading?: Promise<void> | undefined; ready: boolean } = { ready: false };

function loadAccountTexts(): Promise<void> {
  accountTexts.loading ??= import('./account-messages.js')
    .then(() => messagesLoading())
    .then(
      () => {
        accountTexts.ready = true;
      },
      (error: unknown) => {
        accountTexts.loading = undefined; // tried again next time
        throw error;
      },
    );
  return accountTexts.loading;
}

export class CustomerSessionController implements ReactiveController {
  readonly #host: SessionHost;
  readonly #config: ConfigController;
  #urlToken: string | undefined;
  #sessionClient?: { base: ApiClient; token: string; client: ApiClient } | undefined;
  #fresh: {
    email: string;
    touched: boolean;
    error?: string | undefined;
    sending: boolean;
    sent: boolean;
    alert?: string | undefined;
  } = {
    email: '',
    touched: false,
    sending: false,
    sent: false,
  };
  #reportedExpiry = false;
  /** The signed-in code (texts, the element's own) is on its way, or did not arrive. */
  #signedIn?: 'loading' | 'failed' | undefined;

  constructor(host: SessionHost, config: ConfigController) {
    this.#host = host;
    this.#config = config;
    host.addController(this);
  }

  hostConnected(): void {
    // At once, so the token leaves the address bar even before the config loads.
    this.#urlToken = takeUrlLinkToken();
    customerSessions.addEventListener('change', this.#onChange);
  }

  hostDisconnected(): void {
    customerSessions.removeEventListener('change', this.#onChange);
  }

  hostUpdated(): void {
    const apiBase = this.apiBase;
    if (!apiBase) return;
    const attributeSession = this.#host.sessionToken?.trim();
    const linkToken = this.#host.linkToken?.trim() || this.#urlToken;
    if (linkToken) {
      // Exchanged once per token (the store remembers); later elements just read the result.
      queueMicrotask(() => void customerSessions.exchange(apiBase, linkToken));
    } else if (attributeSession) {
      queueMicrotask(() => customerSessions.adopt(apiBase, attributeSession));
    } else if (this.entry?.state === 'none' && sessionStore.session) {
      // The session the credit application got on this page.
      const { token, expiresAt } = sessionStore.session;
      queueMicrotask(() => customerSessions.adopt(apiBase, token, expiresAt));
    }
    const entry = this.entry;
    if (entry?.state === 'active' && entry.token && sessionStore.session?.token !== entry.token) {
      // And the other way: <cc-terms-offer> on a wallet page acts with the wallet's session.
      sessionStore.set({
        token: entry.token,
        expiresAt: entry.expiresAt ?? new Date(Date.now() + 3600_000).toISOString(),
      });
    }
    if (this.state === 'expired' && !this.#reportedExpiry) {
      this.#reportedExpiry = true;
      const error = this.entry?.error;
      this.#host.dispatchEvent(
        new CcErrorEvent({
          code: error?.code ?? 'session_expired',
          message: error?.message ?? 'The customer session has expired.',
        }),
      );
    } else if (this.state !== 'expired') {
      this.#reportedExpiry = false;
    }
  }

  readonly #onChange = () => this.#host.requestUpdate();

  get apiBase(): string | undefined {
    return this.#config.client?.apiBase;
  }

  get entry(): CustomerSessionEntry | undefined {
    const apiBase = this.apiBase;
    return apiBase ? customerSessions.get(apiBase) : undefined;
  }

  get state(): SessionViewState {
    const entry = this.entry;
    if (!entry) return 'loading';
    // A link not yet answered wins over whatever the tab holds (it may be another contact's).
    const linkToken = this.#host.linkToken?.trim() || this.#urlToken;
    if (linkToken && entry.state !== 'failed' && !customerSessions.settled(this.apiBase!, linkToken))
      return 'exchanging';
    return entry.state;
  }

  /** The token in use, for matching late answers. */
  get token(): string | undefined {
    const entry = this.entry;
    return entry?.state === 'active' ? entry.token : undefined;
  }

  /** The API client acting for the session; undefined without an active one. */
  get client(): ApiClient | undefined {
    const base = this.#config.client;
    const token = this.token;
    if (!base || !token) return undefined;
    if (this.#sessionClient?.base !== base || this.#sessionClient.token !== token) {
      this.#sessionClient = { base, token, client: base.withSession(token) };
    }
    return this.#sessionClient.client;
  }

  /** A request with the session succeeded (the API slid its expiry). */
  used(): void {
    if (this.apiBase) customerSessions.touch(this.apiBase);
  }

  rememberEmail(email: string): void {
    if (this.apiBase && email) customerSessions.rememberEmail(this.apiBase, email);
  }

  /**
   * Call with the failure of a request made with {@link client}: a 401 ends the session
   * (expired or revoked) and returns true; the gate then shows.
   */
  ended(error: unknown, token = this.token): boolean {
    const apiError: CcApiError = asApiError(error);
    if (apiError.status !== 401 || !this.apiBase) return false;
    customerSessions.expire(this.apiBase, apiError, token);
    return true;
  }

  /** What to show instead of the element while there is no usable session; `nothing` when there is one. */
  renderGate(m: WalletMessages, merchant: string): TemplateResult | typeof nothing {
    const state = this.state;
    if (state === 'active') return this.#renderSignedIn(m);
    if (state === 'loading' || state === 'exchanging')
      return html`<p class="loading" role="status">${m.session.opening}</p>`;
    if (state === 'failed') {
      const error = this.entry?.error;
      return html`<div class="gate">
        <div part="error" class="alert" role="alert">${m.session.failed} ${error ? requestErrorText(error, m) : ''}</div>
        <div class="actions"><button part="button" type="button" @click=${this.#retry}>${m.retry}</button></div>
      </div>`;
    }
    const expired = state === 'expired';
    return html`<section class="gate" aria-labelledby="session-title">
      ${
        expired
          ? html`<h2 id="session-title">${m.session.expiredTitle}</h2>
            <p>${m.session.expiredBody}</p>`
          : html`<h2 id="session-title" class="sr-only">${m.session.send}</h2>
            <p part="status">${m.session.none(merchant)}</p>`
      }
      ${this.#renderFreshLink(m)}
    </section>`;
  }

  /**
   * With a session: `nothing` once the signed-in code is here (the account texts, and the
   * element's own code if it loads it apart); until then the session's opening state.
   */
  #renderSignedIn(m: WalletMessages): TemplateResult | typeof nothing {
    if (this.#signedIn === 'failed')
      return html`<div class="gate">
        <div part="error" class="alert" role="alert">${m.session.failed} ${m.apiErrors.network_error}</div>
        <div class="actions"><button part="button" type="button" @click=${this.#retrySignedIn}>${m.retry}</button></div>
      </div>`;
    const pending = [accountTexts.ready ? undefined : loadAccountTexts(), this.#host.signedInCode?.()];
    if (pending.every((p) => p === undefined)) return nothing;
    if (this.#signedIn !== 'loading') {
      this.#signedIn = 'loading';
      Promise.all(pending).then(
        () => this.#signedInSettled(undefined),
        () => this.#signedInSettled('failed'),
      );
    }
    return html`<p class="loading" role="status">${m.session.opening}</p>`;
  }

  #signedInSettled(state: 'failed' | undefined): void {
    this.#signedIn = state;
    this.#host.requestUpdate();
  }

  readonly #retrySignedIn = () => this.#signedInSettled(undefined);

  readonly #retry = () => {
    const apiBase = this.apiBase;
    const token = this.#host.linkToken?.trim() || this.#urlToken;
    if (apiBase && token) void customerSessions.exchange(apiBase, token);
  };

  #renderFreshLink(m: WalletMessages): TemplateResult {
    const fresh = this.#fresh;
    if (!this.#config.client?.publishableKey) return html`<p>${m.session.noKey}</p>`;
    if (fresh.sent)
      return html`<p part="status" class="sent" id="session-sent" tabindex="-1" role="status">${m.session.sent}</p>`;
    const knownEmail = this.entry?.email;
    return html`<form part="form" class="fresh-link" novalidate aria-busy=${fresh.sending ? 'true' : 'false'} @submit=${this.#send}>
      ${fresh.alert ? html`<div part="error" class="alert" role="alert" id="session-alert" tabindex="-1">${fresh.alert}</div>` : nothing}
      ${
        knownEmail
          ? nothing
          : html`<div part="field" class="field">
            <label part="label" for="session-email">${m.session.emailLabel}</label>
            <input
              part=${inputPart(!!fresh.error)}
              id="session-email"
              type="email"
              autocomplete="email"
              required
              .value=${live(fresh.email)}
              aria-invalid=${fresh.error ? 'true' : 'false'}
              aria-describedby=${fresh.error ? 'session-email-error' : nothing}
              @input=${(event: Event) => {
                fresh.email = (event.target as HTMLInputElement).value;
                if (fresh.error) this.#validateEmail(m);
                this.#host.requestUpdate();
              }}
            />
            ${fresh.error ? html`<p part="error" class="error" id="session-email-error">${fresh.error}</p>` : nothing}
          </div>`
      }
      <div class="actions">
        <button part=${buttonPart(!!fresh.sending, 'button-primary')} class="primary" type="submit" aria-disabled=${fresh.sending ? 'true' : 'false'}>${m.session.send}</button>
      </div>
      <p class="sr-only" role="status">${fresh.sending ? m.session.sending : ''}</p>
    </form>`;
  }

  #validateEmail(m: WalletMessages): boolean {
    const email = this.#fresh.email.trim();
    this.#fresh.error =
      email === '' ? m.required(m.session.emailLabel) : emailPattern.test(email) ? undefined : m.session.emailInvalid;
    return !this.#fresh.error;
  }

  readonly #send = async (event: Event): Promise<void> => {
    event.preventDefault();
    const fresh = this.#fresh;
    if (fresh.sending) return;
    const m = walletMessagesFor(this.#config.locale);
    const email = this.entry?.email ?? fresh.email.trim();
    const root = this.#host.renderRoot as ShadowRoot | HTMLElement;
    if (!this.entry?.email && !this.#validateEmail(m)) {
      this.#host.requestUpdate();
      await this.#host.updateComplete;
      root.querySelector<HTMLElement>('#session-email')?.focus();
      return;
    }
    const client = this.#config.client;
    if (!client) return;
    fresh.sending = true;
    fresh.alert = undefined;
    this.#host.requestUpdate();
    try {
      // The customer API's code arrives with the first request for a link (the gate does not need it to show).
      const { customerApi } = await import('./customer-api.js');
      await customerApi(client).requestWalletLink(email);
      fresh.sent = true;
    } catch (error) {
      const apiError = asApiError(error);
      if (apiError.status === 422 && apiError.param === 'email') fresh.error = m.session.emailInvalid;
      else fresh.alert = requestErrorText(apiError, m);
      this.#host.dispatchEvent(new CcErrorEvent({ code: apiError.code, message: apiError.message }));
    } finally {
      fresh.sending = false;
      this.#host.requestUpdate();
    }
    await this.#host.updateComplete;
    const target = fresh.sent ? 'session-sent' : fresh.error ? 'session-email' : 'session-alert';
    root.querySelector<HTMLElement>(`#${target}`)?.focus();
  };
}
