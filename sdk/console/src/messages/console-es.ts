import type { ConsoleMessages } from './console-en.js';
import { contactsEs } from './console-es-contacts.js';
import { coreEs } from './console-es-core.js';
import { invoicesEs } from './console-es-invoices.js';
import { requestsEs } from './console-es-requests.js';
import { settingsEs } from './console-es-settings.js';
import { shellEs } from './console-es-shell.js';

/** Spanish texts of the merchant console, by area (the same keys as English). */
export const consoleEs: ConsoleMessages = {
  lang: 'es',
  ...coreEs,
  ...shellEs,
  ...contactsEs,
  ...invoicesEs,
  ...requestsEs,
  ...settingsEs,
};
