import { addDays } from '../../platform/clock/dates.js';

/** Days after a failed attempt that the next one runs: 1, then 3, then 5. After the last retry fails, autopay gives up. */
export const RETRY_DAYS = [1, 3, 5] as const;

/** Days to wait before looking again for a default payment method. */
export const NO_METHOD_RECHECK_DAYS = 1;

/** Autopay states an invoice records (`invoices.autopay_status`; null = scheduled, never tried). */
export type AutopayStatus = 'scheduled' | 'awaiting_payment_method' | 'retrying' | 'succeeded' | 'failed' | 'stopped';

/** Midnight UTC at the start of a calendar day: attempts run "on a day", whatever the hour the worker passes. */
export const startOfDay = (date: string): Date => new Date(`${date}T00:00:00Z`);

/**
 * When attempt `attempt` (1-based) has failed on `today`, the day of the next one, or null to give up.
 * Due day D: attempts on D, D+1, D+4, D+9.
 */
export function nextRetryAt(attempt: number, today: string): Date | null {
  const days = RETRY_DAYS[attempt - 1];
  return days === undefined ? null : startOfDay(addDays(today, days));
}
