import { contactsEn } from './console-en-contacts.js';
import { coreEn } from './console-en-core.js';
import { invoicesEn } from './console-en-invoices.js';
import { requestsEn } from './console-en-requests.js';
import { settingsEn } from './console-en-settings.js';
import { shellEn } from './console-en-shell.js';

/**
 * English texts of the merchant console, by area: the reference table. Spanish and French
 * have the same keys (each area's table is typed by its English one). Texts that take values
 * are functions; those with markup in the middle return parts for a template to render.
 */
export const consoleEn = {
  /** The language of these texts, for the console's `lang`. */
  lang: 'en',
  ...coreEn,
  ...shellEn,
  ...contactsEn,
  ...invoicesEn,
  ...requestsEn,
  ...settingsEn,
};

export type ConsoleMessages = typeof consoleEn;
