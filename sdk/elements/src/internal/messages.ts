// The elements' texts: one catalog of the one message system (message-catalog.ts), typed by the
// whole English table (`Messages`), made of areas: the forms' texts, always there, and the
// wallet's, which the wallet elements' code adds (wallet-messages.ts), so a page without them
// never downloads their words in any language. One module per language and area, loaded on
// demand; merchants' overrides and extra languages (`registerMessages`); one lookup (`messagesFor`).
import { createMessageCatalog, type DeepPartial, type MessageArea } from './message-catalog.js';
import { en } from './messages/en.js';
import type { Messages } from './messages/locale-en.js';

export type { DeepPartial, MessageArea, Messages };

/** Fired on `window` when a language's texts change (loaded, or registered); elements re-render. */
export const messagesChangedEvent = 'cc-messages-changed';

const catalog = createMessageCatalog<Messages>((locale) =>
  globalThis.dispatchEvent?.(new CustomEvent(messagesChangedEvent, { detail: { locale } })),
);

catalog.addArea({
  en,
  languages: {
    es: () => import('./messages/es.js').then((m) => m.es),
    fr: () => import('./messages/fr.js').then((m) => m.fr),
  },
});

/**
 * The texts for a BCP 47 locale: the language's tables (once loaded), under the merchant's
 * overrides for the language and then for the exact tag, over English for any key left out.
 * Synchronous: a language not loaded yet reads English (with its overrides) until it is.
 */
export const messagesFor = catalog.messagesFor;

/**
 * Loads a language's tables if the SDK ships it (Spanish, French; English is always there), for
 * every area on the page; resolves with the texts for the locale. Elements call it when their
 * locale changes.
 */
export const loadMessages = catalog.load;

/** Adds an area's texts (the wallet elements' code does, once); the languages asked for so far load for it too. */
export const addMessageArea = catalog.addArea;

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
