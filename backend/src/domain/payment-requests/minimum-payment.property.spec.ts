import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { checkPayment, minimumAmount, minimumPercent } from './minimum-payment.js';

const amount = fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER });
const percent = fc.integer({ min: 1, max: 100 });

describe('the minimum rule, for any amounts', () => {
  it('is ceil(amount × percent / 100), exactly', () => {
    fc.assert(
      fc.property(amount, percent, (a, p) => {
        const min = minimumAmount(a, p);
        const exact = BigInt(a) * BigInt(p);
        expect(BigInt(min) * 100n >= exact).toBe(true);
        expect(BigInt(min - 1) * 100n < exact).toBe(true);
        expect(min).toBeLessThanOrEqual(a);
      }),
    );
  });

  it('accepts exactly: at most the remainder, and at least the minimum unless it is the whole remainder', () => {
    fc.assert(
      fc.property(
        amount,
        percent,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1.2, noNaN: true }),
        (a, p, r, x) => {
          const remaining = Math.max(1, Math.floor(a * r));
          const pay = Math.max(1, Math.floor(remaining * x));
          const verdict = checkPayment(pay, a, remaining, p);
          const shouldPass = pay <= remaining && (pay >= minimumAmount(a, p) || pay === remaining);
          expect(verdict.ok).toBe(shouldPass);
          if (!verdict.ok)
            expect(verdict.code).toBe(pay > remaining ? 'exceeds_remaining_balance' : 'below_minimum_payment');
        },
      ),
    );
  });

  it('resolves request → method → default → 100, whichever is set first', () => {
    const opt = fc.option(percent, { nil: null });
    fc.assert(
      fc.property(opt, opt, opt, fc.constantFrom('card' as const, 'ach' as const), (own, byMethod, dflt, method) => {
        const resolved = minimumPercent(
          {
            minimumPercent: own,
            minimumByMethod: byMethod === null ? {} : { [method]: byMethod },
            defaultMinimumPercent: dflt,
          },
          method,
        );
        expect(resolved).toBe(own ?? byMethod ?? dflt ?? 100);
      }),
    );
  });
});
