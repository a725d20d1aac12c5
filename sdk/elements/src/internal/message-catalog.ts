// The one message system: a catalog of texts typed by its full English table, made of areas
// (each an English table and its other languages, as tables or loaders), merchants' overrides
// and extra languages, and one synchronous lookup. The elements' texts are one catalog
// (`messages.ts`, whose wallet area the wallet's code adds); the merchant console's are another,
// made by the same function.

/** A table with any subset of the keys, at any depth: what `register` takes. */
export type DeepPartial<T> = T extends (...args: never[]) => unknown
  ? T
  : T extends readonly unknown[]
    ? T
    : T extends object
      ? { [K in keyof T]?: DeepPartial<T[K]> }
      : T;

/** A shipped language of an area: its table, or a function that loads it (a chunk of its own in a build). */
export type LanguageSource = object | (() => Promise<object>);

/** A part of the texts: its English table, and the other languages the SDK ships for it. */
export interface MessageArea {
  en: object;
  languages: Record<string, LanguageSource>;
}

export interface MessageCatalog<T> {
  /**
   * The texts for a BCP 47 locale: every area's table in the language (once loaded), under the
   * overrides for the language and then for the exact tag, over English for any key left out.
   * Synchronous: a language not loaded yet reads English (with its overrides) until it is.
   */
  messagesFor(locale: string): T;
  /** Loads a shipped language's tables, for every area, if not there yet; resolves with `messagesFor(locale)`. */
  load(locale: string): Promise<T>;
  /** Changes or adds texts for a locale; later calls win over earlier ones. */
  register(locale: string, partial: DeepPartial<T>): void;
  /** Adds an area; the languages asked for so far load for it too. */
  addArea(area: MessageArea): void;
  /** Settles once every language asked for so far has loaded (or failed); undefined when none is loading. */
  loading(): Promise<unknown> | undefined;
}

interface Area {
  en: object;
  loaders: Map<string, () => Promise<object>>;
  loaded: Map<string, object>;
}

/** `es-MX` → [`es-mx`, `es`]: the exact tag first, then its language. */
function keysOf(locale: string): string[] {
  const tag = locale.toLowerCase();
  const language = tag.split('-')[0]!;
  return tag === language ? [tag] : [tag, language];
}

function isTable(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `patch` over `base`, key by key at any depth (arrays and functions are replaced whole). */
function merge(base: Record<string, unknown>, patch: object): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    const under = out[key];
    out[key] = isTable(value) && isTable(under) ? merge(under, value) : value;
  }
  return out;
}

/** A catalog with no area yet; `onChange` runs when a language's texts change (loaded or registered). */
export function createMessageCatalog<T extends object>(onChange?: (locale: string) => void): MessageCatalog<T> {
  const areas: Area[] = [];
  /** Pending loads, one per area and language. */
  const pending = new Map<string, Promise<void>>();
  /** Every shipped language asked for so far: an area added later loads its tables for them too. */
  const requested = new Set<string>();
  const overrides = new Map<string, DeepPartial<T>[]>();
  const merged = new Map<string, T>();

  const changed = (locale: string) => {
    merged.clear();
    onChange?.(locale);
  };

  const messagesFor = (locale: string): T => {
    const keys = keysOf(locale);
    let table = merged.get(keys[0]!);
    if (!table) {
      // A shipped language has every key of its area (its type says so): no need to lay it over English.
      const language = keys.at(-1)!;
      let base: Record<string, unknown> = {};
      for (const area of areas) base = merge(base, area.loaded.get(language) ?? area.en);
      for (const k of [...keys].reverse()) for (const patch of overrides.get(k) ?? []) base = merge(base, patch);
      table = base as T;
      merged.set(keys[0]!, table);
    }
    return table;
  };

  const loadArea = (area: Area, index: number, language: string): Promise<void> | undefined => {
    const load = area.loaders.get(language);
    if (!load || area.loaded.has(language)) return undefined;
    requested.add(language);
    const id = `${index}:${language}`;
    let promise = pending.get(id);
    if (!promise) {
      promise = load().then(
        (table) => {
          area.loaded.set(language, table);
          pending.delete(id);
          changed(language);
        },
        (error: unknown) => {
          // A chunk that did not load: English stays, and a later call tries again.
          pending.delete(id);
          throw error;
        },
      );
      pending.set(id, promise);
    }
    return promise;
  };

  const load = (locale: string): Promise<T> => {
    const language = keysOf(locale).at(-1)!;
    const loads = areas.map((area, index) => loadArea(area, index, language)).filter((p) => p !== undefined);
    return loads.length ? Promise.all(loads).then(() => messagesFor(locale)) : Promise.resolve(messagesFor(locale));
  };

  const addArea = ({ en, languages }: MessageArea): void => {
    const area: Area = { en, loaders: new Map(), loaded: new Map() };
    for (const [language, source] of Object.entries(languages)) {
      if (typeof source === 'function') area.loaders.set(language, source as () => Promise<object>);
      else area.loaded.set(language, source);
    }
    const index = areas.push(area) - 1;
    merged.clear();
    for (const language of requested) loadArea(area, index, language)?.catch(() => undefined);
  };

  const register = (locale: string, partial: DeepPartial<T>): void => {
    const key = keysOf(locale)[0]!;
    overrides.set(key, [...(overrides.get(key) ?? []), partial]);
    changed(key);
  };

  const loading = () => (pending.size ? Promise.allSettled(pending.values()) : undefined);

  return { messagesFor, load, register, addArea, loading };
}
