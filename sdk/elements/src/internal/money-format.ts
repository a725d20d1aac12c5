import { currencyDecimals } from './currency.js';

const formatters = new Map<string, Intl.NumberFormat>();

/**
 * Formats integer minor units as money in `locale`, exactly: the decimal string is built
 * from the integer's digits and handed to Intl as a string, never divided as a float
 * (`formatMoney(123456789012345, 'USD', 'en')` is `$1,234,567,890,123.45`).
 */
export function formatMoney(minor: number | bigint, currency: string, locale: string): string {
  const code = currency.toUpperCase();
  const key = `${locale} ${code}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    const digits = currencyDecimals(code);
    formatter = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: code,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    formatters.set(key, formatter);
  }
  return formatter.format(minorToDecimal(minor, currencyDecimals(code)));
}

/** `12345, 2` → `"123.45"`; `-5, 3` → `"-0.005"`. */
export function minorToDecimal(minor: number | bigint, decimals: number): Intl.StringNumericLiteral {
  if (typeof minor === 'number' && !Number.isSafeInteger(minor)) {
    throw new RangeError(`Minor units must be a safe integer, got ${minor}.`);
  }
  const value = BigInt(minor);
  const sign = value < 0n ? '-' : '';
  const digits = (value < 0n ? -value : value).toString().padStart(decimals + 1, '0');
  const decimal = decimals === 0 ? digits : `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
  return `${sign}${decimal}` as Intl.StringNumericLiteral;
}
