import { en } from './messages/en.js';
import { es } from './messages/es.js';
import { fr } from './messages/fr.js';

/** Every user-facing text of the SDK's elements, in one language. */
export type Messages = typeof en;

const tables: Record<string, Messages> = { en, es, fr };

/** The texts for a BCP 47 locale, by its language (`es-MX` → Spanish); English for any other language. */
export function messagesFor(locale: string): Messages {
  return tables[locale.split('-')[0]!.toLowerCase()] ?? en;
}
