import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startApp, type TestApp } from './support/app.js';
import { signUpMerchant, type SignedUpMerchant } from './support/factories.js';

describe('rate limits', () => {
  let t: TestApp;
  let m: SignedUpMerchant;
  beforeAll(async () => {
    t = await startApp({ CC_RATE_LIMIT_ANONYMOUS_PER_MINUTE: '4', CC_RATE_LIMIT_PER_SECOND: '5' });
    m = await signUpMerchant(t.http); // one anonymous request
  });
  afterAll(async () => t?.close());

  it('limits anonymous endpoints per client IP per minute with 429 rate_limited and Retry-After', async () => {
    const statuses: number[] = [];
    let last;
    for (let i = 0; i < 4; i++) {
      last = await t.http.post('/v1/auth/login', { email: m.adminEmail, password: 'wrong password' });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
    expect(last!.body.error).toMatchObject({ type: 'rate_limited', code: 'rate_limited' });
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('limits each credential per second, separately from others', async () => {
    const burst = await Promise.all(
      Array.from({ length: 8 }, () => t.http.get('/v1/contacts', { token: m.secretKey })),
    );
    const codes = burst.map((r) => r.status);
    expect(codes.filter((s) => s === 200).length).toBeLessThanOrEqual(5);
    expect(codes).toContain(429);
    await new Promise((r) => setTimeout(r, 1100));
    expect((await t.http.get('/v1/contacts', { token: m.secretKey })).status).toBe(200);
  });

  it('never limits health checks or the public config', async () => {
    const codes = await Promise.all(Array.from({ length: 10 }, () => t.http.get('/health')));
    expect(codes.every((r) => r.status === 200)).toBe(true);
  });
});
