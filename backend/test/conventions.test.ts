import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startApp, type TestApp } from './support/app.js';
import { createContact, signUpMerchant, type SignedUpMerchant } from './support/factories.js';

describe('API conventions', () => {
  let t: TestApp;
  let m: SignedUpMerchant;
  beforeAll(async () => {
    t = await startApp();
    m = await signUpMerchant(t.http);
  });
  afterAll(async () => t?.close());

  describe('error envelope', () => {
    it('refuses an unknown field with 422 unknown_field naming it', async () => {
      const res = await t.http.post(
        '/v1/contacts',
        { companyName: 'A', email: 'a@b.example', colour: 'red' },
        { token: m.secretKey },
      );
      expect(res.status).toBe(422);
      expect(res.body).toEqual({
        error: { type: 'invalid_request', code: 'unknown_field', message: expect.any(String), param: 'colour' },
      });
    });

    it('names a missing field with parameter_missing', async () => {
      const res = await t.http.post('/v1/contacts', { email: 'a@b.example' }, { token: m.secretKey });
      expect(res.status).toBe(422);
      expect(res.body.error).toMatchObject({ code: 'parameter_missing', param: 'companyName' });
    });

    it('names an invalid field with parameter_invalid', async () => {
      const res = await t.http.post(
        '/v1/contacts',
        { companyName: 'A', email: 'not-an-email' },
        { token: m.secretKey },
      );
      expect(res.status).toBe(422);
      expect(res.body.error).toMatchObject({ type: 'invalid_request', code: 'parameter_invalid', param: 'email' });
    });

    it('answers 400 invalid_json for a body that cannot be parsed, and writes nothing', async () => {
      const res = await t.http.request('POST', '/v1/contacts', undefined, {
        token: m.secretKey,
        raw: '{"companyName": "A",',
      });
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ type: 'invalid_request', code: 'invalid_json' });
    });

    it('refuses any discount field with early_payment_discount_unsupported', async () => {
      const res = await t.http.post(
        '/v1/contacts',
        { companyName: 'A', email: 'd@b.example', earlyPaymentDiscount: 2 },
        { token: m.secretKey },
      );
      expect(res.status).toBe(422);
      expect(res.body.error).toMatchObject({
        code: 'early_payment_discount_unsupported',
        param: 'earlyPaymentDiscount',
      });
    });

    it('answers unknown routes with the envelope, never HTML', async () => {
      const res = await t.http.get('/v1/nothing-here', { token: m.secretKey });
      expect(res.status).toBe(404);
      expect(res.body.error).toMatchObject({ type: 'not_found', code: 'route_not_found' });
    });

    it('gives every answer a request id', async () => {
      const res = await t.http.get('/v1/merchant', { token: m.secretKey });
      expect(res.headers.get('request-id')).toMatch(/^req_/);
    });
  });

  describe('ids and pagination', () => {
    it('pages newest first with limit, startingAfter and hasMore', async () => {
      const merchant = await signUpMerchant(t.http);
      const created: string[] = [];
      for (let i = 0; i < 5; i++) created.push((await createContact(t.http, merchant.secretKey)).id);
      for (const id of created) expect(id).toMatch(/^ct_[0-9a-z]{26}$/);
      const newestFirst = [...created].reverse();

      const first = await t.http.get('/v1/contacts?limit=2', { token: merchant.secretKey });
      expect(first.status).toBe(200);
      expect(first.body.data.map((c: { id: string }) => c.id)).toEqual(newestFirst.slice(0, 2));
      expect(first.body.hasMore).toBe(true);

      const second = await t.http.get(`/v1/contacts?limit=2&startingAfter=${first.body.data[1].id}`, {
        token: merchant.secretKey,
      });
      expect(second.body.data.map((c: { id: string }) => c.id)).toEqual(newestFirst.slice(2, 4));

      const last = await t.http.get(`/v1/contacts?limit=2&startingAfter=${second.body.data[1].id}`, {
        token: merchant.secretKey,
      });
      expect(last.body).toEqual({ data: [expect.objectContaining({ id: newestFirst[4] })], hasMore: false });

      const all = await t.http.get('/v1/contacts', { token: merchant.secretKey });
      expect(all.body.data).toHaveLength(5);
    });

    it('refuses a limit outside 1-100 and unknown query parameters', async () => {
      for (const q of ['limit=0', 'limit=101', 'limit=abc']) {
        const res = await t.http.get(`/v1/contacts?${q}`, { token: m.secretKey });
        expect(res.status).toBe(422);
        expect(res.body.error).toMatchObject({ code: 'parameter_invalid', param: 'limit' });
      }
      const res = await t.http.get('/v1/contacts?sort=name', { token: m.secretKey });
      expect(res.status).toBe(422);
      expect(res.body.error).toMatchObject({ code: 'unknown_field', param: 'sort' });
    });
  });
});
