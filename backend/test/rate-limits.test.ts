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

describe('rate limits that cannot be sidestepped', () => {
  let t: TestApp;
  let m: SignedUpMerchant;
  let other: SignedUpMerchant;
  /** From 127.0.0.1, a proxy CC_TRUST_PROXY names: X-Forwarded-For is the client's address. */
  const from = (ip: string, extra: Record<string, string> = {}) => ({ headers: { 'x-forwarded-for': ip, ...extra } });
  beforeAll(async () => {
    t = await startApp({ CC_RATE_LIMIT_ANONYMOUS_PER_MINUTE: '3', CC_TRUST_PROXY: '127.0.0.1' });
    m = await signUpMerchant(t.http);
    other = await signUpMerchant(t.http);
  });
  afterAll(async () => t?.close());

  it('counts an encoded path (/%761/auth/login) as the route it reaches', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await t.http.post(
        '/%761/auth/login',
        { email: 'not-a-user@example.com', password: 'nope' },
        from('192.0.2.1'),
      );
      codes.push(res.status);
    }
    expect(codes).toEqual([401, 401, 401, 429]);
  });

  it("limits an anonymous route by address even when an Authorization header is sent (one's own sk_ or a made-up one)", async () => {
    const codes: number[] = [];
    for (const auth of [
      `Bearer ${m.secretKey}`,
      `bearer ${m.secretKey}`,
      'Bearer sk_made_up_1',
      'Bearer sk_made_up_2',
    ]) {
      const res = await t.http.post(
        '/v1/auth/login',
        { email: 'not-a-user@example.com', password: 'nope' },
        from('192.0.2.2', { authorization: auth }),
      );
      codes.push(res.status);
    }
    expect(codes.slice(3)).toEqual([429]);
    expect(codes.slice(0, 3).every((s) => s !== 429)).toBe(true);
  });

  it('throttles failed logins per account, whatever address they come from, with Retry-After', async () => {
    const email = m.adminEmail.toUpperCase(); // the same account however the email is spelled
    const codes: number[] = [];
    for (let i = 1; i <= 10; i++) {
      codes.push((await t.http.post('/v1/auth/login', { email, password: 'wrong' }, from(`198.51.100.${i}`))).status);
    }
    expect(codes).toEqual(Array(10).fill(401));
    const limited = await t.http.post(
      '/v1/auth/login',
      { email: m.adminEmail, password: 'wrong' },
      from('198.51.100.11'),
    );
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limited');
    const wait = Number(limited.headers.get('retry-after'));
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(15 * 60);
    // Even the right password waits; another account is not affected.
    const right = await t.http.post(
      '/v1/auth/login',
      { email: m.adminEmail, password: m.adminPassword },
      from('198.51.100.12'),
    );
    expect(right.status).toBe(429);
    const others = await t.http.post(
      '/v1/auth/login',
      { email: other.adminEmail, password: other.adminPassword },
      from('198.51.100.13'),
    );
    expect(others.status).toBe(200);
  });
});

describe('X-Forwarded-For from a proxy CC_TRUST_PROXY does not name', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp({ CC_RATE_LIMIT_ANONYMOUS_PER_MINUTE: '3', CC_TRUST_PROXY: '10.9.9.9' });
  });
  afterAll(async () => t?.close());

  it('is ignored: rotating it does not give a fresh bucket', async () => {
    const codes: number[] = [];
    for (let i = 1; i <= 4; i++) {
      const res = await t.http.post(
        '/v1/auth/login',
        { email: 'nobody@example.com', password: 'nope' },
        { headers: { 'x-forwarded-for': `203.0.113.${i}` } },
      );
      codes.push(res.status);
    }
    expect(codes).toEqual([401, 401, 401, 429]);
  });
});
