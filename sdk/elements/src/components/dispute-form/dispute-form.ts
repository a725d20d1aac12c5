import { html, nothing, type CSSResultGroup, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { CcErrorEvent } from '../../events/cc-error-event.js';
import type { CcApiError } from '../../internal/api-error.js';
import { customerApi } from '../../internal/customer-api.js';
import type { WalletInvoice } from '../../internal/wallet-api.js';
import { CcCancelableElement } from '../../internal/wallet-element.js';
import { asApiError, requestErrorText } from '../../internal/wallet-errors.js';
import { formStyles } from '../../styles/form.styles.js';
import { walletStyles } from '../../styles/wallet.styles.js';
import type { DisputeEditor } from './dispute-editor.js';
import { disputeFormStyles } from './dispute-form.styles.js';

type LoadState = 'idle' | 'loading' | 'ready' | 'error';
type EditorModule = typeof import('./dispute-editor.js');

/** The form's code, once loaded: shared by every `<cc-dispute-form>` of the page. */
let editorModule: EditorModule | undefined;
let editorLoading: Promise<EditorModule> | undefined;

/**
 * Loads the form's code once (a failed download is tried again next time). The element asks once
 * a session is active; `<cc-wallet>` with its first read, so a form opened in the wallet shows at once.
 */
export function loadDisputeEditor(): Promise<EditorModule> {
  editorLoading ??= import('./dispute-editor.js').then(
    (loaded) => (editorModule = loaded),
    (error: unknown) => {
      editorLoading = undefined;
      throw error;
    },
  );
  return editorLoading;
}

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
  #editor?: DisputeEditor | undefined;

  /** The form's code: undefined once it is here (the session gate waits for it). */
  signedInCode(): Promise<unknown> | undefined {
    return editorModule ? undefined : loadDisputeEditor();
  }

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
    if (changed) this.#editor = undefined; // a fresh form for another invoice
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
    if (!invoice || !editorModule) return html`<p class="loading" role="status">${m.loading}</p>`;
    this.#editor ??= new editorModule.DisputeEditor({
      element: this,
      m: () => this.m,
      locale: () => this.activeLocale,
      merchant: () => this.merchantName,
      session: this.session,
      keydown: this.onKeydown,
      cancel: () => this.cancel(),
      invoice: () => this.#loaded!,
      setInvoice: (shown) => {
        this.#loaded = shown;
      },
      reload: (id) => this.#load(id),
    });
    return this.#editor.render(invoice);
  }
}
