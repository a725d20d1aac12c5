/**
 * Message tables by language, English inline and the others fetched on demand (each its own
 * chunk in cc-sdk.js, so a page downloads only its own language). `tableFor` answers at once:
 * the locale's table once loaded, English until then (and for languages without a table);
 * `load` fetches a language's table. Every connected element re-renders when one arrives.
 */
export interface LocaleTables<T> {
  /** The table of a BCP 47 locale's language (`es-MX` → Spanish), English while it loads. */
  tableFor(locale: string): T;
  /** Fetches the table of a locale's language; resolves with it (English for any other language). */
  load(locale: string): Promise<T>;
}

/** Fired on `document` when a language's table has arrived (elements re-render). */
export const TABLE_LOADED = 'cc-locale-table-loaded';

const language = (locale: string) => locale.split('-')[0]!.toLowerCase();

/** Every table set the page has imported (the wallet's only once a wallet element is loaded). */
const registry: LocaleTables<unknown>[] = [];

/**
 * Fetches a locale's tables of every set the page uses: elements report `ready` only once
 * their language is there, so a Spanish page never shows English first.
 */
export function loadLocale(locale: string): Promise<void> {
  return Promise.all(registry.map((tables) => tables.load(locale))).then(() => undefined);
}

export function localeTables<T>(english: T, others: Record<string, () => Promise<T>>): LocaleTables<T> {
  const loaded = new Map<string, T>([['en', english]]);
  const pending = new Map<string, Promise<T>>();
  const load = (locale: string): Promise<T> => {
    const lang = language(locale);
    const ready = loaded.get(lang);
    if (ready) return Promise.resolve(ready);
    const fetcher = others[lang];
    if (!fetcher) return Promise.resolve(english);
    let promise = pending.get(lang);
    if (!promise) {
      promise = fetcher().then(
        (table) => {
          loaded.set(lang, table);
          document.dispatchEvent(new Event(TABLE_LOADED));
          return table;
        },
        (error: unknown) => {
          pending.delete(lang); // a failed download is retried on the next render
          throw error;
        },
      );
      pending.set(lang, promise);
    }
    return promise;
  };
  const tables: LocaleTables<T> = {
    load,
    tableFor(locale) {
      const table = loaded.get(language(locale));
      if (table) return table;
      load(locale).catch(() => undefined); // English meanwhile, and if the table cannot be fetched
      return english;
    },
  };
  registry.push(tables);
  return tables;
}
