import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { WorkerService } from '../src/modules/worker/worker.service.js';
import { startApp, type TestApp } from './support/app.js';
import { addCard, authorizedContact, verifiedContact } from './support/billing.js';
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
});

/** Locks on the real PostgreSQL server (PGlite is one connection, so it cannot show a wait). */
describe('lowering requests locks their rows (real PostgreSQL)', () => {
  let t: TestApp;
  let drop: () => Promise<void>;
  let url: string;
  beforeAll(async () => {
    const scratch = await scratchDatabase('cc_money');
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
