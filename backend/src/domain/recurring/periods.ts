import { addDays } from '../../platform/clock/dates.js';

export type IntervalUnit = 'week' | 'month' | 'quarter' | 'year';
export const INTERVAL_UNITS: IntervalUnit[] = ['week', 'month', 'quarter', 'year'];

const MONTHS: Record<Exclude<IntervalUnit, 'week'>, number> = { month: 1, quarter: 3, year: 12 };

const daysInMonth = (year: number, month0: number) => new Date(Date.UTC(year, month0 + 1, 0)).getUTCDate();

/** `YYYY-MM-DD` + n calendar months, clamped to the month's end (Jan 31 + 1 month = Feb 28, or 29 in a leap year). */
export function addMonthsClamped(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month0 = total - year * 12;
  const day = Math.min(d, daysInMonth(year, month0));
  return `${String(year).padStart(4, '0')}-${String(month0 + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The date of period `index` (0 = the start date), always counted from the start, so a clamped
 * month does not drift the series: Jan 31 → Feb 28 → Mar 31 → Apr 30.
 */
export function periodDate(startDate: string, unit: IntervalUnit, count: number, index: number): string {
  if (unit === 'week') return addDays(startDate, 7 * count * index);
  return addMonthsClamped(startDate, MONTHS[unit] * count * index);
}

export interface ScheduleBounds {
  endDate: string | null;
  occurrences: number | null;
}

/** Whether period `index`, falling on `date`, is past the schedule's end (its end date or its number of occurrences). */
export function isPastEnd(bounds: ScheduleBounds, index: number, date: string): boolean {
  if (bounds.occurrences !== null && index >= bounds.occurrences) return true;
  return bounds.endDate !== null && date > bounds.endDate;
}

/** The first period at or after `fromIndex` that falls on or after `today` (resuming skips the periods missed while paused). */
export function firstPeriodFrom(
  startDate: string,
  unit: IntervalUnit,
  count: number,
  fromIndex: number,
  today: string,
): { index: number; date: string } {
  let index = fromIndex;
  let date = periodDate(startDate, unit, count, index);
  while (date < today) date = periodDate(startDate, unit, count, ++index);
  return { index, date };
}
