import { describe, expect, it } from '@jest/globals';
import { addMonthsClamped, firstPeriodFrom, isPastEnd, periodDate } from './periods.js';

describe('recurring periods', () => {
  it('clamps to the end of shorter months, in and out of leap years', () => {
    expect(addMonthsClamped('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonthsClamped('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonthsClamped('2027-03-31', 1)).toBe('2027-04-30');
    expect(addMonthsClamped('2027-01-30', 1)).toBe('2027-02-28');
    expect(addMonthsClamped('2027-01-15', 1)).toBe('2027-02-15');
    expect(addMonthsClamped('2026-12-31', 2)).toBe('2027-02-28');
    expect(addMonthsClamped('2028-02-29', 12)).toBe('2029-02-28');
    expect(addMonthsClamped('2026-11-30', 3)).toBe('2027-02-28');
  });

  it('counts every period from the start, so a clamped month does not drift the series', () => {
    const monthly = [0, 1, 2, 3, 4].map((i) => periodDate('2027-01-31', 'month', 1, i));
    expect(monthly).toEqual(['2027-01-31', '2027-02-28', '2027-03-31', '2027-04-30', '2027-05-31']);
    expect([0, 1, 2].map((i) => periodDate('2026-11-30', 'quarter', 1, i))).toEqual([
      '2026-11-30',
      '2027-02-28',
      '2027-05-30',
    ]);
    expect([0, 1, 2].map((i) => periodDate('2028-02-29', 'year', 1, i))).toEqual([
      '2028-02-29',
      '2029-02-28',
      '2030-02-28',
    ]);
    expect([0, 1, 2].map((i) => periodDate('2026-12-28', 'week', 2, i))).toEqual([
      '2026-12-28',
      '2027-01-11',
      '2027-01-25',
    ]);
    expect([0, 1].map((i) => periodDate('2027-01-31', 'month', 2, i))).toEqual(['2027-01-31', '2027-03-31']);
  });

  it('ends by the number of occurrences or by the end date (inclusive)', () => {
    expect(isPastEnd({ endDate: null, occurrences: 3 }, 2, '2027-03-01')).toBe(false);
    expect(isPastEnd({ endDate: null, occurrences: 3 }, 3, '2027-04-01')).toBe(true);
    expect(isPastEnd({ endDate: '2027-03-01', occurrences: null }, 2, '2027-03-01')).toBe(false);
    expect(isPastEnd({ endDate: '2027-03-01', occurrences: null }, 3, '2027-04-01')).toBe(true);
    expect(isPastEnd({ endDate: null, occurrences: null }, 999, '2099-01-01')).toBe(false);
  });

  it('resumes at the first period on or after today', () => {
    expect(firstPeriodFrom('2027-01-31', 'month', 1, 1, '2027-04-15')).toEqual({ index: 3, date: '2027-04-30' });
    expect(firstPeriodFrom('2027-01-31', 'month', 1, 1, '2027-02-28')).toEqual({ index: 1, date: '2027-02-28' });
  });
});
