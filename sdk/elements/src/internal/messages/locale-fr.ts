import type { Messages } from './locale-en.js';
import { fr } from './fr.js';
import { accountFr } from './account-fr.js';
import { decisionFr } from './decision-fr.js';
import { walletFr } from './wallet-fr.js';

/** Every text of the SDK in French: its own module, so a page loads only its language. */
export const messages: Messages = {
  ...fr,
  ...walletFr,
  ...accountFr,
  ...decisionFr,
  errors: { ...fr.errors, ...walletFr.errors },
  offer: { ...fr.offer, ...decisionFr.offer },
};
