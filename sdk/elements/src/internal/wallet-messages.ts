import { localeTables } from './locale-tables.js';
import { walletEn, type WalletMessages } from './messages/wallet-en.js';

export type { WalletMessages };

const tables = localeTables<WalletMessages>(walletEn, {
  es: () => import('./messages/wallet-es.js').then((m) => m.walletEs),
  fr: () => import('./messages/wallet-fr.js').then((m) => m.walletFr),
});

/** The wallet elements' texts for a BCP 47 locale, by its language; English for any other language, and while the language's table loads. */
export const walletMessagesFor = (locale: string): WalletMessages => tables.tableFor(locale);

/** Fetches the wallet texts of a locale's language. */
export const loadWalletMessages = (locale: string): Promise<WalletMessages> => tables.load(locale);
