import { describe, expect, it } from '@jest/globals';
import { BuiltInBureau, TEST_TAX_IDS } from './built-in-bureau.js';
import { BureauUnavailableError, type BureauInquiry } from './credit-bureau.js';

const inquiry = (over: Partial<BureauInquiry> = {}): BureauInquiry => ({
  taxId: '47-1234567',
  legalName: 'Acme Fabrication LLC',
  country: 'US',
  yearsInBusiness: 5,
  annualRevenue: 200_000_000,
  requestedCreditLimit: null,
  attempt: 1,
  ...over,
});

describe('the built-in bureau', () => {
  const bureau = new BuiltInBureau();

  it('scores the documented test tax ids as documented, however they are typed', async () => {
    expect((await bureau.inquire(inquiry({ taxId: TEST_TAX_IDS.approved }))).score).toBe(82);
    expect((await bureau.inquire(inquiry({ taxId: '123456789' }))).score).toBe(82);
    expect((await bureau.inquire(inquiry({ taxId: TEST_TAX_IDS.declined }))).score).toBe(31);
    await expect(bureau.inquire(inquiry({ taxId: TEST_TAX_IDS.unavailable }))).rejects.toBeInstanceOf(
      BureauUnavailableError,
    );
    expect((await bureau.inquire(inquiry({ taxId: TEST_TAX_IDS.unavailable, attempt: 2 }))).score).toBe(75);
  });

  it('is deterministic and explains itself with reason codes', async () => {
    const a = await bureau.inquire(inquiry());
    const b = await bureau.inquire(inquiry());
    expect(a).toEqual(b);
    expect(a.score).toBeGreaterThanOrEqual(0);
    expect(a.score).toBeLessThanOrEqual(100);
    for (const r of a.reasons)
      expect(r).toEqual({ code: expect.stringMatching(/^[a-z_]+$/), description: expect.any(String) });
  });

  it('moves the score with age, revenue and the size of the ask', async () => {
    const base = await bureau.inquire(inquiry());
    const young = await bureau.inquire(inquiry({ yearsInBusiness: 1 }));
    const greedy = await bureau.inquire(inquiry({ requestedCreditLimit: 100_000_000 }));
    expect(young.score).toBe(Math.max(0, base.score - 15));
    expect(young.reasons.map((r) => r.code)).toContain('limited_time_in_business');
    expect(greedy.score).toBe(base.score - 10);
    expect(greedy.reasons.map((r) => r.code)).toContain('high_requested_limit');
  });
});
