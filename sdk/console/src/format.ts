import { CcApiError } from '@customerconnect/sdk';
import { currencyDecimals } from '@customerconnect/sdk';
import { CcMoneyError } from '@customerconnect/sdk';
import { formatMoney, minorToDecimal } from '@customerconnect/sdk';
import { parseMoney } from '@customerconnect/sdk';
import { consoleMessagesFor, type ConsoleMessages } from './messages.js';

export { formatMoney };

/** `2026-11-25` (a UTC calendar date) or an ISO timestamp, for people in `locale`. */
export function formatDate(value: string | null | undefined, locale: string): string {
  if (!value) return '—';
  const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeZone: value.length === 10 ? 'UTC' : undefined,
  }).format(date);
}

export function formatDateTime(value: string | null | undefined, locale: string): string {
  if (!value) return '—';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value));
}

export function formatNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(value);
}

/** Today as a UTC calendar date, `YYYY-MM-DD`. */
export const todayUtc = (): string => new Date().toISOString().slice(0, 10);

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Minor units as the plain text a person would type back (`1234.5` USD → "1,234.50" in en). */
export function moneyInputText(minor: number, currency: string, locale: string): string {
  const decimals = currencyDecimals(currency);
  return new Intl.NumberFormat(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(
    minorToDecimal(minor, decimals),
  );
}

/**
 * Reads money a person typed; `{ error }` with a sentence in `locale`'s language when it cannot.
 * `label` names the amount in those sentences: one of the messages' `money.labels`.
 */
export function readMoney(
  text: string,
  currency: string,
  locale: string,
  label: string,
): { amount: number } | { error: string } {
  try {
    return { amount: parseMoney(text, currency, locale) };
  } catch (error) {
    const code = error instanceof CcMoneyError ? error.code : 'amount_invalid';
    const example = formatMoney(123450 * 10 ** Math.max(0, currencyDecimals(currency) - 2), currency, locale);
    const m = consoleMessagesFor(locale).money;
    const texts: Record<string, string> = {
      amount_empty: m.empty(label),
      amount_negative: m.negative(label),
      amount_too_many_decimals: m.tooManyDecimals(currency, currencyDecimals(currency)),
      amount_too_large: m.tooLarge(label),
      currency_invalid: m.currency,
    };
    return { error: texts[code] ?? m.invalid(label, example) };
  }
}

/** A table's text for `key`, if it has one (never an inherited property). */
const own = (table: Record<string, string>, key: string): string | undefined =>
  Object.hasOwn(table, key) ? table[key] : undefined;

/** The word for a status, role or failure code (`credit_declined` → "Credit declined"); unknown codes with spaces for underscores. */
export const statusText = (t: ConsoleMessages, status: string): string =>
  own(t.status, status) ?? status.replaceAll('_', ' ');

/** What a person reads for an API failure: our words for the codes we know, else the API's message. */
export function errorText(t: ConsoleMessages, error: unknown): string {
  const e = error instanceof CcApiError ? error : CcApiError.network(error);
  return own(t.errors, e.code) ?? e.message;
}
