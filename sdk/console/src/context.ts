import { createContext } from '@lit/context';
import type { ConsoleApi, ConsoleUser, Merchant } from './api.js';

/** What `<cc-merchant-console>` shares with its parts once someone has signed in. A new object on every change. */
export interface ConsoleContext {
  api: ConsoleApi;
  user: ConsoleUser;
  merchant: Merchant;
  locale: string;
  isAdmin: boolean;
  /** The merchant as the API answered it after a change (settings saved). */
  setMerchant(merchant: Merchant): void;
  /** Goes to a console route, e.g. `#/contacts/ct_…`. */
  navigate(hash: string): void;
  /** Says a short confirmation in the console's polite live region ("Invoice INV-1 saved"). */
  announce(text: string): void;
}

export const consoleContext = createContext<ConsoleContext>(Symbol.for('customerconnect.console'));
