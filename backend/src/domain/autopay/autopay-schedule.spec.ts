import { describe, expect, it } from '@jest/globals';
import { nextRetryAt } from './autopay-schedule.js';

describe('the automated-payment retry schedule', () => {
  it('retries 1, 3 and 5 days after each failure, at the start of the day, then gives up', () => {
    expect(nextRetryAt(1, '2026-12-25')?.toISOString()).toBe('2026-12-26T00:00:00.000Z');
    expect(nextRetryAt(2, '2026-12-26')?.toISOString()).toBe('2026-12-29T00:00:00.000Z');
    expect(nextRetryAt(3, '2026-12-29')?.toISOString()).toBe('2027-01-03T00:00:00.000Z');
    expect(nextRetryAt(4, '2027-01-03')).toBeNull();
  });
});
