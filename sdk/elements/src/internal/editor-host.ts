import type { CustomerSessionController } from './customer-session-controller.js';
import type { WalletMessages } from './wallet-messages.js';

/**
 * What a lazily loaded editor of the wallet family (the dispute form's, the payment method
 * form's, a payment request's answer) needs from the element that shows it; each editor adds
 * what its own element holds. Types only: nothing of it reaches the bundle.
 */
export interface EditorHost {
  element: HTMLElement & {
    cancelable: boolean;
    renderRoot: HTMLElement | DocumentFragment;
    requestUpdate(): void;
    readonly updateComplete: Promise<boolean>;
  };
  m: () => WalletMessages;
  session: CustomerSessionController;
  keydown: (event: KeyboardEvent) => void;
  cancel: () => void;
}

/** An editor that formats money in the page's locale and names the merchant. */
export interface LocalizedEditorHost extends EditorHost {
  locale: () => string;
  merchant: () => string;
}
