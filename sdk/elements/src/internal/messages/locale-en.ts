import { en } from './en.js';
import { walletEn } from './wallet-en.js';

/**
 * Every text of the SDK in English, one table made of the areas' tables (`en.ts`: the credit
 * application and terms elements; `wallet-en.ts`: the wallet elements and the customer session;
 * `api-errors-en.ts`: the API's error codes, under `apiErrors`). It types every other language.
 */
export const messages = { ...en, ...walletEn, errors: { ...en.errors, ...walletEn.errors } };

export type Messages = typeof messages;
