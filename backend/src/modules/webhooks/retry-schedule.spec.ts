import { describe, expect, it } from '@jest/globals';
import { nextAttemptAt } from './retry-schedule.js';

const MIN = 60_000;
const HOUR = 60 * MIN;

describe('webhook retry schedule', () => {
  const event = new Date('2026-01-01T00:00:00Z');
  const at = (ms: number) => new Date(event.getTime() + ms);

  it('backs off 1 min, 5 min, 30 min, 2 h, 6 h, then every 12 h', () => {
    const waits = [1, 2, 3, 4, 5, 6, 7].map((n) => nextAttemptAt(n, event, event)!.getTime() - event.getTime());
    expect(waits).toEqual([MIN, 5 * MIN, 30 * MIN, 2 * HOUR, 6 * HOUR, 12 * HOUR, 12 * HOUR]);
  });

  it('never schedules past 24 h after the event, and gives up at that mark', () => {
    expect(nextAttemptAt(6, event, at(20 * HOUR))).toEqual(at(24 * HOUR));
    expect(nextAttemptAt(7, event, at(24 * HOUR))).toBeNull();
    expect(nextAttemptAt(1, event, at(24 * HOUR + MIN))).toBeNull();
  });
});
