import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { WorkerService } from '../src/platform/worker/worker.service.js';
import { startApp, type TestApp } from './support/app.js';
import { applicationBody, ORIGIN } from './support/credit.js';
import { createContact, signUpMerchant, type SignedUpMerchant } from './support/factories.js';

describe('credit applications', () => {
  let t: TestApp;
  let m: SignedUpMerchant;
  const widget = () => ({ publishableKey: m.publishableKey, origin: ORIGIN });
  const count = async (table: string) =>
    (await t.db.dataSource.query(`SELECT count(*)::int AS n FROM ${table} WHERE merchant_id = $1`, [m.merchantId]))[0]
      .n;

  beforeAll(async () => {
    t = await startApp();
    m = await signUpMerchant(t.http);
    await t.http.patch('/v1/merchant/settings', { allowedOrigins: [ORIGIN] }, { token: m.secretKey });
    await new Promise((r) => setTimeout(r, 5100)); // the origin check's merchant cache
  });
  afterAll(async () => t?.close());

  it('approves a credit check from a widget: a verified contact, no terms, a customer session', async () => {
    const body = applicationBody();
    const res = await t.http.post('/v1/credit-applications', body, widget());
    expect(res.status).toBe(201);
    expect(res.body.application).toMatchObject({
      id: expect.stringMatching(/^app_/),
      status: 'approved',
      score: 82,
      mode: 'credit_check',
      policyVersion: expect.any(Number),
    });
    expect(res.body.application.reasons[0]).toEqual({ code: expect.any(String), description: expect.any(String) });
    expect(res.body.contact).toEqual({ id: expect.stringMatching(/^ct_/), status: 'verified' });
    expect(res.body).not.toHaveProperty('termsOffer');
    expect(res.body.customerSession.token).toMatch(/^cs_/);

    const contact = await t.http.get(`/v1/contacts/${res.body.contact.id}`, { token: m.secretKey });
    expect(contact.body).toMatchObject({
      status: 'verified',
      companyName: body.business.legalName,
      email: body.applicant.email,
      terms: null,
    });
    const merchantView = await t.http.get(`/v1/credit-applications/${res.body.application.id}`, { token: m.secretKey });
    expect(merchantView.body).toMatchObject({
      status: 'approved',
      score: 82,
      passingScore: 60,
      business: { taxId: '12-3456789' },
    });
    const events = await t.db.dataSource.query(`SELECT type FROM events WHERE merchant_id = $1 AND subject_id = $2`, [
      m.merchantId,
      res.body.contact.id,
    ]);
    expect(events.map((e: { type: string }) => e.type)).toEqual(['contact.verified']);
    expect(await count('terms_offers')).toBe(0);
  });

  it('declines a low score: credit_declined, with reasons, and the contact may apply again', async () => {
    const email = 'declined@customer.example';
    const res = await t.http.post('/v1/credit-applications', applicationBody({ taxId: '98-7654321', email }), widget());
    expect(res.status).toBe(201);
    expect(res.body.application).toMatchObject({ status: 'declined', score: 31 });
    expect(res.body.application.reasons.map((r: { code: string }) => r.code)).toContain('past_delinquencies');
    expect(res.body.contact.status).toBe('credit_declined');

    const again = await t.http.post('/v1/credit-applications', applicationBody({ taxId: '12-3456789', email }), {
      token: m.secretKey,
    });
    expect(again.status).toBe(201);
    expect(again.body.contact).toEqual({ id: res.body.contact.id, status: 'verified' });
    expect(again.body).not.toHaveProperty('customerSession');
  });

  it('offers the merchant’s default terms inline in credit_check_with_terms mode', async () => {
    const res = await t.http.post(
      '/v1/credit-applications',
      applicationBody({ mode: 'credit_check_with_terms' }),
      widget(),
    );
    expect(res.status).toBe(201);
    expect(res.body.termsOffer).toMatchObject({
      id: expect.stringMatching(/^off_/),
      netDays: 30,
      creditLimit: 1000000,
      currency: 'USD',
      status: 'offered',
    });
    expect(Date.parse(res.body.termsOffer.expiresAt) - Date.now()).toBeGreaterThan(29.9 * 86400_000);
    const offer = await t.http.get(`/v1/customer/terms-offers/${res.body.termsOffer.id}`, {
      token: res.body.customerSession.token,
    });
    expect(offer.status).toBe(200);
    expect(offer.body).toMatchObject({ id: res.body.termsOffer.id, termsPolicy: 'locked', allowedNetDays: [30] });
  });

  it('keeps a pending decision for the worker when the bureau is unavailable', async () => {
    const res = await t.http.post(
      '/v1/credit-applications',
      applicationBody({ mode: 'credit_check_with_terms', taxId: '55-5555555' }),
      widget(),
    );
    expect(res.status).toBe(201);
    expect(res.body.application).toMatchObject({ status: 'pending', score: null });
    expect(res.body.contact.status).toBe('prospect');
    const token = res.body.customerSession.token;
    const poll = () => t.http.get(`/v1/customer/credit-applications/${res.body.application.id}`, { token });
    expect((await poll()).body.application.status).toBe('pending');

    await t.app.get(WorkerService).runOnce(); // not due yet
    expect((await poll()).body.application.status).toBe('pending');
    await t.http.post('/dev/clock', { advance: 'PT2M' });
    await t.app.get(WorkerService).runOnce();
    const decided = await poll();
    expect(decided.body.application).toMatchObject({ status: 'approved', score: 75 });
    expect(decided.body.contact.status).toBe('verified');
    expect(decided.body.termsOffer).toMatchObject({ status: 'offered', netDays: 30 });
  });

  it('answers a known email without a session and mails the decision to that address', async () => {
    const known = await createContact(t.http, m.secretKey, {
      email: 'known@customer.example',
      companyName: 'Known Co',
    });
    const res = await t.http.post(
      '/v1/credit-applications',
      applicationBody({ email: 'KNOWN@customer.example', mode: 'credit_check_with_terms' }),
      widget(),
    );
    expect(res.status).toBe(201);
    expect(res.body.contact.id).toBe(known.id);
    expect(res.body).not.toHaveProperty('customerSession');
    await t.app.get(WorkerService).runOnce();
    const mail = await t.http.get('/dev/mailbox?to=known@customer.example');
    expect(mail.body.data[0]).toMatchObject({
      subject: expect.stringContaining('approved'),
      replyTo: expect.stringMatching(/@merchant\.example$/),
    });
    expect(mail.body.data[0].text).toContain('net 30 days, credit limit 10,000.00 USD');
  });

  it('refuses a mode the merchant does not take, with nothing written', async () => {
    const merchant = await signUpMerchant(t.http);
    await t.http.patch('/v1/merchant/settings', { creditAppModes: ['credit_check'] }, { token: merchant.secretKey });
    const res = await t.http.post('/v1/credit-applications', applicationBody({ mode: 'credit_check_with_terms' }), {
      token: merchant.secretKey,
    });
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({ code: 'mode_not_allowed', param: 'mode' });
    const contacts = await t.db.dataSource.query('SELECT count(*)::int AS n FROM contacts WHERE merchant_id = $1', [
      merchant.merchantId,
    ]);
    expect(contacts[0].n).toBe(0);
  });

  it('refuses bad input field by field, writing nothing', async () => {
    const before = [await count('contacts'), await count('credit_applications')];
    const cases: [Record<string, unknown>, string, string][] = [
      [{ ...applicationBody(), consent: { agreed: false, name: 'J' } }, 'parameter_invalid', 'consent.agreed'],
      [{ ...applicationBody(), consent: { name: 'J' } }, 'parameter_missing', 'consent.agreed'],
      [applicationBody({ email: 'not-an-email' }), 'parameter_invalid', 'applicant.email'],
      [applicationBody({ mode: 'instant_loan' }), 'parameter_invalid', 'mode'],
      [{ ...applicationBody(), requestedCreditLimit: -100 }, 'parameter_invalid', 'requestedCreditLimit'],
      [{ ...applicationBody(), requestedCreditLimit: 10.5 }, 'parameter_invalid', 'requestedCreditLimit'],
      [
        { ...applicationBody(), business: { ...applicationBody().business, annualRevenue: 1.5 } },
        'parameter_invalid',
        'business.annualRevenue',
      ],
      [
        {
          ...applicationBody(),
          business: {
            ...applicationBody().business,
            address: { line1: 'x', region: 'OH', postalCode: '1', country: 'US' },
          },
        },
        'parameter_missing',
        'business.address.city',
      ],
      [
        {
          ...applicationBody(),
          business: {
            ...applicationBody().business,
            address: { ...applicationBody().business.address, country: 'USA' },
          },
        },
        'parameter_invalid',
        'business.address.country',
      ],
      [
        { ...applicationBody(), business: { ...applicationBody().business, taxId: 'abc' } },
        'parameter_invalid',
        'business.taxId',
      ],
      [
        { ...applicationBody(), applicant: { ...applicationBody().applicant, nickname: 'JJ' } },
        'unknown_field',
        'applicant.nickname',
      ],
      [
        { ...applicationBody(), earlyPaymentDiscount: { percent: 2 } },
        'early_payment_discount_unsupported',
        'earlyPaymentDiscount',
      ],
    ];
    for (const [body, code, param] of cases) {
      const res = await t.http.post('/v1/credit-applications', body, widget());
      expect({ param, status: res.status, code: res.body.error?.code, got: res.body.error?.param }).toEqual({
        param,
        status: 422,
        code,
        got: param,
      });
    }
    const contactId = await t.http.post(
      '/v1/credit-applications',
      { ...applicationBody(), contactId: 'ct_x' },
      widget(),
    );
    expect(contactId.status).toBe(422);
    expect(contactId.body.error.param).toBe('contactId');
    expect([await count('contacts'), await count('credit_applications')]).toEqual(before);
  });

  it('takes publishable keys only from allowed origins', async () => {
    const res = await t.http.post('/v1/credit-applications', applicationBody(), {
      publishableKey: m.publishableKey,
      origin: 'https://elsewhere.example',
    });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('origin_not_allowed');
  });

  it('is idempotent: a replay answers the same application and leaves the session out', async () => {
    const body = applicationBody();
    const first = await t.http.post('/v1/credit-applications', body, { ...widget(), idempotencyKey: 'app-once' });
    const again = await t.http.post('/v1/credit-applications', body, { ...widget(), idempotencyKey: 'app-once' });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.application.id).toBe(first.body.application.id);
    expect(again.body).not.toHaveProperty('customerSession.token');
    const apps = await t.db.dataSource.query(
      `SELECT count(*)::int AS n FROM credit_applications a JOIN contacts c ON c.merchant_id = a.merchant_id AND c.id = a.contact_id WHERE c.email = $1`,
      [body.applicant.email],
    );
    expect(apps[0].n).toBe(1);
  });

  it('lets a secret key apply for an existing contact, and lists applications for the merchant only', async () => {
    const contact = await createContact(t.http, m.secretKey);
    const res = await t.http.post(
      '/v1/credit-applications',
      { ...applicationBody(), contactId: contact.id },
      { token: m.secretKey },
    );
    expect(res.status).toBe(201);
    expect(res.body.contact).toEqual({ id: contact.id, status: 'verified' });
    const list = await t.http.get(`/v1/credit-applications?contactId=${contact.id}`, { token: m.secretKey });
    expect(list.body.data.map((a: { id: string }) => a.id)).toEqual([res.body.application.id]);
    const other = await signUpMerchant(t.http);
    expect(
      (await t.http.get(`/v1/credit-applications/${res.body.application.id}`, { token: other.secretKey })).status,
    ).toBe(404);
    expect(
      (await t.http.get(`/v1/customer/credit-applications/${res.body.application.id}`, { token: other.secretKey }))
        .status,
    ).toBe(403);
  });
});
