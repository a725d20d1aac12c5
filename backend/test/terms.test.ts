import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SessionsService } from '../src/domain/users/sessions.service.js';
import { WorkerService } from '../src/platform/worker/worker.service.js';
import { startApp, type TestApp } from './support/app.js';
import { applicationBody } from './support/credit.js';
import { login, signUpMerchant, unique, type SignedUpMerchant } from './support/factories.js';

interface Setup {
  m: SignedUpMerchant;
  member: string;
}

describe('payment terms and the terms-lock policy', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startApp()));
  afterAll(async () => t?.close());

  /** A merchant with the given policy, a member session, allowed net days 30/45/60. */
  const merchant = async (termsPolicy: 'locked' | 'flexible'): Promise<Setup> => {
    const m = await signUpMerchant(t.http);
    await t.http.patch('/v1/merchant/settings', { termsPolicy, allowedNetDays: [30, 45, 60] }, { token: m.secretKey });
    const email = `member-${unique()}@merchant.example`;
    await t.http.post(
      '/v1/users',
      { email, name: 'Member', role: 'member', password: 'member password' },
      { token: m.secretKey },
    );
    return { m, member: await login(t.http, email, 'member password') };
  };

  /** A verified contact with its customer session and the offer the application made. */
  const verifiedContact = async (s: Setup) => {
    const res = await t.http.post('/v1/credit-applications', applicationBody({ mode: 'credit_check_with_terms' }), {
      token: s.m.secretKey,
    });
    expect(res.status).toBe(201);
    const session = await customerSession(s.m.merchantId, res.body.contact.id);
    return { contactId: res.body.contact.id as string, offerId: res.body.termsOffer.id as string, session };
  };

  const customerSession = async (merchantId: string, contactId: string) =>
    (await t.app.get(SessionsService).createCustomerSession(merchantId, contactId)).token;

  const offer = (
    token: string,
    contactId: string,
    body: Record<string, unknown> = { netDays: 45, creditLimit: 2_500_000, currency: 'USD' },
  ) => t.http.post(`/v1/contacts/${contactId}/terms-offers`, body, { token });

  describe.each(['locked', 'flexible'] as const)('under %s', (policy) => {
    it('lets an admin offer terms; a member only under flexible', async () => {
      const s = await merchant(policy);
      const c = await verifiedContact(s);
      const byAdmin = await offer(s.m.secretKey, c.contactId);
      expect(byAdmin.status).toBe(201);
      expect(byAdmin.body).toMatchObject({
        contactId: c.contactId,
        netDays: 45,
        creditLimit: 2_500_000,
        status: 'offered',
      });
      const previous = await t.http.get(`/v1/customer/terms-offers/${c.offerId}`, { token: c.session });
      expect(previous.body.status).toBe('withdrawn'); // a new offer replaces the open one

      const byMember = await offer(s.member, c.contactId);
      if (policy === 'locked') {
        expect(byMember.status).toBe(403);
        expect(byMember.body.error.code).toBe('terms_locked');
      } else {
        expect(byMember.status).toBe(201);
        const outside = await offer(s.member, c.contactId, { netDays: 90, creditLimit: 100, currency: 'USD' });
        expect(outside.status).toBe(422);
        expect(outside.body.error).toMatchObject({ code: 'net_days_not_allowed', param: 'netDays' });
      }
    });

    it('lets the customer accept as offered; another net days only under flexible', async () => {
      const s = await merchant(policy);
      const c = await verifiedContact(s);
      const asked = await t.http.post(
        `/v1/customer/terms-offers/${c.offerId}/accept`,
        { signatureName: 'Jordan Lee', netDays: 60 },
        { token: c.session },
      );
      if (policy === 'locked') {
        expect(asked.status).toBe(409);
        expect(asked.body.error.code).toBe('terms_locked');
        const asOffered = await t.http.post(
          `/v1/customer/terms-offers/${c.offerId}/accept`,
          { signatureName: 'Jordan Lee' },
          { token: c.session },
        );
        expect(asOffered.status).toBe(200);
        expect(asOffered.body).toMatchObject({ status: 'accepted', acceptedNetDays: 30 });
      } else {
        expect(asked.status).toBe(200);
        expect(asked.body).toMatchObject({ status: 'accepted', acceptedNetDays: 60 });
      }
      const contact = await t.http.get(`/v1/contacts/${c.contactId}`, { token: s.m.secretKey });
      expect(contact.body.status).toBe('authorized');
      expect(contact.body.terms).toMatchObject({
        contractId: expect.stringMatching(/^con_/),
        netDays: policy === 'locked' ? 30 : 60,
        creditLimit: 1_000_000,
        currency: 'USD',
      });
    });

    it('lets an admin end a contract; a member only under flexible', async () => {
      const s = await merchant(policy);
      const c = await verifiedContact(s);
      await t.http.post(
        `/v1/customer/terms-offers/${c.offerId}/accept`,
        { signatureName: 'Jordan Lee' },
        { token: c.session },
      );
      const byMember = await t.http.post(`/v1/contacts/${c.contactId}/end-contract`, {}, { token: s.member });
      expect(byMember.status).toBe(policy === 'locked' ? 403 : 200);
      if (policy === 'locked') {
        expect(byMember.body.error.code).toBe('terms_locked');
        const byAdmin = await t.http.post(`/v1/contacts/${c.contactId}/end-contract`, {}, { token: s.m.secretKey });
        expect(byAdmin.status).toBe(200);
      }
      const contact = await t.http.get(`/v1/contacts/${c.contactId}`, { token: s.m.secretKey });
      expect(contact.body).toMatchObject({ status: 'verified', terms: null });
    });
  });

  it('records who signed, when and from where; events for webhooks', async () => {
    const s = await merchant('locked');
    const c = await verifiedContact(s);
    await t.http.post(
      `/v1/customer/terms-offers/${c.offerId}/accept`,
      { signatureName: '  Jordan Q. Lee ' },
      { token: c.session },
    );
    const [contract] = await t.db.dataSource.query(
      `SELECT signature_name, signature_ip, signed_at, status FROM contracts WHERE merchant_id = $1 AND contact_id = $2`,
      [s.m.merchantId, c.contactId],
    );
    expect(contract).toMatchObject({
      signature_name: 'Jordan Q. Lee',
      signature_ip: expect.stringMatching(/127\.0\.0\.1/),
      status: 'active',
    });
    const events = await t.db.dataSource.query(`SELECT type FROM events WHERE merchant_id = $1 ORDER BY id`, [
      s.m.merchantId,
    ]);
    expect(events.map((e: { type: string }) => e.type)).toEqual([
      'contact.verified',
      'terms_offer.created',
      'contact.authorized',
      'terms_offer.accepted',
    ]);
  });

  it('answers an offer once, and declining leaves the contact verified', async () => {
    const s = await merchant('locked');
    const c = await verifiedContact(s);
    const declined = await t.http.post(`/v1/customer/terms-offers/${c.offerId}/decline`, {}, { token: c.session });
    expect(declined.status).toBe(200);
    expect(declined.body.status).toBe('declined');
    const accept = await t.http.post(
      `/v1/customer/terms-offers/${c.offerId}/accept`,
      { signatureName: 'J' },
      { token: c.session },
    );
    expect(accept.status).toBe(409);
    expect(accept.body.error.code).toBe('offer_not_open');
    expect((await t.http.get(`/v1/contacts/${c.contactId}`, { token: s.m.secretKey })).body.status).toBe('verified');
    const events = await t.db.dataSource.query(
      `SELECT type FROM events WHERE merchant_id = $1 AND type = 'terms_offer.declined'`,
      [s.m.merchantId],
    );
    expect(events).toHaveLength(1);
  });

  it('lets two racing accepts sign once', async () => {
    const s = await merchant('locked');
    const c = await verifiedContact(s);
    const [a, b] = await Promise.all([
      t.http.post(`/v1/customer/terms-offers/${c.offerId}/accept`, { signatureName: 'A' }, { token: c.session }),
      t.http.post(`/v1/customer/terms-offers/${c.offerId}/accept`, { signatureName: 'B' }, { token: c.session }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const contracts = await t.db.dataSource.query(`SELECT count(*)::int AS n FROM contracts WHERE merchant_id = $1`, [
      s.m.merchantId,
    ]);
    expect(contracts[0].n).toBe(1);
  });

  it('expires offers after 30 days', async () => {
    const s = await merchant('locked');
    const c = await verifiedContact(s);
    await t.http.post('/dev/clock', { advance: 'P30DT1M' });
    const accept = await t.http.post(
      `/v1/customer/terms-offers/${c.offerId}/accept`,
      { signatureName: 'J' },
      { token: await customerSession(s.m.merchantId, c.contactId) },
    );
    expect(accept.status).toBe(409);
    expect(accept.body.error.code).toBe('offer_not_open');
    await t.app.get(WorkerService).runOnce();
    const [row] = await t.db.dataSource.query(`SELECT status FROM terms_offers WHERE merchant_id = $1 AND id = $2`, [
      s.m.merchantId,
      c.offerId,
    ]);
    expect(row.status).toBe('expired');
  });

  it('withdraws an open offer, keeps contacts to their own offers, and refuses discounts and unverified contacts', async () => {
    const s = await merchant('flexible');
    const c = await verifiedContact(s);
    const withdrawn = await t.http.post(
      `/v1/contacts/${c.contactId}/terms-offers/${c.offerId}/withdraw`,
      {},
      { token: s.m.secretKey },
    );
    expect(withdrawn.body.status).toBe('withdrawn');
    expect(
      (
        await t.http.post(
          `/v1/contacts/${c.contactId}/terms-offers/${c.offerId}/withdraw`,
          {},
          { token: s.m.secretKey },
        )
      ).body.error.code,
    ).toBe('offer_not_open');

    const other = await verifiedContact(s);
    expect((await t.http.get(`/v1/customer/terms-offers/${c.offerId}`, { token: other.session })).status).toBe(404);

    const discount = await offer(s.m.secretKey, c.contactId, {
      netDays: 30,
      creditLimit: 100,
      currency: 'USD',
      earlyPaymentDiscount: { percent: 2, days: 10 },
    });
    expect(discount.status).toBe(422);
    expect(discount.body.error.code).toBe('early_payment_discount_unsupported');
    const accepted = await t.http.post(
      `/v1/customer/terms-offers/${other.offerId}/accept`,
      { signatureName: 'X', discountPercent: 2 },
      { token: other.session },
    );
    expect(accepted.body.error.code).toBe('early_payment_discount_unsupported');

    const prospect = await t.http.post(
      '/v1/contacts',
      { companyName: 'P', email: `p-${unique()}@x.example` },
      { token: s.m.secretKey },
    );
    const toProspect = await offer(s.m.secretKey, prospect.body.id);
    expect(toProspect.status).toBe(409);
    expect(toProspect.body.error.code).toBe('contact_not_verified');
  });
});

describe('the platform underwriting policy', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startApp()));
  afterAll(async () => t?.close());
  const platform = () => ({ token: t.config.CC_PLATFORM_ADMIN_TOKEN });

  it('starts at a passing score of 60 and is versioned; decisions record the version', async () => {
    const current = await t.http.get('/v1/platform/underwriting-policy', platform());
    expect(current.status).toBe(200);
    expect(current.body).toMatchObject({ passingScore: 60, version: 1 });
    const m = await signUpMerchant(t.http);
    const put = await t.http.request(
      'PUT',
      '/v1/platform/underwriting-policy',
      { passingScore: 85, modelVersion: 'cc-bureau-2026.2' },
      platform(),
    );
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ passingScore: 85, modelVersion: 'cc-bureau-2026.2', version: 2 });
    const res = await t.http.post('/v1/credit-applications', applicationBody(), { token: m.secretKey });
    expect(res.body.application).toMatchObject({
      status: 'declined',
      score: 82,
      policyVersion: 2,
      modelVersion: 'cc-bureau-2026.2',
    });
    await t.http.request(
      'PUT',
      '/v1/platform/underwriting-policy',
      { passingScore: 60, modelVersion: 'cc-bureau-2026.2' },
      platform(),
    );
  });

  it('is out of every merchant credential’s reach: 403 platform_policy', async () => {
    const m = await signUpMerchant(t.http);
    const session = await login(t.http, m.adminEmail, m.adminPassword);
    for (const token of [m.secretKey, session]) {
      const get = await t.http.get('/v1/platform/underwriting-policy', { token });
      const put = await t.http.request(
        'PUT',
        '/v1/platform/underwriting-policy',
        { passingScore: 1, modelVersion: 'x' },
        { token },
      );
      expect([get.status, get.body.error.code, put.status, put.body.error.code]).toEqual([
        403,
        'platform_policy',
        403,
        'platform_policy',
      ]);
    }
    expect((await t.http.get('/v1/platform/underwriting-policy')).status).toBe(401);
    const bad = await t.http.request(
      'PUT',
      '/v1/platform/underwriting-policy',
      { passingScore: 101, modelVersion: 'x' },
      platform(),
    );
    expect(bad.status).toBe(422);
    expect(bad.body.error.param).toBe('passingScore');
  });
});
