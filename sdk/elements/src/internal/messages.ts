// One message system for every element: one table type (`Messages`, from the English table),
// made of areas (the forms' texts, always there; the wallet's, added by the wallet elements'
// code), one module per language and area (loaded on demand, English always there), merchants'
// overrides and extra languages (`registerMessages`), and one lookup (`messagesFor`).
import { en } from './messages/en.js';
import type { Messages } from './messages/locale-en.js';

export type { Messages };

/** A table with any subset of the keys, at any depth: what `registerMessages` takes. */
export type DeepPartial<T> = T extends (...args: never[]) => unknown
  ? T
  : T extends readonly unknown[]
    ? T
    : T extends object
      ? { [K in keyof T]?: DeepPartial<T[K]> }
      : T;

/**
 * A part of the texts: its English table, and a loader per other language the SDK ships. The
 * forms' area is always there; `<cc-wallet>` and its parts add theirs (`addMessageArea`), so a
 * page without them never downloads their words, in any language.
 */
export interface MessageArea {
  en: object;
  languages: Record<string, () => Promise<object>>;
}

interface Area extends MessageArea {
  loaded: Map<string, object>;
}

const areas: Area[] = [];
/** Pending loads, one per area and language (`messagesLoading` waits for them). */
const loading = new Map<string, Promise<void>>();
/** Every shipped language asked for so far: an area added later loads its tables for them too. */
const requested = new Set<string>();
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
    // A shipped language has every key of its area (its type says so): no need to lay it over English.
    const language = keys.at(-1)!;
    let base: Record<string, unknown> = {};
    for (const area of areas) base = merge(base, (area.loaded.get(language) ?? area.en) as Record<string, unknown>);
    table = base as Messages;
    for (const k of [...keys].reverse()) for (const patch of overrides.get(k) ?? []) table = deepMerge(table, patch);
    merged.set(key, table);
  }
  return table;
}

/**
 * Loads a language's tables if the SDK ships it (Spanish, French; English is always there), for
 * every area on the page; resolves with the texts for the locale. Elements call it when their
 * locale changes.
 */
export function loadMessages(locale: string): Promise<Messages> {
  const language = keysOf(locale).at(-1)!;
  const pending = areas.map((area, index) => loadArea(area, index, language)).filter((p) => p !== undefined);
  if (pending.length === 0) return Promise.resolve(messagesFor(locale));
  return Promise.all(pending).then(() => messagesFor(locale));
}

function loadArea(area: Area, index: number, language: string): Promise<void> | undefined {
  const load = area.languages[language];
  if (!load || area.loaded.has(language)) return undefined;
  requested.add(language);
  const id = `${index}:${language}`;
  let pending = loading.get(id);
  if (!pending) {
    pending = load().then(
      (table) => {
        area.loaded.set(language, table);
        loading.delete(id);
        changed(language);
      },
      (error: unknown) => {
        // A chunk that did not load: English stays, and a later call tries again.
        loading.delete(id);
        throw error;
      },
    );
    loading.set(id, pending);
  }
  return pending;
}

/** Adds an area's texts (the wallet elements' code does, once); the languages asked for so far load for it too. */
export function addMessageArea(area: MessageArea): void {
  const index = areas.push({ ...area, loaded: new Map() }) - 1;
  merged.clear();
  for (const language of requested) loadArea(areas[index]!, index, language)?.catch(() => undefined);
}

addMessageArea({
  en,
  languages: {
    es: () => import('./messages/es.js').then((m) => m.es),
    fr: () => import('./messages/fr.js').then((m) => m.fr),
  },
});

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
