import { en } from './en.js';
import { accountEn } from './account-en.js';
import { decisionEn } from './decision-en.js';
import { walletEn } from './wallet-en.js';

/**
 * Every text of the SDK in English, one table made of the areas' tables (`en.ts`: the credit
 * application's form and the terms element's states; `decision-en.ts`: the credit decision and the
 * terms offer; `wallet-en.ts`: the wallet elements and the customer session before sign-in; `account-en.ts`:
 * the wallet elements signed in;
 * `api-errors-en.ts`: the API's error codes, under `apiErrors`). It types every other language.
 */
export const messages = {
  ...en,
  ...walletEn,
  ...accountEn,
  ...decisionEn,
  errors: { ...en.errors, ...walletEn.errors },
  offer: { ...en.offer, ...decisionEn.offer },
};

export type Messages = typeof messages;
