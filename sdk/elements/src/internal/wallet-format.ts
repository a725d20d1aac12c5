import { currencyDecimals } from './currency.js';
import { CcMoneyError } from './money-error.js';
import { formatMoney, minorToDecimal } from './money-format.js';
import { parseMoney } from './money-parse.js';
import type { WalletMessages } from './wallet-messages.js';
import type { WalletPaymentMethod } from './wallet-api.js';

// What a wallet element's first render needs (the session gate's errors) is in wallet-errors.ts;
// the rest here comes with the signed-in views and forms.
export { asApiError, requestErrorText } from './wallet-errors.js';

/** "Visa ending in 4242", "Bank account ending in 6789". */
export function methodLabel(method: Pick<WalletPaymentMethod, 'brand' | 'last4'>, m: WalletMessages): string {
  return m.methods.ending(m.methods.brands[method.brand] ?? m.methods.brands.card!, method.last4);
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** A `YYYY-MM-DD` calendar date (or an ISO timestamp) in the locale, read in UTC like the API's dates. */
export function formatDate(value: string, locale: string): string {
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    dateFormats.set(locale, format);
  }
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  return Number.isNaN(date.getTime()) ? value : format.format(date);
}

/** An amount as people type it in the locale, without the currency: `1,250.50`, `1 250,50`, `1,250` (JPY). */
export function amountExample(minor: number, currency: string, locale: string): string {
  const decimals = currencyDecimals(currency);
  return new Intl.NumberFormat(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(
    minorToDecimal(minor, decimals),
  );
}

/** Minor units typed by a person, or the money error's code. */
export function readAmount(text: string, currency: string, locale: string): { amount: number } | { code: string } {
  try {
    const amount = parseMoney(text, currency, locale);
    return amount > 0 ? { amount } : { code: 'amount_negative' };
  } catch (error) {
    if (error instanceof CcMoneyError) return { code: error.code };
    throw error;
  }
}

/** The words for a money parsing code at a field labelled `label`. */
export function moneyErrorText(
  code: string,
  label: string,
  currency: string,
  locale: string,
  m: WalletMessages,
  example: number,
): string {
  const errors = m.errors;
  switch (code) {
    case 'amount_empty':
      return errors.amount_empty(label);
    case 'amount_negative':
      return errors.amount_negative;
    case 'amount_too_many_decimals':
      return errors.amount_too_many_decimals(currency.toUpperCase(), currencyDecimals(currency));
    case 'amount_too_large':
      return errors.amount_too_large;
    case 'currency_invalid':
      return errors.currency_invalid;
    default:
      return errors.amount_invalid(amountExample(example, currency, locale));
  }
}

export const money = formatMoney;

/** Code points, as the API counts a text's length (an emoji is one). */
export function textLength(text: string): number {
  let count = 0;
  for (const char of text) if (char !== '\uFE0F' && char !== '\uFE0E') count += 1;
  return count;
}
