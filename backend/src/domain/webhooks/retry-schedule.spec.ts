import { describe, expect, it } from '@jest/globals';
import { nextAttemptAt } from './retry-schedule.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const BASE = [MIN, 5 * MIN, 30 * MIN, 2 * HOUR, 6 * HOUR, 12 * HOUR, 12 * HOUR];

/** mulberry32: a small seeded generator, so the jittered waits are the same on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('webhook retry schedule', () => {
  const event = new Date('2026-01-01T00:00:00Z');
  const at = (ms: number) => new Date(event.getTime() + ms);
  const noJitter = () => 0;

  it('backs off 1 min, 5 min, 30 min, 2 h, 6 h, then every 12 h', () => {
    const waits = [1, 2, 3, 4, 5, 6, 7].map(
      (n) => nextAttemptAt(n, event, event, noJitter)!.getTime() - event.getTime(),
    );
    expect(waits).toEqual(BASE);
  });

  it('jitters each wait between half the base and the base (equal jitter), spread out', () => {
    const random = seeded(42);
    for (const [i, base] of BASE.entries()) {
      const waits = Array.from(
        { length: 200 },
        () => nextAttemptAt(i + 1, event, event, random)!.getTime() - event.getTime(),
      );
      for (const w of waits) {
        expect(w).toBeGreaterThan(base / 2);
        expect(w).toBeLessThanOrEqual(base);
      }
      expect(new Set(waits).size).toBeGreaterThan(150); // not one burst
      expect(Math.min(...waits)).toBeLessThan(base * 0.6);
      expect(Math.max(...waits)).toBeGreaterThan(base * 0.9);
    }
    // Same seed, same schedule.
    const again = seeded(42);
    const a = nextAttemptAt(1, event, event, again)!.getTime();
    expect(a).toBe(nextAttemptAt(1, event, event, seeded(42))!.getTime());
  });

  it('never schedules past 24 h after the event, and gives up at that mark', () => {
    expect(nextAttemptAt(6, event, at(20 * HOUR))).toEqual(at(24 * HOUR));
    expect(nextAttemptAt(7, event, at(24 * HOUR))).toBeNull();
    expect(nextAttemptAt(1, event, at(24 * HOUR + MIN))).toBeNull();
  });
});
