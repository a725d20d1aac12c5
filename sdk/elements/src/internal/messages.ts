import { localeTables } from './locale-tables.js';
import { en } from './messages/en.js';

/** Every user-facing text of the SDK's elements, in one language. */
export type Messages = typeof en;

const tables = localeTables<Messages>(en, {
  es: () => import('./messages/es.js').then((m) => m.es),
  fr: () => import('./messages/fr.js').then((m) => m.fr),
});

/** The texts for a BCP 47 locale, by its language (`es-MX` → Spanish); English for any other language, and while the language's table loads. */
export const messagesFor = (locale: string): Messages => tables.tableFor(locale);

/** Fetches the texts of a locale's language (each language is its own chunk of cc-sdk.js). */
export const loadMessages = (locale: string): Promise<Messages> => tables.load(locale);
