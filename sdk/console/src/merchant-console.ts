import { ContextProvider } from '@lit/context';
import { html, nothing, type CSSResultGroup, type PropertyValues, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { resolveApiBase } from '@customerconnect/sdk/internal';
import type { CcApiError } from '@customerconnect/sdk';
import { CcElement } from '@customerconnect/sdk';
import { resolveLocale } from '@customerconnect/sdk';
import { formStyles } from '@customerconnect/sdk/internal';
import { ConsoleApi, asApiError, type LoginAnswer, type Merchant } from './api.js';
import { consoleStyles } from './console.styles.js';
import { merchantConsoleStyles } from './merchant-console.styles.js';
import { consoleContext, type ConsoleContext } from './context.js';
import { errorText, statusText } from './format.js';
import { consoleMessagesFor, type ConsoleMessages } from './messages.js';
import type { ConsolePart } from './part.js';
import { navItems, parseRoute, settingsTabs, type Route } from './routes.js';

interface Session {
  api: ConsoleApi;
  user: LoginAnswer['user'];
  expiresAt: string;
}

/**
 * The merchant console: sign-in, then the company's receivables (overview, contacts,
 * invoices, payment requests, disputes), its settings and the embed snippets, on hash
 * routes (`#/contacts/ct_…`). The dashboard session (`ms_…`) is held in memory only: a
 * reload asks to sign in again. Every action goes through the public API with the
 * signed-in user's role; admin-only controls are shown disabled, with the reason, to members.
 * Its texts are in English, Spanish or French, by the `locale` attribute, else the browser's
 * language (English for other languages); the element's `lang` says which.
 *
 * @tagname cc-merchant-console
 * @summary The merchant dashboard, from sign-in to settings.
 *
 * @cssprop --cc-console-max-width - The widest the console's content gets (default `80rem`).
 */
export class CcMerchantConsole extends CcElement {
  static override styles: CSSResultGroup = [CcElement.styles, formStyles, consoleStyles, merchantConsoleStyles];

  @state() private session?: Session | undefined;
  @state() private merchant?: Merchant | undefined;
  @state() private merchantError?: CcApiError | undefined;
  @state() private route: Route = parseRoute(location.hash);
  @state() private signInMessage = '';
  @state() private menuOpen = false;
  @state() private announcement = '';

  readonly #provider = new ContextProvider(this, { context: consoleContext });
  #focusAfterRender = false;

  readonly #onHashChange = () => {
    this.route = parseRoute(location.hash);
    this.menuOpen = false;
    this.#focusAfterRender = true;
  };

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.#onHashChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.#onHashChange);
  }

  /** The signed-in user, if any (for hosts and tests). */
  get user(): LoginAnswer['user'] | undefined {
    return this.session?.user;
  }

  get #apiBase(): string {
    return resolveApiBase(this.apiBase);
  }

  /** Texts, numbers, money and dates follow the `locale` attribute, else the browser's language. */
  get #locale(): string {
    return resolveLocale(this.locale || navigator.language);
  }

  /** The console's texts in the language of its locale. */
  protected get t(): ConsoleMessages {
    return consoleMessagesFor(this.#locale);
  }

  /** Tells screen readers the language of the texts (the page around may be in another). */
  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const { lang } = this.t;
    if (this.lang !== lang) this.lang = lang;
  }

  /** Starts a session from a login answer (what the sign-in form does). */
  async signIn(answer: LoginAnswer): Promise<void> {
    const api = new ConsoleApi(this.#apiBase, answer.token, (error) => this.#sessionEnded(error));
    this.session = { api, user: answer.user, expiresAt: answer.expiresAt };
    this.signInMessage = '';
    this.#focusAfterRender = true;
    await this.#loadMerchant();
  }

  async signOut(): Promise<void> {
    const session = this.session;
    this.#drop();
    this.signInMessage = this.t.shell.signedOut;
    await session?.api.logout();
  }

  #drop(): void {
    this.session = undefined;
    this.merchant = undefined;
    this.merchantError = undefined;
    this.#provider.setValue(undefined as unknown as ConsoleContext);
  }

  #sessionEnded(error: CcApiError): void {
    this.#drop();
    this.signInMessage = errorText(this.t, error);
  }

  async #loadMerchant(): Promise<void> {
    const session = this.session;
    if (!session) return;
    this.merchantError = undefined;
    try {
      const merchant = await session.api.get<Merchant>('/v1/merchant');
      if (this.session !== session) return;
      this.#setMerchant(merchant);
    } catch (error) {
      if (this.session === session) this.merchantError = asApiError(error);
    }
  }

  #setMerchant(merchant: Merchant): void {
    const session = this.session;
    if (!session) return;
    this.merchant = merchant;
    this.#provider.setValue({
      api: session.api,
      user: session.user,
      merchant,
      locale: this.#locale,
      isAdmin: session.user.role === 'admin',
      setMerchant: (m) => this.#setMerchant(m),
      navigate: (hash) => {
        if (location.hash === hash) this.#onHashChange();
        else location.hash = hash;
      },
      announce: (text) => {
        this.announcement = '';
        requestAnimationFrame(() => (this.announcement = text));
      },
    });
  }

  protected override async updated(): Promise<void> {
    if (!this.#focusAfterRender || !this.merchant) return;
    this.#focusAfterRender = false;
    const part = this.renderRoot.querySelector<ConsolePart>('main > [data-page]');
    if (!part) return;
    await part.updateComplete;
    part.focusHeading?.();
  }

  protected override render(): TemplateResult {
    const resetToken = this.#resetToken();
    const t = this.t;
    if (resetToken || !this.session) {
      return html`<header class="top"><span class="brand">CustomerConnect</span><span class="merchant">${t.shell.dashboard}</span></header>
        <main id="main" class="signed-out">
          <cc-console-sign-in
            api-base=${this.#apiBase}
            locale=${this.#locale}
            .message=${this.signInMessage}
            .resetToken=${resetToken}
            @cc-console-signed-in=${(e: CustomEvent<LoginAnswer>) => this.signIn(e.detail)}
            @cc-console-reset-done=${() => this.#leaveResetPage()}
          ></cc-console-sign-in>
        </main>`;
    }
    const { user } = this.session;
    return html`<button type="button" class="skip" @click=${() => this.renderRoot.querySelector<HTMLElement>('main')?.focus()}>${t.shell.skip}</button>
      <header class="top">
        <span class="brand">CustomerConnect</span>
        <span class="merchant">${this.merchant?.name ?? ''}</span>
        <button type="button" class="menu-toggle" aria-expanded=${this.menuOpen ? 'true' : 'false'} aria-controls="nav" @click=${() => (this.menuOpen = !this.menuOpen)}>
          ${t.shell.menu}
        </button>
        <span class="who">${user.name || user.email} · ${statusText(t, user.role)}</span>
        <button type="button" id="sign-out" @click=${() => this.signOut()}>${t.shell.signOut}</button>
      </header>
      <div class="layout">
        <nav id="nav" aria-label=${t.shell.navLabel} data-open=${this.menuOpen ? 'true' : 'false'}>
          <ul>
            ${navItems.map(
              (item) =>
                html`<li><a href=${item.href} aria-current=${item.pages.includes(this.route.page) ? 'page' : 'false'}>${t.nav[item.label]}</a></li>`,
            )}
          </ul>
        </nav>
        <main id="main" tabindex="-1">${this.#page()}</main>
      </div>
      <p class="sr-only" role="status" aria-live="polite">${this.announcement}</p>`;
  }

  #page(): unknown {
    const t = this.t;
    if (this.merchantError) {
      return html`<div class="alert" role="alert">
        <p>${t.common.loadFailed(t.shell.company)} ${errorText(t, this.merchantError)}</p>
        <p><button type="button" @click=${() => this.#loadMerchant()}>${t.common.tryAgain}</button></p>
      </div>`;
    }
    if (!this.merchant)
      return html`<p class="state loading" role="status">${t.common.loadingWhat(t.shell.company)}</p>`;
    const { page, id, params } = this.route;
    const tabs = ['settings', 'users', 'api-keys', 'webhooks'].includes(page) ? this.#settingsTabs() : nothing;
    switch (page) {
      case 'overview':
        return html`<cc-console-overview data-page></cc-console-overview>`;
      case 'contacts':
        return html`<cc-console-contacts data-page></cc-console-contacts>`;
      case 'contact':
        return html`<cc-console-contact data-page contact-id=${id ?? ''}></cc-console-contact>`;
      case 'invoices':
        return html`<cc-console-invoices data-page contact-id=${params.get('contactId') ?? ''} ?overdue=${params.get('overdue') === 'true'}></cc-console-invoices>`;
      case 'invoice':
        return html`<cc-console-invoice data-page invoice-id=${id ?? ''}></cc-console-invoice>`;
      case 'invoice-new':
        return html`<cc-console-invoice-form data-page contact-id=${params.get('contactId') ?? ''}></cc-console-invoice-form>`;
      case 'invoice-import':
        return html`<cc-console-invoice-import data-page></cc-console-invoice-import>`;
      case 'payment-requests':
        return html`<cc-console-payment-requests data-page></cc-console-payment-requests>`;
      case 'disputes':
      case 'dispute':
        return html`<cc-console-disputes data-page dispute-id=${id ?? ''}></cc-console-disputes>`;
      case 'settings':
        return html`${tabs}<cc-console-settings data-page></cc-console-settings>`;
      case 'users':
        return html`${tabs}<cc-console-users data-page></cc-console-users>`;
      case 'api-keys':
        return html`${tabs}<cc-console-api-keys data-page></cc-console-api-keys>`;
      case 'webhooks':
        return html`${tabs}<cc-console-webhooks data-page></cc-console-webhooks>`;
      case 'embed':
        return html`<cc-console-embed data-page></cc-console-embed>`;
      default:
        return html`<div data-page class="page"><h1 tabindex="-1">${t.shell.notFound}</h1><p><a href="#/overview">${t.shell.toOverview}</a></p></div>`;
    }
  }

  #settingsTabs(): TemplateResult {
    const t = this.t;
    return html`<nav aria-label=${t.shell.settingsLabel}><ul class="tabs">
      ${settingsTabs.map((tab) => html`<li><a href=${tab.href} aria-current=${tab.pages.includes(this.route.page) ? 'page' : 'false'}>${t.nav[tab.label]}</a></li>`)}
    </ul></nav>`;
  }

  /** `/dashboard/reset-password?token=pwr_…`: the emailed password-reset link. */
  #resetToken(): string {
    if (!location.pathname.endsWith('/reset-password')) return '';
    return new URLSearchParams(location.search).get('token') ?? '';
  }

  #leaveResetPage(): void {
    const base = location.pathname.replace(/\/reset-password$/, '') || '/';
    history.replaceState(null, '', base);
    this.signInMessage = this.t.shell.passwordChanged;
    this.requestUpdate();
  }
}
