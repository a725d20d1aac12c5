import type { Messages } from './locale-en.js';
import { fr } from './fr.js';
import { walletFr } from './wallet-fr.js';

/** Every text of the SDK in French: its own module, so a page loads only its language. */
export const messages: Messages = { ...fr, ...walletFr, errors: { ...fr.errors, ...walletFr.errors } };
