// One message system for every element: one table type (`Messages`, from the English table),
// one module per language (loaded on demand, English always there), merchants' overrides and
// extra languages (`registerMessages`), and one lookup (`messagesFor`).
import { messages as en, type Messages } from './messages/locale-en.js';

export type { Messages };

/** A table with any subset of the keys, at any depth: what `registerMessages` takes. */
export type DeepPartial<T> = T extends (...args: never[]) => unknown
  ? T
  : T extends readonly unknown[]
    ? T
    : T extends object
      ? { [K in keyof T]?: DeepPartial<T[K]> }
      : T;

/** The languages the SDK ships, each in its own module (a chunk of its own in the build). */
const builtIn: Record<string, () => Promise<{ messages: Messages }>> = {
  es: () => import('./messages/locale-es.js'),
  fr: () => import('./messages/locale-fr.js'),
};

const loaded = new Map<string, Messages>([['en', en]]);
const loading = new Map<string, Promise<Messages>>();
const overrides = new Map<string, DeepPartial<Messages>[]>();
const merged = new Map<string, Messages>();

/** Fired on `window` when a language's texts change (loaded, or registered); elements re-render. */
export const messagesChangedEvent = 'cc-messages-changed';

/** `es-MX` → [`es-mx`, `es`]: the exact tag first, then its language. */
function keysOf(locale: string): string[] {
  const tag = locale.toLowerCase();
  const language = tag.split('-')[0]!;
  return tag === language ? [tag] : [tag, language];
}

function isTable(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function merge(base: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    const under = out[key];
    out[key] = isTable(value) && isTable(under) ? merge(under, value) : value;
  }
  return out;
}

/** `patch` over `base`, key by key at any depth (arrays and functions are replaced whole). */
function deepMerge(base: Messages, patch: DeepPartial<Messages> | Messages): Messages {
  return merge(base, patch as Record<string, unknown>) as Messages;
}

function changed(locale: string): void {
  merged.clear();
  globalThis.dispatchEvent?.(new CustomEvent(messagesChangedEvent, { detail: { locale } }));
}

/**
 * The texts for a BCP 47 locale: the language's table (once loaded), under the merchant's
 * overrides for the language and then for the exact tag, over English for any key left out.
 * Synchronous: a language not loaded yet reads English (with its overrides) until it is.
 */
export function messagesFor(locale: string): Messages {
  const keys = keysOf(locale);
  const key = keys[0]!;
  let table = merged.get(key);
  if (!table) {
    // A shipped language has every key (its type says so): no need to lay it over English.
    table = loaded.get(keys.at(-1)!) ?? en;
    for (const k of [...keys].reverse()) for (const patch of overrides.get(k) ?? []) table = deepMerge(table, patch);
    merged.set(key, table);
  }
  return table;
}

/**
 * Loads a language's table if the SDK ships it (Spanish, French; English is always there);
 * resolves with the texts for the locale. Elements call it when their locale changes.
 */
export function loadMessages(locale: string): Promise<Messages> {
  const language = keysOf(locale).at(-1)!;
  const load = builtIn[language];
  if (loaded.has(language) || !load) return Promise.resolve(messagesFor(locale));
  let pending = loading.get(language);
  if (!pending) {
    pending = load().then(
      ({ messages }) => {
        loaded.set(language, messages);
        loading.delete(language);
        changed(language);
        return messages;
      },
      (error: unknown) => {
        // A chunk that did not load: English stays, and a later call tries again.
        loading.delete(language);
        throw error;
      },
    );
    loading.set(language, pending);
  }
  return pending.then(() => messagesFor(locale));
}

/** Settles once every language asked for so far has loaded (or failed); undefined when none is loading. */
export function messagesLoading(): Promise<unknown> | undefined {
  return loading.size ? Promise.allSettled(loading.values()) : undefined;
}

/**
 * Changes or adds texts for a locale (`en`, `es`, `fr-CA`, or a language the SDK does not ship,
 * such as `de`, whose missing keys read English). Later calls win over earlier ones; elements
 * on the page re-render.
 *
 * ```ts
 * registerMessages('en', { wallet: { title: 'Your account with Acme' } });
 * ```
 */
export function registerMessages(locale: string, partial: DeepPartial<Messages>): void {
  const key = keysOf(locale)[0]!;
  overrides.set(key, [...(overrides.get(key) ?? []), partial]);
  changed(key);
}

export { plural, type PluralForms } from './messages/plural.js';
