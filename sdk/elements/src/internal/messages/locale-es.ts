import type { Messages } from './locale-en.js';
import { es } from './es.js';
import { accountEs } from './account-es.js';
import { decisionEs } from './decision-es.js';
import { walletEs } from './wallet-es.js';

/** Every text of the SDK in Spanish: its own module, so a page loads only its language. */
export const messages: Messages = {
  ...es,
  ...walletEs,
  ...accountEs,
  ...decisionEs,
  errors: { ...es.errors, ...walletEs.errors },
  offer: { ...es.offer, ...decisionEs.offer },
};
