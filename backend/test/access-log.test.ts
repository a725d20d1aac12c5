import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startApp, type TestApp } from './support/app.js';
import { signUpMerchant, type SignedUpMerchant } from './support/factories.js';

/** Structured access logs: one JSON line per request, with its id, route, status and duration, and no secret. */
describe('access log', () => {
  let t: TestApp;
  let m: SignedUpMerchant;
  const lines: string[] = [];
  const logged = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  beforeAll(async () => {
    t = await startApp({}, { accessLog: { write: (line: string) => void lines.push(line) } });
    m = await signUpMerchant(t.http);
  });
  afterAll(async () => t?.close());

  it('writes one line per request: request id, method, route pattern, path, status, duration', async () => {
    lines.length = 0;
    const res = await t.http.get('/v1/invoices/inv_missing', {
      token: m.secretKey,
      headers: { 'x-request-id': 'lb-7f3a9c.trace-01' },
    });
    expect(res.status).toBe(404);
    expect(res.headers.get('request-id')).toBe('lb-7f3a9c.trace-01');
    expect(logged()).toEqual([
      {
        level: 30,
        time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        requestId: 'lb-7f3a9c.trace-01',
        method: 'GET',
        route: '/v1/invoices/:id',
        path: '/v1/invoices/inv_missing',
        status: 404,
        durationMs: expect.any(Number),
        msg: 'request',
      },
    ]);
  });

  it('makes its own id when the incoming X-Request-Id is unusable, and echoes it', async () => {
    lines.length = 0;
    const res = await t.http.get('/v1/contacts', {
      token: m.secretKey,
      headers: { 'x-request-id': 'has spaces "and" quotes' },
    });
    expect(res.status).toBe(200);
    const id = res.headers.get('request-id');
    expect(id).toMatch(/^req_/);
    expect(logged()).toEqual([expect.objectContaining({ requestId: id, route: '/v1/contacts', status: 200 })]);
  });

  it('never logs a credential, a cookie, a password, a card number or a query string', async () => {
    lines.length = 0;
    const password = 'correct-horse-battery-staple-91';
    await t.http.post('/v1/merchants', { name: 'Log Co', adminEmail: 'owner@log.example', adminPassword: password });
    await t.http.get('/v1/contacts?email=secret-query%40x.example', {
      token: m.secretKey,
      headers: { cookie: 'cc_session=cookie-secret-value' },
    });
    await t.http.post(
      '/v1/customer/payment-methods',
      { type: 'card', card: { number: '4242424242424242', expMonth: 12, expYear: 2034, cvc: '123' } },
      { token: m.secretKey },
    );
    expect(lines).toHaveLength(3);
    const all = lines.join('\n');
    for (const secret of [password, m.secretKey, 'cookie-secret-value', '4242424242424242', 'secret-query'])
      expect(all).not.toContain(secret);
  });
});
