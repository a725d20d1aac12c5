import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { WorkerService } from '../src/platform/worker/worker.service.js';
import { startApp, type TestApp } from './support/app.js';
import { TEST_TAX_IDS } from '../src/domain/credit/built-in-bureau.js';
import { addCard, authorizedContact, verifiedContact } from './support/billing.js';
import { applicationBody, ORIGIN } from './support/credit.js';
import { login, signUpMerchant, unique, type SignedUpMerchant } from './support/factories.js';
import { scratchDatabase } from './support/postgres.js';

/** Issue 9, "money and policy rules": what a request asks, who sets minimums, when a balance of 0 is paid. */
describe('money and policy rules', () => {
  let t: TestApp;
  let m: SignedUpMerchant;
  let member: string;
  beforeAll(async () => {
    t = await startApp();
    m = await signUpMerchant(t.http);
    const email = `member-${unique()}@merchant.example`;
    await t.http.post(
      '/v1/users',
      { email, name: 'Member', role: 'member', password: 'member password' },
      {
        token: m.secretKey,
      },
    );
    member = await login(t.http, email, 'member password');
  });
  afterAll(async () => t?.close());
  const invoice = async (contactId: string, amount: number) =>
    (await t.http.post('/v1/invoices', { contactId, number: `INV-${unique()}`, amount }, { token: m.secretKey })).body;
  const request = (id: string) => t.http.get(`/v1/payment-requests/${id}`, { token: m.secretKey });
  const credit = (invoiceId: string, amount: number) =>
    t.http.post(`/v1/invoices/${invoiceId}/credits`, { amount, reason: 'credit note' }, { token: m.secretKey });

  describe('a request made for an invoice', () => {
    it('is never raised by a credit note: 3,000 on a 10,000 invoice stays 3,000 after a 1,000 credit', async () => {
      const c = await verifiedContact(t, m.secretKey, m.merchantId);
      const inv = await invoice(c.contactId, 10_000);
      const small = await t.http.post(
        '/v1/payment-requests',
        { contactId: c.contactId, invoiceId: inv.id, amount: 3_000 },
        { token: m.secretKey },
      );
      expect(small.status).toBe(201);
      expect((await credit(inv.id, 1_000)).status).toBe(201);
      expect((await request(small.body.id)).body).toMatchObject({ amount: 3_000, remaining: 3_000 });
      // the invoice's own request (10,000) is lowered to what is left
      const all = await t.http.get(`/v1/payment-requests?invoiceId=${inv.id}`, { token: m.secretKey });
      expect(all.body.data.map((r: { amount: number }) => r.amount).sort()).toEqual([3_000, 9_000]);
      // a credit that leaves less than 3,000 lowers it to what is left
      expect((await credit(inv.id, 7_000)).status).toBe(201);
      expect((await request(small.body.id)).body).toMatchObject({ amount: 2_000, remaining: 2_000 });
    });

    it('shows, once approved and partly paid, what remains capped by the invoice balance', async () => {
      const c = await verifiedContact(t, m.secretKey, m.merchantId);
      const card = await addCard(t, c.session);
      const inv = await invoice(c.contactId, 10_000);
      const pr = await t.http.post(
        '/v1/payment-requests',
        { contactId: c.contactId, invoiceId: inv.id, amount: 6_000, minimumPercent: 10 },
        { token: m.secretKey },
      );
      await t.http.post(`/v1/customer/payment-requests/${pr.body.id}/approve`, {}, { token: c.session });
      const paid = await t.http.post(
        `/v1/customer/payment-requests/${pr.body.id}/payments`,
        { amount: 3_000, paymentMethodId: card },
        { token: c.session },
      );
      expect(paid.status).toBe(201);
      expect((await credit(inv.id, 6_000)).status).toBe(201); // balance 10,000 − 3,000 − 6,000 = 1,000
      expect((await request(pr.body.id)).body).toMatchObject({
        status: 'partially_paid',
        amount: 4_000,
        paidAmount: 3_000,
        remaining: 1_000,
      });
      const over = await t.http.post(
        `/v1/customer/payment-requests/${pr.body.id}/payments`,
        { amount: 1_001, paymentMethodId: card },
        { token: c.session },
      );
      expect(over.body.error).toMatchObject({ code: 'exceeds_remaining_balance', remaining: 1_000 });
    });
  });

  describe('minimums set by members', () => {
    beforeAll(async () => {
      const res = await t.http.patch(
        '/v1/merchant/settings',
        { partialPayments: { defaultMinimumPercent: 25, byMethod: { card: 30 } } },
        { token: m.secretKey },
      );
      expect(res.status).toBe(200);
    });
    const create = (token: string, contactId: string, minimumPercent: number) =>
      t.http.post('/v1/payment-requests', { contactId, amount: 10_000, minimumPercent }, { token });

    it('lets a member make a minimum stricter, never looser (403 admin_required), and an admin set any', async () => {
      const c = await verifiedContact(t, m.secretKey, m.merchantId);
      const looser = await create(member, c.contactId, 1);
      expect(looser.status).toBe(403);
      expect(looser.body.error).toMatchObject({ code: 'admin_required', param: 'minimumPercent' });
      // 25 % is the default, but card asks 30 %: 25 would loosen card payments
      expect((await create(member, c.contactId, 25)).status).toBe(403);
      expect((await create(member, c.contactId, 30)).status).toBe(201);
      expect((await create(member, c.contactId, 100)).status).toBe(201);
      expect((await create(m.secretKey, c.contactId, 1)).status).toBe(201);
      const mine = await t.http.get(`/v1/payment-requests?contactId=${c.contactId}`, { token: m.secretKey });
      expect(mine.body.data.map((r: { minimumPercent: number }) => r.minimumPercent).sort()).toEqual([1, 100, 30]);
    });
  });

  describe('a balance of 0 is paid, on every path', () => {
    it('after a dispute is rejected, when a credit note brought the balance to 0 meanwhile; autopay charges nothing', async () => {
      const c = await authorizedContact(t, m.secretKey, m.merchantId);
      await addCard(t, c.session);
      const inv = await invoice(c.contactId, 20_000);
      const dispute = await t.http.post(
        `/v1/customer/invoices/${inv.id}/disputes`,
        { amount: 5_000, explanation: 'Short delivery' },
        { token: c.session },
      );
      expect(dispute.status).toBe(201);
      expect((await credit(inv.id, 20_000)).status).toBe(201);
      const rejected = await t.http.post(
        `/v1/disputes/${dispute.body.id}/resolve`,
        { outcome: 'reject' },
        { token: m.secretKey },
      );
      expect(rejected.status).toBe(200);
      expect((await t.http.get(`/v1/invoices/${inv.id}`, { token: m.secretKey })).body).toMatchObject({
        status: 'paid',
        balance: 0,
      });
      await t.http.post('/dev/clock', { advance: 'P40D' });
      await t.app.get(WorkerService).runOnce();
      const payments = await t.http.get(`/v1/payments?invoiceId=${inv.id}`, { token: m.secretKey });
      expect(payments.body.data).toEqual([]);
    });

    it('after an edit brings the amount down to the credits given', async () => {
      const c = await verifiedContact(t, m.secretKey, m.merchantId);
      const inv = await invoice(c.contactId, 10_000);
      expect((await credit(inv.id, 4_000)).status).toBe(201);
      const edited = await t.http.patch(`/v1/invoices/${inv.id}`, { amount: 4_000 }, { token: m.secretKey });
      expect(edited.body).toMatchObject({ status: 'paid', balance: 0 });
      const prs = await t.http.get(`/v1/payment-requests?invoiceId=${inv.id}`, { token: m.secretKey });
      expect(prs.body.data.map((r: { status: string }) => r.status)).toEqual(['cancelled']);
    });
  });
  describe('an anonymous credit application with the email of a known contact', () => {
    beforeAll(async () => {
      await t.http.patch('/v1/merchant/settings', { allowedOrigins: [ORIGIN] }, { token: m.secretKey });
      await new Promise((r) => setTimeout(r, 5100)); // the origin cache
    });
    const widgetApplication = (email: string, taxId: string, mode = 'credit_check') =>
      t.http.post('/v1/credit-applications', applicationBody({ email, taxId, mode }), {
        publishableKey: m.publishableKey,
        origin: ORIGIN,
      });
    const contact = async (id: string) => (await t.http.get(`/v1/contacts/${id}`, { token: m.secretKey })).body;
    const offers = async (id: string) =>
      (await t.http.get(`/v1/contacts/${id}/terms-offers`, { token: m.secretKey })).body.data as {
        id: string;
        status: string;
      }[];
    /** The owner opens the link of the decision notice mailed to them. */
    const ownerOpensDecision = async (email: string) => {
      await t.app.get(WorkerService).runOnce();
      const mails = (await t.http.get(`/dev/mailbox?to=${encodeURIComponent(email)}`)).body.data as {
        subject: string;
        text: string;
      }[];
      const decision = mails.find((x) => x.subject.includes('trade credit'));
      expect(decision).toBeDefined();
      const linkToken = decodeURIComponent(/cc_token=([^\s&]+)/.exec(decision!.text)![1]!);
      expect((await t.http.post('/v1/customer/sessions', { linkToken })).status).toBe(201);
    };

    it("changes nothing until the email's owner opens the emailed link; then the decision takes effect", async () => {
      const c = await t.http.post(
        '/v1/contacts',
        { companyName: `Company ${unique()}`, email: `ap-${unique()}@customer.example` },
        { token: m.secretKey },
      );
      expect(c.body.status).toBe('prospect');
      const res = await widgetApplication(c.body.email, TEST_TAX_IDS.declined);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ contact: { id: c.body.id }, noticeSent: true });
      expect((await contact(c.body.id)).status).toBe('prospect');
      await ownerOpensDecision(c.body.email);
      expect((await contact(c.body.id)).status).toBe('credit_declined');
    });

    it('never replaces an offer the merchant made by hand, not even once its owner confirms', async () => {
      const c = await verifiedContact(t, m.secretKey, m.merchantId);
      const email = (await contact(c.contactId)).email;
      const byHand = await t.http.post(
        `/v1/contacts/${c.contactId}/terms-offers`,
        { netDays: 45, creditLimit: 2_500_000, currency: 'USD' },
        { token: m.secretKey },
      );
      expect(byHand.status).toBe(201);
      const res = await widgetApplication(email, TEST_TAX_IDS.approved, 'credit_check_with_terms');
      expect(res.status).toBe(201);
      expect(await offers(c.contactId)).toEqual([expect.objectContaining({ id: byHand.body.id, status: 'offered' })]);
      const link = await t.http.post(`/v1/contacts/${c.contactId}/wallet-links`, {}, { token: m.secretKey });
      expect(link.status).toBe(201);
      await t.app.get(WorkerService).runOnce();
      const mails = (await t.http.get(`/dev/mailbox?to=${encodeURIComponent(email)}`)).body.data as { text: string }[];
      const withLink = mails.find((x) => x.text.includes('cc_token='))!;
      const linkToken = decodeURIComponent(/cc_token=([^\s&]+)/.exec(withLink.text)![1]!);
      expect((await t.http.post('/v1/customer/sessions', { linkToken })).status).toBe(201);
      expect(await offers(c.contactId)).toEqual([expect.objectContaining({ id: byHand.body.id, status: 'offered' })]);
      expect((await contact(c.contactId)).status).toBe('verified');
    });
  });
});

/** Locks on the real PostgreSQL server (PGlite is one connection, so it cannot show a wait). */
describe('lowering requests locks their rows (real PostgreSQL)', () => {
  let t: TestApp;
  let drop: () => Promise<void>;
  let url: string;
  beforeAll(async () => {
    const scratch = await scratchDatabase('cc_money', { migrated: true });
    drop = scratch.drop;
    url = scratch.url.toString();
    t = await startApp({ DATABASE_URL: scratch.url.toString() });
  });
  afterAll(async () => {
    await t?.close();
    await drop?.();
  });

  it('waits for an approval in flight, and leaves the amount the contact approved (never raised to the balance)', async () => {
    const m = await signUpMerchant(t.http);
    const c = await verifiedContact(t, m.secretKey, m.merchantId);
    const inv = (
      await t.http.post(
        '/v1/invoices',
        { contactId: c.contactId, number: `INV-${unique()}`, amount: 10_000 },
        { token: m.secretKey },
      )
    ).body;
    const pr = (
      await t.http.post(
        '/v1/payment-requests',
        { contactId: c.contactId, invoiceId: inv.id, amount: 3_000 },
        { token: m.secretKey },
      )
    ).body;
    const approval = new pg.Client({ connectionString: url });
    await approval.connect();
    try {
      // the contact's approval of 3,000, holding the request's row lock
      await approval.query('BEGIN');
      await approval.query('SELECT id FROM payment_requests WHERE id = $1 FOR UPDATE', [pr.id]);
      let done = false;
      const creditNote = t.http
        .post(`/v1/invoices/${inv.id}/credits`, { amount: 1_000, reason: 'damaged' }, { token: m.secretKey })
        .finally(() => (done = true));
      await new Promise((r) => setTimeout(r, 700));
      expect(done).toBe(false);
      await approval.query(`UPDATE payment_requests SET status = 'approved', approved_at = now() WHERE id = $1`, [
        pr.id,
      ]);
      await approval.query('COMMIT');
      expect((await creditNote).status).toBe(201);
    } finally {
      await approval.end();
    }
    const after = await t.http.get(`/v1/payment-requests/${pr.id}`, { token: m.secretKey });
    expect(after.body).toMatchObject({ status: 'approved', amount: 3_000, remaining: 3_000 });
    const all = await t.http.get(`/v1/payment-requests?invoiceId=${inv.id}`, { token: m.secretKey });
    expect(all.body.data.map((r: { amount: number }) => r.amount).sort()).toEqual([3_000, 9_000]);
  });
});
