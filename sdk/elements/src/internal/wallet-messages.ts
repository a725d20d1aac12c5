import { messagesFor, type Messages } from './messages.js';

// The wallet's texts are part of the one table (Messages); these names stay for existing imports.
export type WalletMessages = Messages;

/** The same as `messagesFor`: one table holds every element's texts. */
export function walletMessagesFor(locale: string): WalletMessages {
  return messagesFor(locale);
}
