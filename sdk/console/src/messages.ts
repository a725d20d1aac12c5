import { createMessageCatalog } from '@customerconnect/sdk/internal';
import { consoleEn, type ConsoleMessages } from './messages/console-en.js';
import { consoleEs } from './messages/console-es.js';
import { consoleFr } from './messages/console-fr.js';

export type { ConsoleMessages };

/**
 * The console's texts: a catalog of the SDK's one message system (typed by the English table,
 * the same lookup and overrides as the elements'). The console is one file, so its languages
 * come with it rather than in chunks.
 */
const catalog = createMessageCatalog<ConsoleMessages>();
catalog.addArea({ en: consoleEn, languages: { es: consoleEs, fr: consoleFr } });

/** The console's texts for a BCP 47 locale, by its language; English for any other language. */
export const consoleMessagesFor = catalog.messagesFor;
