import { addMessageArea, messagesFor, type Messages } from './messages.js';
import { walletEn } from './messages/wallet-en.js';

// The wallet elements' texts (and the customer session's): an area of the one table, added when
// their code loads, so the credit application's page downloads none of them.
addMessageArea({
  en: walletEn,
  languages: {
    es: () => import('./messages/wallet-es.js').then((m) => m.walletEs),
    fr: () => import('./messages/wallet-fr.js').then((m) => m.walletFr),
  },
});

// The wallet's texts are part of the one table (Messages); these names stay for existing imports.
export type WalletMessages = Messages;

/** The same as `messagesFor`: one table holds every element's texts. */
export function walletMessagesFor(locale: string): WalletMessages {
  return messagesFor(locale);
}
