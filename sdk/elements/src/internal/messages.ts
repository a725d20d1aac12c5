// The elements' texts: one catalog (see message-catalog.ts) typed by the English table
// (`Messages`), one module per language loaded on demand, merchants' overrides and extra
// languages (`registerMessages`), and one lookup (`messagesFor`).
import { createMessageCatalog, type DeepPartial } from './message-catalog.js';
import { messages as en, type Messages } from './messages/locale-en.js';

export type { DeepPartial, Messages };

/** Fired on `window` when a language's texts change (loaded, or registered); elements re-render. */
export const messagesChangedEvent = 'cc-messages-changed';

const catalog = createMessageCatalog<Messages>({
  english: en,
  // The languages the SDK ships besides English, each in its own module (a chunk of its own).
  languages: {
    es: () => import('./messages/locale-es.js').then((m) => m.messages),
    fr: () => import('./messages/locale-fr.js').then((m) => m.messages),
  },
  onChange: (locale) => globalThis.dispatchEvent?.(new CustomEvent(messagesChangedEvent, { detail: { locale } })),
});

/**
 * The texts for a BCP 47 locale: the language's table (once loaded), under the merchant's
 * overrides for the language and then for the exact tag, over English for any key left out.
 * Synchronous: a language not loaded yet reads English (with its overrides) until it is.
 */
export const messagesFor = catalog.messagesFor;

/**
 * Loads a language's table if the SDK ships it (Spanish, French; English is always there);
 * resolves with the texts for the locale. Elements call it when their locale changes.
 */
export const loadMessages = catalog.load;

/** Settles once every language asked for so far has loaded (or failed); undefined when none is loading. */
export const messagesLoading = catalog.loading;

/**
 * Changes or adds texts for a locale (`en`, `es`, `fr-CA`, or a language the SDK does not ship,
 * such as `de`, whose missing keys read English). Later calls win over earlier ones; elements
 * on the page re-render.
 *
 * ```ts
 * registerMessages('en', { wallet: { title: 'Your account with Acme' } });
 * ```
 */
export const registerMessages: (locale: string, partial: DeepPartial<Messages>) => void = catalog.register;

export { plural, type PluralForms } from './messages/plural.js';
