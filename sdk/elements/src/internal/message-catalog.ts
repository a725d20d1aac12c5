// The one message system: a catalog of texts typed by its English table, one table per
// language (shipped ones loaded on demand, English always there), merchants' overrides and
// extra languages, and one synchronous lookup. The elements' texts are one catalog
// (`messages.ts`); the merchant console's are another, made by the same function.

/** A table with any subset of the keys, at any depth: what `register` takes. */
export type DeepPartial<T> = T extends (...args: never[]) => unknown
  ? T
  : T extends readonly unknown[]
    ? T
    : T extends object
      ? { [K in keyof T]?: DeepPartial<T[K]> }
      : T;

/** A shipped language: its table, or a function that loads it (a chunk of its own in a build). */
export type LanguageSource<T> = T | (() => Promise<T>);

export interface MessageCatalog<T> {
  /**
   * The texts for a BCP 47 locale: the language's table (once loaded), under the overrides
   * for the language and then for the exact tag, over English for any key left out.
   * Synchronous: a language not loaded yet reads English (with its overrides) until it is.
   */
  messagesFor(locale: string): T;
  /** Loads a shipped language's table if it is not there yet; resolves with `messagesFor(locale)`. */
  load(locale: string): Promise<T>;
  /** Changes or adds texts for a locale; later calls win over earlier ones. */
  register(locale: string, partial: DeepPartial<T>): void;
  /** Settles once every language asked for so far has loaded (or failed); undefined when none is loading. */
  loading(): Promise<unknown> | undefined;
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
function merge(base: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    const under = out[key];
    out[key] = isTable(value) && isTable(under) ? merge(under, value) : value;
  }
  return out;
}

/**
 * A catalog whose English table is `english` and whose other shipped languages are `languages`
 * (by language subtag). `onChange` runs when a language's texts change (loaded or registered).
 */
export function createMessageCatalog<T extends object>(options: {
  english: T;
  languages: Record<string, LanguageSource<T>>;
  onChange?: (locale: string) => void;
}): MessageCatalog<T> {
  const loaded = new Map<string, T>([['en', options.english]]);
  const sources = new Map<string, () => Promise<T>>();
  for (const [language, source] of Object.entries(options.languages)) {
    if (typeof source === 'function') sources.set(language, source as () => Promise<T>);
    else loaded.set(language, source);
  }
  const pending = new Map<string, Promise<T>>();
  const overrides = new Map<string, DeepPartial<T>[]>();
  const merged = new Map<string, T>();

  const changed = (locale: string) => {
    merged.clear();
    options.onChange?.(locale);
  };

  const messagesFor = (locale: string): T => {
    const keys = keysOf(locale);
    let table = merged.get(keys[0]!);
    if (!table) {
      // A shipped language has every key (its type says so): no need to lay it over English.
      table = loaded.get(keys.at(-1)!) ?? options.english;
      for (const k of [...keys].reverse())
        for (const patch of overrides.get(k) ?? [])
          table = merge(table as Record<string, unknown>, patch as Record<string, unknown>) as T;
      merged.set(keys[0]!, table);
    }
    return table;
  };

  const load = (locale: string): Promise<T> => {
    const language = keysOf(locale).at(-1)!;
    const source = sources.get(language);
    if (loaded.has(language) || !source) return Promise.resolve(messagesFor(locale));
    let promise = pending.get(language);
    if (!promise) {
      promise = source().then(
        (table) => {
          loaded.set(language, table);
          pending.delete(language);
          changed(language);
          return table;
        },
        (error: unknown) => {
          // A chunk that did not load: English stays, and a later call tries again.
          pending.delete(language);
          throw error;
        },
      );
      pending.set(language, promise);
    }
    return promise.then(() => messagesFor(locale));
  };

  const register = (locale: string, partial: DeepPartial<T>): void => {
    const key = keysOf(locale)[0]!;
    overrides.set(key, [...(overrides.get(key) ?? []), partial]);
    changed(key);
  };

  const loading = () => (pending.size ? Promise.allSettled(pending.values()) : undefined);

  return { messagesFor, load, register, loading };
}
