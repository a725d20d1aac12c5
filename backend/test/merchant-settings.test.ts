import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startApp, type TestApp } from './support/app.js';
import { signUpMerchant, unique, type SignedUpMerchant } from './support/factories.js';

describe('merchant settings', () => {
  let t: TestApp;
  let m: SignedUpMerchant;
  let member: string;
  beforeAll(async () => {
    t = await startApp();
    m = await signUpMerchant(t.http);
    const email = `member-${unique()}@merchant.example`;
    await t.http.post(
      '/v1/users',
      { email, name: 'Morgan Member', role: 'member', password: 'member password 1' },
      { token: m.secretKey },
    );
    member = (await t.http.post('/v1/auth/login', { email, password: 'member password 1' })).body.token;
  });
  afterAll(async () => t?.close());

  it('merges a patch into the settings and answers the whole merchant', async () => {
    const res = await t.http.patch(
      '/v1/merchant/settings',
      {
        termsPolicy: 'flexible',
        allowedNetDays: [60, 30, 45],
        partialPayments: { defaultMinimumPercent: 25, byMethod: { card: 50 } },
        theme: { primaryColor: '#0b5cad' },
      },
      { token: m.secretKey },
    );
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(m.merchantId);
    expect(res.body.settings).toMatchObject({
      termsPolicy: 'flexible',
      allowedNetDays: [30, 45, 60],
      partialPayments: { defaultMinimumPercent: 25, byMethod: { card: 50 } },
      defaultTerms: { netDays: 30, creditLimit: 1000000, currency: 'USD' },
      theme: { primaryColor: '#0b5cad' },
    });
    const nested = await t.http.patch(
      '/v1/merchant/settings',
      { partialPayments: { byMethod: { ach: 10 } }, defaultTerms: { netDays: 45 } },
      { token: m.secretKey },
    );
    expect(nested.body.settings.partialPayments).toEqual({
      defaultMinimumPercent: 25,
      byMethod: { card: 50, ach: 10 },
    });
    expect(nested.body.settings.defaultTerms).toEqual({ netDays: 45, creditLimit: 1000000, currency: 'USD' });
    const read = await t.http.get('/v1/merchant', { token: m.secretKey });
    expect(read.body.settings).toEqual(nested.body.settings);
  });

  it('removes with null (RFC 7396), falling back to the default', async () => {
    await t.http.patch(
      '/v1/merchant/settings',
      { walletUrl: 'https://shop.example.com/account' },
      { token: m.secretKey },
    );
    const res = await t.http.patch(
      '/v1/merchant/settings',
      { walletUrl: null, partialPayments: { byMethod: { card: null } } },
      { token: m.secretKey },
    );
    expect(res.status).toBe(200);
    expect(res.body.settings.walletUrl).toBeNull();
    expect(res.body.settings.partialPayments.byMethod).toEqual({ ach: 10 });
  });

  it('is admin only: a member gets 403 admin_required and nothing changes', async () => {
    const res = await t.http.patch('/v1/merchant/settings', { termsPolicy: 'locked' }, { token: member });
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({ type: 'permission', code: 'admin_required' });
    expect((await t.http.get('/v1/merchant', { token: member })).body.settings.termsPolicy).toBe('flexible');
  });

  it('refuses a passing score with 403 platform_policy', async () => {
    for (const body of [{ passingScore: 10 }, { underwriting: { passingScore: 10 } }]) {
      const res = await t.http.patch('/v1/merchant/settings', body, { token: m.secretKey });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('platform_policy');
    }
  });

  it('refuses discounts, unknown fields and bad values, naming the field by path', async () => {
    const cases: [unknown, number, string, string][] = [
      [
        { defaultTerms: { earlyPaymentDiscount: 2 } },
        422,
        'early_payment_discount_unsupported',
        'defaultTerms.earlyPaymentDiscount',
      ],
      [{ colour: 'red' }, 422, 'unknown_field', 'colour'],
      [{ theme: { shadow: 'big' } }, 422, 'unknown_field', 'theme.shadow'],
      [{ termsPolicy: 'loose' }, 422, 'parameter_invalid', 'termsPolicy'],
      [{ defaultTerms: { currency: 'XYZ' } }, 422, 'parameter_invalid', 'defaultTerms.currency'],
      [{ defaultTerms: { creditLimit: 10.5 } }, 422, 'parameter_invalid', 'defaultTerms.creditLimit'],
      [{ allowedNetDays: [30, 400] }, 422, 'parameter_invalid', 'allowedNetDays.1'],
      [{ allowedNetDays: [] }, 422, 'parameter_invalid', 'allowedNetDays'],
      [
        { partialPayments: { defaultMinimumPercent: 0 } },
        422,
        'parameter_invalid',
        'partialPayments.defaultMinimumPercent',
      ],
      [{ partialPayments: { byMethod: { card: 101 } } }, 422, 'parameter_invalid', 'partialPayments.byMethod.card'],
      [{ partialPayments: { byMethod: { wire: 10 } } }, 422, 'unknown_field', 'partialPayments.byMethod.wire'],
      [{ creditAppModes: ['everything'] }, 422, 'parameter_invalid', 'creditAppModes.0'],
      [{ allowedOrigins: ['https://shop.example.com/path'] }, 422, 'parameter_invalid', 'allowedOrigins.0'],
      [{ allowedOrigins: ['http://shop.example.com'] }, 422, 'parameter_invalid', 'allowedOrigins.0'],
      [{ walletUrl: 'javascript:alert(1)' }, 422, 'parameter_invalid', 'walletUrl'],
      [{ notificationEmail: 'nope' }, 422, 'parameter_invalid', 'notificationEmail'],
      [{ theme: { primaryColor: 'red;background:url(x)' } }, 422, 'parameter_invalid', 'theme.primaryColor'],
    ];
    const before = (await t.http.get('/v1/merchant', { token: m.secretKey })).body.settings;
    for (const [body, status, code, param] of cases) {
      const res = await t.http.patch('/v1/merchant/settings', body, { token: m.secretKey });
      expect({ body, status: res.status, code: res.body.error?.code, param: res.body.error?.param }).toEqual({
        body,
        status,
        code,
        param,
      });
    }
    expect((await t.http.get('/v1/merchant', { token: m.secretKey })).body.settings).toEqual(before);
  });

  it('refuses inherited names (hasOwnProperty, constructor, __proto__) as unknown fields, at any depth', async () => {
    const before = (await t.http.get('/v1/merchant', { token: m.secretKey })).body.settings;
    // A `__proto__` key never reaches the code: the JSON parser refuses it (400 invalid_json).
    const cases: [string, number, string, string | undefined][] = [
      ['{"hasOwnProperty":{}}', 422, 'unknown_field', 'hasOwnProperty'],
      ['{"toString":"x"}', 422, 'unknown_field', 'toString'],
      ['{"theme":{"constructor":{}}}', 422, 'unknown_field', 'theme.constructor'],
      ['{"partialPayments":{"byMethod":{"valueOf":1}}}', 422, 'unknown_field', 'partialPayments.byMethod.valueOf'],
      ['{"__proto__":{"termsPolicy":"flexible"}}', 400, 'invalid_json', undefined],
      ['{"theme":{"__proto__":{"radius":4}}}', 400, 'invalid_json', undefined],
    ];
    for (const [raw, status, code, param] of cases) {
      const res = await t.http.request('PATCH', '/v1/merchant/settings', undefined, { token: m.secretKey, raw });
      expect({ raw, status: res.status, code: res.body.error?.code, param: res.body.error?.param }).toEqual({
        raw,
        status,
        code,
        param,
      });
    }
    expect((await t.http.get('/v1/merchant', { token: m.secretKey })).body.settings).toEqual(before);
  });

  it('keeps each merchant to its own settings', async () => {
    const other = await signUpMerchant(t.http);
    await t.http.patch('/v1/merchant/settings', { allowedNetDays: [15] }, { token: other.secretKey });
    expect((await t.http.get('/v1/merchant', { token: m.secretKey })).body.settings.allowedNetDays).toEqual([
      30, 45, 60,
    ]);
  });

  it('records who changed the settings in the audit log', async () => {
    const rows = await t.db.dataSource.query(
      `SELECT actor_type, action, before->>'termsPolicy' AS before, after->>'termsPolicy' AS after FROM audit_log WHERE merchant_id = $1 AND action = 'merchant.settings_updated' ORDER BY id LIMIT 1`,
      [m.merchantId],
    );
    expect(rows[0]).toEqual({
      actor_type: 'api_key',
      action: 'merchant.settings_updated',
      before: 'locked',
      after: 'flexible',
    });
  });
});
