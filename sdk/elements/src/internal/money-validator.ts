// The money validator on its own: it brings the money parser, which a form needs only once a
// person has typed an amount (<cc-credit-app> loads it with its submit code).
import { CcMoneyError } from './money-error.js';
import { parseMoney } from './money-parse.js';
import type { Validator } from './validators.js';

/** Money typed in `locale` for `currency`, through the SDK's money parser; zero only when `allowZero`. */
export const money =
  (currency: string, locale: string, allowZero = false): Validator =>
  (value) => {
    try {
      return parseMoney(value, currency, locale) > 0 || allowZero ? undefined : 'amount_negative';
    } catch (error) {
      if (error instanceof CcMoneyError) return error.code;
      throw error;
    }
  };
