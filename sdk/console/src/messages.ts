import { consoleEn, type ConsoleMessages } from './messages/console-en.js';
import { consoleEs } from './messages/console-es.js';
import { consoleFr } from './messages/console-fr.js';

export type { ConsoleMessages };

const tables: Record<string, ConsoleMessages> = { en: consoleEn, es: consoleEs, fr: consoleFr };

/** The console's texts for a BCP 47 locale, by its language; English for any other language. */
export function consoleMessagesFor(locale: string): ConsoleMessages {
  return tables[locale.split('-')[0]!.toLowerCase()] ?? consoleEn;
}
