import { walletEn, type WalletMessages } from './messages/wallet-en.js';
import { walletEs } from './messages/wallet-es.js';
import { walletFr } from './messages/wallet-fr.js';

export type { WalletMessages };

const tables: Record<string, WalletMessages> = { en: walletEn, es: walletEs, fr: walletFr };

/** The wallet elements' texts for a BCP 47 locale, by its language; English for any other language. */
export function walletMessagesFor(locale: string): WalletMessages {
  return tables[locale.split('-')[0]!.toLowerCase()] ?? walletEn;
}
