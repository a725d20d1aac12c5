import { property } from 'lit/decorators.js';
import { CcCancelEvent } from '../events/cc-cancel-event.js';
import { CcElement } from './cc-element.js';
import { ConfigController } from './config-controller.js';
import { CustomerSessionController } from './customer-session-controller.js';
import { walletMessagesFor, type WalletMessages } from './wallet-messages.js';

/**
 * Base of the elements that act for a customer (the wallet and its parts): config, locale
 * and the customer session (from `cc_token`, `link-token`, `session-token` or the tab's
 * sessionStorage).
 */
export class CcCustomerElement extends CcElement {
  /** A wallet link token (`wl_...`), for pages that read it themselves instead of leaving `cc_token` in the address. */
  @property({ attribute: 'link-token' }) linkToken?: string;

  /** A customer session token (`cs_...`); defaults to the session of the tab (from a wallet link). */
  @property({ attribute: 'session-token' }) sessionToken?: string;

  protected readonly cc = new ConfigController(this);
  protected readonly session = new CustomerSessionController(this, this.cc);

  protected get m(): WalletMessages {
    return walletMessagesFor(this.cc.locale);
  }

  protected get merchantName(): string {
    return this.cc.config?.merchant.name ?? this.m.merchantFallback;
  }

  /** The locale in use: the element's, else its provider's, else the page's. */
  protected get activeLocale(): string {
    return this.cc.locale;
  }
}

/** A wallet part that can be closed without saving: `cancelable` shows Cancel and lets Escape close it. */
export class CcCancelableElement extends CcCustomerElement {
  /** Shows a Cancel button; Cancel and Escape fire `cc-cancel` (the wallet uses it to close the form in place). */
  @property({ type: Boolean }) cancelable = false;

  protected readonly onKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || !this.cancelable || event.defaultPrevented) return;
    event.preventDefault();
    this.cancel();
  };

  protected cancel(): void {
    this.dispatchEvent(new CcCancelEvent());
  }
}
