import { currencyDecimals } from './currency.js';
import { CcMoneyError } from './money-error.js';
import { numberSymbols, type NumberSymbols } from './number-symbols.js';

// Characters people type for a locale's group separator: any space for a space, any apostrophe for an apostrophe.
const spaces = /[\u0020\u00a0\u2009\u202f]/g;
const apostrophes = /['\u2019\u02bc]/g;
const maxSafe = String(Number.MAX_SAFE_INTEGER);

/**
 * Parses an amount a person typed into integer minor units of `currency`, reading the
 * separators of `locale`, without floating point: `parseMoney('1.234,56', 'EUR', 'de')`
 * is `123456`.
 *
 * Rules: the locale's decimal separator is the only decimal separator, and the locale's
 * group separator (any space where it is a space) may appear only between whole groups
 * of the locale's size, so `12.5` in `de` is refused rather than read as 125. More
 * decimals than the currency has are refused, even zeros (`1.234` JPY in `en`,
 * `1.005` USD). The currency's symbol or code may lead or trail. Empty text, signs,
 * negatives and anything else throw a {@link CcMoneyError} with its `code`.
 */
export function parseMoney(text: string, currency: string, locale: string): number {
  const decimals = currencyDecimals(currency);
  const symbols = numberSymbols(locale);
  let amount = normalize(text, symbols);
  if (amount === '') throw new CcMoneyError('amount_empty');
  assertNotNegative(amount);
  amount = stripCurrency(amount, currency, locale);
  assertNotNegative(amount);

  const [whole = '', fraction = '', ...rest] = amount.split(symbols.decimal);
  if (rest.length > 0 || !/^\d*$/.test(fraction) || (whole === '' && fraction === '')) {
    throw new CcMoneyError('amount_invalid');
  }
  const wholeDigits = ungroup(whole, symbols);
  if (fraction.length > decimals) throw new CcMoneyError('amount_too_many_decimals');

  const digits = `${wholeDigits}${fraction.padEnd(decimals, '0')}`.replace(/^0+(?=\d)/, '');
  if (digits.length > maxSafe.length || (digits.length === maxSafe.length && digits > maxSafe)) {
    throw new CcMoneyError('amount_too_large');
  }
  return Number(digits);
}

function normalize(text: string, symbols: NumberSymbols): string {
  let value = text.trim();
  symbols.digits.forEach((digit, index) => {
    if (digit !== String(index)) value = value.replaceAll(digit, String(index));
  });
  const group = symbols.group;
  if (group !== undefined) {
    if (group.replace(spaces, '') === '') value = value.replace(spaces, group);
    if (group.replace(apostrophes, '') === '') value = value.replace(apostrophes, group);
  }
  return value;
}

function assertNotNegative(amount: string): void {
  if (/^[-\u2212(]|[-\u2212)]$/.test(amount)) throw new CcMoneyError('amount_negative');
}

function stripCurrency(amount: string, currency: string, locale: string): string {
  for (const mark of currencyMarks(currency, locale)) {
    if (amount.startsWith(mark)) return amount.slice(mark.length).trim();
    if (amount.endsWith(mark)) return amount.slice(0, -mark.length).trim();
  }
  return amount;
}

/** The currency's code and its symbols in the locale, longest first (`US$` before `$`). */
function currencyMarks(currency: string, locale: string): string[] {
  const code = currency.toUpperCase();
  const marks = new Set([code]);
  for (const currencyDisplay of ['symbol', 'narrowSymbol'] as const) {
    const parts = new Intl.NumberFormat(locale, { style: 'currency', currency: code, currencyDisplay }).formatToParts(
      1,
    );
    const symbol = parts.find((part) => part.type === 'currency')?.value;
    if (symbol) marks.add(symbol);
  }
  return [...marks].sort((a, b) => b.length - a.length);
}

/** The whole part's digits, checking that group separators sit where the locale puts them. */
function ungroup(whole: string, symbols: NumberSymbols): string {
  if (/^\d*$/.test(whole)) return whole;
  if (symbols.group === undefined) throw new CcMoneyError('amount_invalid');
  const groups = whole.split(symbols.group);
  const first = groups[0]!;
  const last = groups.at(-1)!;
  const middle = groups.slice(1, -1);
  const valid =
    groups.every((group) => /^\d+$/.test(group)) &&
    first.length <= symbols.secondaryGroup &&
    last.length === symbols.primaryGroup &&
    middle.every((group) => group.length === symbols.secondaryGroup);
  if (!valid) throw new CcMoneyError('amount_invalid');
  return groups.join('');
}
