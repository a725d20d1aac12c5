import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startApp, type TestApp } from './support/app.js';
import { signUpMerchant } from './support/factories.js';

describe('smoke', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startApp()));
  afterAll(async () => t?.close());

  it('signs up and reads the merchant', async () => {
    const m = await signUpMerchant(t.http);
    const res = await t.http.get('/v1/merchant', { token: m.secretKey });
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(m.merchantId);
  });
});
