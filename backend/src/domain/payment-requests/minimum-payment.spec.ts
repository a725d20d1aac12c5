import { describe, expect, it } from '@jest/globals';
import { checkPayment, minimumAmount, minimumPercent } from './minimum-payment.js';

describe('minimum resolution', () => {
  const none = { minimumPercent: null, minimumByMethod: {}, defaultMinimumPercent: null };
  it('takes the first that is set: request → method → merchant default → 100', () => {
    expect(minimumPercent(none, 'card')).toBe(100);
    expect(minimumPercent({ ...none, defaultMinimumPercent: 25 }, 'card')).toBe(25);
    expect(minimumPercent({ ...none, defaultMinimumPercent: 25, minimumByMethod: { card: 50 } }, 'card')).toBe(50);
    expect(minimumPercent({ ...none, defaultMinimumPercent: 25, minimumByMethod: { card: 50 } }, 'ach')).toBe(25);
    expect(
      minimumPercent({ minimumPercent: 10, defaultMinimumPercent: 25, minimumByMethod: { card: 50 } }, 'card'),
    ).toBe(10);
  });

  it('rounds the minimum amount up, exactly, even for huge amounts', () => {
    expect(minimumAmount(1001, 25)).toBe(251);
    expect(minimumAmount(1000, 25)).toBe(250);
    expect(minimumAmount(1, 1)).toBe(1);
    expect(minimumAmount(9_007_199_254_740_991, 50)).toBe(4_503_599_627_370_496);
  });

  it('allows the whole remaining balance even below the minimum, never more than it', () => {
    expect(checkPayment(250, 1000, 1000, 25)).toEqual({ ok: true });
    expect(checkPayment(249, 1000, 1000, 25)).toMatchObject({ ok: false, code: 'below_minimum_payment', minimum: 250 });
    expect(checkPayment(100, 1000, 100, 25)).toEqual({ ok: true });
    expect(checkPayment(1001, 1000, 1000, 25)).toMatchObject({ ok: false, code: 'exceeds_remaining_balance' });
    expect(checkPayment(999, 1000, 1000, 100)).toMatchObject({ ok: false, code: 'below_minimum_payment' });
  });
});
