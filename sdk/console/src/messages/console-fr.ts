import type { ConsoleMessages } from './console-en.js';
import { contactsFr } from './console-fr-contacts.js';
import { coreFr } from './console-fr-core.js';
import { invoicesFr } from './console-fr-invoices.js';
import { requestsFr } from './console-fr-requests.js';
import { settingsFr } from './console-fr-settings.js';
import { shellFr } from './console-fr-shell.js';

/** French texts of the merchant console, by area (the same keys as English). */
export const consoleFr: ConsoleMessages = {
  lang: 'fr',
  ...coreFr,
  ...shellFr,
  ...contactsFr,
  ...invoicesFr,
  ...requestsFr,
  ...settingsFr,
};
