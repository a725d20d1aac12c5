import { describe, expect, it } from '@jest/globals';
import { newId } from '../../platform/ids/ids.js';
import { eventIdFloor, idTime } from './event-cursor.js';

describe('event id floors', () => {
  it('sort before every event created at or after their millisecond, after every earlier one', () => {
    const before = Date.now();
    const id = newId('evt');
    expect(eventIdFloor(before) <= id).toBe(true);
    expect(eventIdFloor(Date.now() + 1) > id).toBe(true);
    expect(Math.abs(idTime(id) - before)).toBeLessThan(1000);
    expect(idTime(eventIdFloor(1_764_000_000_123))).toBe(1_764_000_000_123);
  });
});
