import { ContextProvider } from '@lit/context';
import { html, nothing, type CSSResultGroup, type PropertyValues } from 'lit';
import { state } from 'lit/decorators.js';
import { CcErrorEvent } from '../../events/cc-error-event.js';
import type { CcApiError } from '../../internal/api-error.js';
import { ccConfigContext, type CcConfigContext } from '../../internal/context.js';
import { applyThemeHints } from '../../internal/theme-hints.js';
import type { Wallet, WalletInvoice, WalletPaymentMethod, WalletPaymentRequest } from '../../internal/wallet-api.js';
import { CcCustomerElement } from '../../internal/wallet-element.js';
import { asApiError, requestErrorText } from '../../internal/wallet-errors.js';
import { formStyles } from '../../styles/form.styles.js';
import { tableStyles } from '../../styles/table.styles.js';
import { walletStyles } from '../../styles/wallet.styles.js';
import type { OlderRows } from './older-rows.js';
import type { InvoiceActions } from './wallet-invoices.js';
import type { MethodActions } from './wallet-methods.js';
import type { Panel, PanelActions } from './wallet-panel.js';
import type { RequestActions } from './wallet-requests.js';
import { loadDisputeEditor } from '../dispute-form/dispute-form.js';
import { loadMethodEditor } from '../payment-method-form/payment-method-form.js';
import { loadRequestParts } from '../payment-request/payment-request.js';
import { walletElementStyles } from './wallet.styles.js';
import type { InvoicePayment, OlderKind, WalletActionHost } from './wallet-actions.js';
import { customerApi, type CustomerApi } from '../../internal/customer-api.js';

type LoadState = 'idle' | 'loading' | 'ready' | 'error';

/** The wallet's views (`wallet-views.ts`, loaded with the first read) and the state kept in them. */
interface Views {
  v: typeof import('./wallet-views.js');
  /** The invoices and payment requests past the wallet's first page, shown on request. */
  older: { invoices: OlderRows<WalletInvoice>; requests: OlderRows<WalletPaymentRequest> };
  payment: InvoicePayment;
}

/**
 * The customer's wallet with the merchant: payment terms, invoices (balance, due date,
 * status, overdue), payment requests, payments, payment methods and disputes with their
 * outcome. From here the customer pays an invoice, disputes one, reviews (approves, declines,
 * pays) a payment request, and adds, removes or picks the default payment method; each opens
 * in place, and closing it returns focus to the button that opened it.
 *
 * The customer arrives from the link in a notice email: the `cc_token` in the address is
 * exchanged for a session, removed from the address bar, and kept in the tab's
 * sessionStorage so a reload keeps the customer in. When the session has expired, the wallet
 * says so and offers to email a fresh link. The merchant's theme hints from the wallet apply
 * where the page set none. Works without a publishable key (the hosted wallet page), except
 * for emailing a fresh link.
 *
 * @tagname cc-wallet
 * @summary The customer's invoices, payment requests, payments, payment methods and disputes, with pay and dispute.
 *
 * @fires {CcPaymentSucceededEvent} cc-payment-succeeded - A payment went through (an invoice paid in full, or a payment request); `detail` is `{ paymentId, amount, currency, invoiceId? , paymentRequestId? }`.
 * @fires {CcPaymentFailedEvent} cc-payment-failed - A payment did not go through; `detail` is `{ paymentId?, amount, currency, code, invoiceId?, paymentRequestId? }` (`card_declined`, `insufficient_funds`, `account_closed`, or the API's code).
 * @fires {CcPaymentRequestApprovedEvent} cc-payment-request-approved - A payment request was approved; `detail` is `{ paymentRequestId, contactId }`.
 * @fires {CcPaymentRequestDeclinedEvent} cc-payment-request-declined - A payment request was declined; `detail` is `{ paymentRequestId, contactId }`.
 * @fires {CcDisputeSavedEvent} cc-dispute-saved - A dispute was saved; `detail` is `{ disputeId, invoiceId, amount }`.
 * @fires {CcPaymentMethodAddedEvent} cc-payment-method-added - A payment method was added; `detail` is `{ paymentMethod }`.
 * @fires {CcErrorEvent} cc-error - Something failed that is not a field's: the wallet did not load, the session expired (`session_expired`, `link_invalid`), `network_error`, …; `detail` is `{ code, message }`.
 * @fires {CcReadyEvent} cc-ready - The element has its config (from its `<cc-provider>` or its own attributes) and is usable; fired on the element itself, in a provider or alone. `detail` is `{ config }`.
 *
 * @csspart table - The invoices and payments tables.
 * @csspart row - A row of those tables.
 * @csspart amount - Amounts shown, and the amount inputs.
 * @csspart status - Status texts (invoice, request, payment and dispute statuses; confirmations).
 * @csspart button - Every button.
 * @csspart button-primary - Pay, and each form's main button.
 * @csspart error - Alerts and field errors.
 * @csspart form - The forms opened in place.
 * @csspart field - A label, its control, hint and error.
 * @csspart label - A field label.
 * @csspart input - The controls of the forms opened in place.
 */
export class CcWallet extends CcCustomerElement {
  static override styles: CSSResultGroup = [
    CcCustomerElement.styles,
    formStyles,
    tableStyles,
    walletStyles,
    walletElementStyles,
  ];

  @state() private loadState: LoadState = 'idle';
  @state() private panel?: Panel | undefined;

  /** The parts opened in place share this element's config and locale, with or without a provider. */
  readonly #context = new ContextProvider(this, { context: ccConfigContext });
  readonly #themeProperties = new Set<string>();
  #wallet?: Wallet | undefined;
  #loadError?: CcApiError | undefined;
  #loadedKey?: string | undefined;
  #request?: AbortController | undefined;
  #announcement?: string | undefined;
  #views?: Views | undefined;
  #viewsLoading?: Promise<Views> | undefined;
  /** What "Show older …" last did, for the polite live region under each list. */
  #olderNote: Record<OlderKind, string> = { invoices: '', requests: '' };
  #busyMethod?: string | undefined;
  #focusAfterRender?: (() => void) | undefined;
  readonly #host: WalletActionHost = {
    element: this,
    session: this.session,
    m: () => this.m,
    locale: () => this.activeLocale,
    focusAfterRender: (focus) => {
      this.#focusAfterRender = focus;
    },
  };
  /** The wallet as last loaded. */
  get wallet(): Wallet | undefined {
    return this.#wallet;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    for (const type of [
      'cc-dispute-saved',
      'cc-payment-request-approved',
      'cc-payment-request-declined',
      'cc-payment-succeeded',
    ])
      this.addEventListener(type, this.#refresh);
    this.addEventListener('cc-payment-method-added', this.#onMethodAdded);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#request?.abort();
    this.#loadedKey = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const value = this.cc.value;
    if (value) this.#provide({ ...value, locale: this.cc.locale });
    const client = this.session.client;
    const key = client ? `${client.apiBase} ${client.sessionToken}` : undefined;
    if (key === this.#loadedKey) return;
    this.#loadedKey = key;
    this.#request?.abort();
    if (client) void this.#load();
  }

  #provide(value: CcConfigContext): void {
    const now = this.#context.value;
    const same = now && (['client', 'config', 'locale', 'status'] as const).every((key) => now[key] === value[key]);
    if (!same) this.#context.setValue(value);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const focus = this.#focusAfterRender;
    this.#focusAfterRender = undefined;
    focus?.();
  }

  /** Imports the wallet's views once (a failed download is tried again with the next read). */
  #loadViews(): Promise<Views> {
    // With the code of what opens in place (a request, the dispute and payment method forms): it shows at once.
    this.#viewsLoading ??= Promise.all([
      import('./wallet-views.js'),
      loadRequestParts(),
      loadDisputeEditor(),
      loadMethodEditor(),
    ]).then(
      ([v]) =>
        (this.#views = {
          v,
          older: {
            invoices: new v.OlderRows<WalletInvoice>('invoices'),
            requests: new v.OlderRows<WalletPaymentRequest>('payment-requests'),
          },
          payment: new v.InvoicePayment(
            this.#host,
            (text) => {
              this.panel = undefined;
              this.#announcement = text;
              this.#focusAfterRender = () =>
                this.renderRoot.querySelector<HTMLElement>('#wallet-announcement')?.focus();
            },
            () => void this.#load(),
          ),
        }),
      (error: unknown) => {
        this.#viewsLoading = undefined;
        throw error;
      },
    );
    return this.#viewsLoading;
  }

  /** Reads the whole wallet (and, the first time, its views); quietly (keeping what is shown) once it has loaded. */
  async #load(): Promise<void> {
    const client = this.session.client;
    if (!client) return;
    const token = this.session.token;
    this.#request?.abort();
    const request = (this.#request = new AbortController());
    if (!this.#wallet) this.loadState = 'loading';
    try {
      const [wallet, { older, payment }] = await Promise.all([
        customerApi(client).wallet({ signal: request.signal }),
        this.#loadViews(),
      ]);
      if (request.signal.aborted) return;
      if (this.#wallet?.contact.id !== wallet.contact.id) for (const rows of Object.values(older)) rows.reset();
      await older.invoices.refresh(client, wallet.invoices, request.signal);
      await older.requests.refresh(client, wallet.paymentRequests, request.signal);
      if (request.signal.aborted) return;
      this.session.used();
      this.session.rememberEmail(wallet.contact.email);
      this.#wallet = wallet;
      this.loadState = 'ready';
      applyThemeHints(this, wallet.merchant.theme, this.#themeProperties);
      const methods = wallet.paymentMethods.data;
      if (!methods.some((method) => method.id === payment.state.methodId))
        payment.state.methodId = (methods.find((m) => m.isDefault) ?? methods[0])?.id ?? '';
    } catch (error) {
      if (request.signal.aborted) return;
      const apiError = asApiError(error);
      if (this.session.ended(apiError, token)) return;
      this.#loadError = apiError;
      if (!this.#wallet) this.loadState = 'error';
      this.dispatchEvent(new CcErrorEvent({ code: apiError.code, message: apiError.message }));
    } finally {
      this.requestUpdate();
    }
  }

  readonly #refresh = () => void this.#load();

  readonly #onMethodAdded = () => {
    if (this.panel?.kind === 'method') this.#close();
    void this.#load();
  };

  get #merchant(): string {
    return this.#wallet?.merchant.name ?? this.merchantName;
  }

  protected override render(): unknown {
    const m = this.m;
    const gate = this.session.renderGate(m, this.#merchant);
    if (gate !== nothing) return html`<div class="wallet">${gate}</div>`;
    const wallet = this.#wallet;
    const views = this.#views;
    if (!wallet || !views) {
      if (this.loadState === 'error') {
        return html`<div class="wallet gate">
          <div part="error" class="alert" role="alert">${m.wallet.loadError} ${requestErrorText(this.#loadError!, m)}</div>
          <div class="actions"><button part="button" type="button" @click=${this.#refresh}>${m.retry}</button></div>
        </div>`;
      }
      return html`<p class="loading wallet-loading" role="status">${m.loading}</p>`;
    }
    const w = m.wallet;
    return html`<div class="wallet">
      <header>
        <h2 id="wallet-title">${w.title(this.#merchant)}</h2>
        <p class="muted">${w.signedInAs(wallet.contact.companyName, wallet.contact.email)}</p>
      </header>
      ${
        this.#announcement
          ? html`<p part="status" class="outcome" role="status" id="wallet-announcement" tabindex="-1">${this.#announcement}</p>`
          : nothing
      }
      ${views.v.renderTerms(wallet, this.m, this.activeLocale)} ${views.v.renderInvoices(
        wallet,
        {
          m: this.m,
          locale: this.activeLocale,
          panel: this.panel,
          older: views.older.invoices,
          olderNote: this.#olderNote.invoices,
          pay: views.payment.state,
        },
        this.#invoiceActions,
      )} ${views.v.renderRequests(
        wallet,
        {
          m: this.m,
          locale: this.activeLocale,
          panel: this.panel,
          older: views.older.requests,
          olderNote: this.#olderNote.requests,
        },
        this.#requestActions,
      )} ${views.v.renderPayments(wallet, this.m, this.activeLocale)}
      ${views.v.renderMethods(wallet, { m: this.m, panel: this.panel, busyMethod: this.#busyMethod }, this.#methodActions)} ${views.v.renderDisputes(wallet, this.m, this.activeLocale)}
    </div>`;
  }

  #showOlder(kind: OlderKind): Promise<void> | undefined {
    const wallet = this.#wallet;
    const views = this.#views;
    if (!wallet || !views) return;
    const first = kind === 'invoices' ? wallet.invoices : wallet.paymentRequests;
    return views.v.showOlder(this.#host, kind, views.older[kind], first, (text) => {
      this.#olderNote = { ...this.#olderNote, [kind]: text };
    });
  }

  /** Opens a panel in place and moves focus into it. */
  #open(panel: Panel): void {
    if (this.panel?.opener === panel.opener) return this.#close();
    this.panel = panel;
    this.#announcement = undefined;
    this.#views?.payment.reset();
    const focus = this.#views?.v.focusIntoPanel;
    this.#focusAfterRender = () => void focus?.(this.renderRoot, panel);
  }

  /** Closes the panel and gives focus back to the button that opened it. */
  readonly #close = (): void => {
    const opener = this.panel?.opener;
    this.panel = undefined;
    this.#focusAfterRender = () => {
      if (opener) this.renderRoot.querySelector<HTMLElement>(`#${opener}`)?.focus();
    };
  };

  readonly #onPanelKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    this.#close();
  };

  readonly #panelActions: PanelActions = {
    open: (panel) => this.#open(panel),
    close: () => this.#close(),
    panelKeydown: (event) => this.#onPanelKeydown(event),
  };

  readonly #invoiceActions: InvoiceActions = {
    ...this.#panelActions,
    showOlder: () => void this.#showOlder('invoices'),
    chooseMethod: (methodId) => {
      if (this.#views) this.#views.payment.state.methodId = methodId;
      this.requestUpdate();
    },
    pay: (event, invoice) => void this.#views?.payment.pay(event, invoice),
  };

  readonly #requestActions: RequestActions = {
    ...this.#panelActions,
    showOlder: () => void this.#showOlder('requests'),
  };

  readonly #methodActions: MethodActions = {
    ...this.#panelActions,
    makeDefault: (method) => void this.#makeDefault(method),
    remove: (method) => void this.#removeMethod(method),
  };

  async #makeDefault(method: WalletPaymentMethod): Promise<void> {
    await this.#methodAction(method, (api) => api.makeDefaultPaymentMethod(method.id));
  }

  async #removeMethod(method: WalletPaymentMethod): Promise<void> {
    await this.#methodAction(method, (api) => api.removePaymentMethod(method.id));
    this.panel = undefined;
    this.#focusAfterRender = () => this.renderRoot.querySelector<HTMLElement>('#add-method')?.focus();
  }

  async #methodAction(method: WalletPaymentMethod, call: (api: CustomerApi) => Promise<unknown>): Promise<void> {
    const client = this.session.client;
    if (!client || this.#busyMethod) return;
    const token = this.session.token;
    this.#busyMethod = method.id;
    this.requestUpdate();
    try {
      await call(customerApi(client));
      this.session.used();
      await this.#load();
    } catch (error) {
      const apiError = asApiError(error);
      if (this.session.ended(apiError, token)) return;
      this.#announcement = requestErrorText(apiError, this.m);
      this.#focusAfterRender = () => this.renderRoot.querySelector<HTMLElement>('#wallet-announcement')?.focus();
      this.dispatchEvent(new CcErrorEvent({ code: apiError.code, message: apiError.message }));
    } finally {
      this.#busyMethod = undefined;
      this.requestUpdate();
    }
  }
}
