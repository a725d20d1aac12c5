import { CcApiError } from '../internal/api-error.js';
import { currencyDecimals } from '../internal/currency.js';
import { CcMoneyError } from '../internal/money-error.js';
import { formatMoney, minorToDecimal } from '../internal/money-format.js';
import { parseMoney } from '../internal/money-parse.js';

export { formatMoney };

/** `2026-11-25` (a UTC calendar date) or an ISO timestamp, for people in `locale`. */
export function formatDate(value: string | null | undefined, locale: string): string {
  if (!value) return '—';
  const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: value.length === 10 ? 'UTC' : undefined }).format(date);
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

/** Reads money a person typed; `{ error }` with a sentence when it cannot. */
export function readMoney(text: string, currency: string, locale: string, label: string): { amount: number } | { error: string } {
  try {
    return { amount: parseMoney(text, currency, locale) };
  } catch (error) {
    const code = error instanceof CcMoneyError ? error.code : 'amount_invalid';
    const example = formatMoney(123450 * 10 ** Math.max(0, currencyDecimals(currency) - 2), currency, locale);
    const texts: Record<string, string> = {
      amount_empty: `Enter the ${label.toLowerCase()}.`,
      amount_negative: `The ${label.toLowerCase()} cannot be negative.`,
      amount_too_many_decimals: `${currency} amounts have ${currencyDecimals(currency)} decimal places at most.`,
      amount_too_large: `The ${label.toLowerCase()} is too large.`,
      currency_invalid: 'Choose a currency.',
    };
    return { error: texts[code] ?? `Enter the ${label.toLowerCase()} as an amount, for example ${example}.` };
  }
}

const statusWords: Record<string, string> = {
  prospect: 'Prospect',
  verified: 'Verified',
  authorized: 'Authorized',
  credit_declined: 'Credit declined',
  open: 'Open',
  partially_paid: 'Partially paid',
  paid: 'Paid',
  disputed: 'Disputed',
  void: 'Void',
  pending_approval: 'Awaiting approval',
  approved: 'Approved',
  declined: 'Declined',
  cancelled: 'Cancelled',
  expired: 'Expired',
  pending: 'Pending',
  succeeded: 'Succeeded',
  failed: 'Failed',
  resolved: 'Resolved',
  offered: 'Offered',
  accepted: 'Accepted',
  withdrawn: 'Withdrawn',
  active: 'Active',
  paused: 'Paused',
  completed: 'Completed',
  generated: 'Generated',
  credit_limit_exceeded: 'the credit limit would be exceeded',
  currency_mismatch: 'another currency than the contract',
  card_declined: 'card declined',
  insufficient_funds: 'insufficient funds',
  account_closed: 'account closed',
  disabled: 'Disabled',
  admin: 'Admin',
  member: 'Member',
};

export const statusText = (status: string): string => statusWords[status] ?? status.replaceAll('_', ' ');

/** What a person reads for an API failure: our words for the codes we know, else the API's message. */
export function errorText(error: unknown): string {
  const e = error instanceof CcApiError ? error : CcApiError.network(error);
  const texts: Record<string, string> = {
    network_error: 'CustomerConnect could not be reached. Check your connection and try again.',
    session_expired: 'Your session has expired, please sign in again.',
    invalid_credentials: 'Your session has ended, please sign in again.',
    invalid_login: 'That email and password do not match an account.',
    admin_required: 'Only an admin can do this.',
    terms_locked: "Terms are locked by your company's admin: only an admin can offer or change a contact's terms.",
    rate_limited: 'Too many requests at once. Wait a moment and try again.',
    database_unavailable: 'CustomerConnect is briefly unavailable. Try again in a few seconds.',
    duplicate_invoice_number: 'An invoice with this number already exists.',
    credit_limit_exceeded: "This invoice would take the contact's open balance over its credit limit.",
    currency_mismatch: "The invoice's currency must be the currency of the contact's terms.",
    invoice_not_voidable: 'Only an open invoice with nothing paid can be voided.',
    last_admin: 'The last admin cannot be removed. Make another user an admin first.',
    email_taken: 'A user with this email already exists.',
    dispute_not_open: 'This dispute is already resolved.',
    net_days_not_allowed: 'These net days are not among your allowed net days.',
    link_invalid: 'This link is expired, used or unknown. Ask for a new one.',
    platform_policy: 'The passing credit score is set by the platform, not by merchants.',
  };
  return texts[e.code] ?? e.message;
}
