import { countryCodes } from './countries.js';
import { CcMoneyError, type MoneyErrorCode } from './money-error.js';
import { parseMoney } from './money-parse.js';

/**
 * Why a value a person typed is refused. Validators return a code, never text: the
 * messages module words each code in the page's language.
 */
export type ValidationCode =
  'required' | 'email' | 'phone' | 'whole_number' | 'too_long' | 'tax_id' | 'country' | 'consent' | MoneyErrorCode;

/** Takes the text of a control (a checkbox gives 'on' or ''); answers a code, or undefined when valid. */
export type Validator = (value: string) => ValidationCode | undefined;

export const required: Validator = (value) => (value.trim() === '' ? 'required' : undefined);

/** Mirrors the server: something@domain.tld, no spaces. */
export const email: Validator = (value) => (/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value.trim()) ? undefined : 'email');

/** The server's rule: an optional +, then 7 to 25 digits, spaces, dots, dashes and parentheses. */
export const phone: Validator = (value) => (/^\+?[0-9 ().-]{7,25}$/.test(value.trim()) ? undefined : 'phone');

/** The server's rule for a tax id as typed: 4 to 30 letters, digits, spaces, dots, dashes or slashes, 5 digits at least. */
export const taxId: Validator = (value) =>
  /^(?=(?:.*\d){5})[0-9A-Za-z][0-9A-Za-z .\-/]{3,29}$/.test(value.trim()) ? undefined : 'tax_id';

export const wholeNumber =
  (max: number): Validator =>
  (value) =>
    /^\d+$/.test(value.trim()) && Number(value) <= max ? undefined : 'whole_number';

export const maxLength =
  (max: number): Validator =>
  (value) =>
    value.trim().length > max ? 'too_long' : undefined;

export const country: Validator = (value) => (countryCodes.includes(value) ? undefined : 'country');

export const checked: Validator = (value) => (value === 'on' ? undefined : 'consent');

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

/** Runs `validators` in order; an empty optional value is valid. */
export function validate(
  value: string,
  isRequired: boolean,
  validators: readonly Validator[],
): ValidationCode | undefined {
  if (value.trim() === '') return isRequired ? (validators.includes(checked) ? 'consent' : 'required') : undefined;
  for (const check of validators) {
    const code = check(value);
    if (code) return code;
  }
  return undefined;
}
