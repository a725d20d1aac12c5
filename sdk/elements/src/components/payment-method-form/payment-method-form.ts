import { nothing, type CSSResultGroup } from 'lit';
import { CcCancelableElement } from '../../internal/wallet-element.js';
import { formStyles } from '../../styles/form.styles.js';
import { walletStyles } from '../../styles/wallet.styles.js';
import type { MethodEditor } from './method-editor.js';

type EditorModule = typeof import('./method-editor.js');

/** The form's code, once loaded: shared by every `<cc-payment-method-form>` of the page. */
let editorModule: EditorModule | undefined;
let editorLoading: Promise<EditorModule> | undefined;

/**
 * Loads the form's code once (a failed download is tried again next time). The element asks once
 * a session is active; `<cc-wallet>` with its first read, so a form opened in the wallet shows at once.
 */
export function loadMethodEditor(): Promise<EditorModule> {
  editorLoading ??= import('./method-editor.js').then(
    (loaded) => (editorModule = loaded),
    (error: unknown) => {
      editorLoading = undefined;
      throw error;
    },
  );
  return editorLoading;
}

/**
 * Adds a card or a bank account (ACH) to the customer's payment methods. Card and account
 * numbers go to the API once, over HTTPS, and are never kept by the element; the API keeps
 * only the processor's token, the brand and the last 4 digits. The first method added
 * becomes the default.
 *
 * @tagname cc-payment-method-form
 * @summary Adds a card or bank account.
 *
 * @fires {CcPaymentMethodAddedEvent} cc-payment-method-added - A method was added; `detail` is `{ paymentMethod: { id, type, brand, last4, expMonth, expYear, isDefault } }`.
 * @fires {CcErrorEvent} cc-error - The method could not be added for a reason that is not a field's (`network_error`, `session_expired`, …); `detail` is `{ code, message }`.
 * @fires {CcCancelEvent} cc-cancel - With `cancelable`: the customer closed the form (Cancel or Escape) without saving.
 * @fires {CcReadyEvent} cc-ready - The element has its config (from its `<cc-provider>` or its own attributes) and is usable; fired on the element itself, in a provider or alone. `detail` is `{ config }`.
 *
 * @csspart form - The form.
 * @csspart field - A label, its control, hint and error.
 * @csspart label - A field label.
 * @csspart input - The type choice and every text input.
 * @csspart button - Save and Cancel.
 * @csspart button-primary - Save.
 * @csspart error - A field error, or the alert above the form.
 * @csspart status - The confirmation once added, and the session messages.
 * @csspart input-invalid - With `input`, on a control whose field is in error (`aria-invalid="true"`).
 * @csspart button-busy - With `button`, on the button whose action is running.
 */
export class CcPaymentMethodForm extends CcCancelableElement {
  static override styles: CSSResultGroup = [CcCancelableElement.styles, formStyles, walletStyles];

  #editor?: MethodEditor | undefined;

  /** The form's code: undefined once it is here (the session gate waits for it). */
  signedInCode(): Promise<unknown> | undefined {
    return editorModule ? undefined : loadMethodEditor();
  }

  protected override render(): unknown {
    // `nothing` only once the form's code is here (signedInCode).
    const gate = this.session.renderGate(this.m, this.merchantName);
    if (gate !== nothing || !editorModule) return gate;
    this.#editor ??= new editorModule.MethodEditor({
      element: this,
      m: () => this.m,
      session: this.session,
      keydown: this.onKeydown,
      cancel: () => this.cancel(),
    });
    return this.#editor.render();
  }
}
