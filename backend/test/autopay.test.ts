import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SessionsService } from '../src/domain/users/sessions.service.js';
import { AutopayService } from '../src/domain/autopay/autopay.service.js';
import { EventsService } from '../src/platform/events/events.service.js';
import { PAYMENT_PROCESSOR } from '../src/domain/payments/processor/payment-processor.js';
import type { SimulatedProcessor } from '../src/domain/payments/processor/simulated-processor.js';
import { WorkerService } from '../src/platform/worker/worker.service.js';
import { startApp, twoInstances, type TestApp } from './support/app.js';
import { addCard, authorizedContact, CARDS, verifiedContact } from './support/billing.js';
import { signUpMerchant, unique, type SignedUpMerchant } from './support/factories.js';

const dayAfter = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86400_000).toISOString().slice(0, 10);

describe('automated payments', () => {
  let t: TestApp;
  let m: SignedUpMerchant;
  beforeAll(async () => {
    t = await startApp();
    m = await signUpMerchant(t.http);
  }, 120_000);
  afterAll(async () => t?.close());

  const invoice = async (contactId: string, over: Record<string, unknown> = {}) => {
    const res = await t.http.post(
      '/v1/invoices',
      { contactId, number: `INV-${unique()}`, amount: 25_000, ...over },
      { token: m.secretKey },
    );
    expect(res.status).toBe(201);
    return res.body;
  };
  const getInvoice = async (id: string) => (await t.http.get(`/v1/invoices/${id}`, { token: m.secretKey })).body;
  const paymentsOf = async (invoiceId: string) =>
    (await t.http.get(`/v1/payments?invoiceId=${invoiceId}`, { token: m.secretKey })).body.data;
  const run = () => t.app.get(WorkerService).runOnce();
  const advance = async (duration: string) =>
    expect((await t.http.post('/dev/clock', { advance: duration })).status).toBe(200);
  const mailbox = async (to: string) =>
    (await t.http.get(`/dev/mailbox?to=${encodeURIComponent(to)}`)).body.data as { subject: string; text: string }[];
  const freshSession = async (contactId: string) =>
    (await t.app.get(SessionsService).createCustomerSession(m.merchantId, contactId)).token;
  const contactEmail = async (contactId: string) =>
    (await t.http.get(`/v1/contacts/${contactId}`, { token: m.secretKey })).body.email as string;

  it("charges an authorized contact's invoice on its due date, not before, with the default method", async () => {
    const c = await authorizedContact(t, m.secretKey, m.merchantId);
    await addCard(t, c.session);
    const chosen = await addCard(t, c.session);
    expect((await t.http.post(`/v1/customer/payment-methods/${chosen}/default`, {}, { token: c.session })).status).toBe(
      200,
    );
    const inv = await invoice(c.contactId);
    expect(inv.autopay).toEqual({ status: 'scheduled', attempts: 0, nextAttemptAt: `${inv.dueDate}T00:00:00.000Z` });

    await run();
    await advance('P29D');
    await run();
    expect(await getInvoice(inv.id)).toMatchObject({ status: 'open', balance: 25_000 });
    expect(await paymentsOf(inv.id)).toEqual([]);

    await advance('P1D');
    await run();
    await run();
    expect(await getInvoice(inv.id)).toMatchObject({
      status: 'paid',
      balance: 0,
      autopay: { status: 'succeeded', attempts: 1, nextAttemptAt: null },
    });
    expect(await paymentsOf(inv.id)).toEqual([
      expect.objectContaining({ status: 'succeeded', source: 'automatic', amount: 25_000, paymentMethodId: chosen }),
    ]);
  });

  it("never charges a verified contact's invoice automatically", async () => {
    const c = await verifiedContact(t, m.secretKey, m.merchantId);
    await addCard(t, c.session);
    const inv = await invoice(c.contactId, { dueDate: (await t.http.get('/dev/clock')).body.today });
    expect(inv.autopay).toBeNull();
    await run();
    await advance('P40D');
    await run();
    expect(await getInvoice(inv.id)).toMatchObject({ status: 'open', balance: 25_000, autopay: null });
    expect(await paymentsOf(inv.id)).toEqual([]);
  });

  it('stops autopay when the contract ended: no charge, a payment request to approve instead', async () => {
    const c = await authorizedContact(t, m.secretKey, m.merchantId);
    await addCard(t, c.session);
    const inv = await invoice(c.contactId);
    expect(
      (await t.http.post(`/v1/contacts/${c.contactId}/end-contract`, {}, { token: m.secretKey })).body.status,
    ).toBe('verified');
    await advance('P30D');
    await run();
    expect(await getInvoice(inv.id)).toMatchObject({
      status: 'open',
      balance: 25_000,
      autopay: { status: 'stopped', attempts: 0, nextAttemptAt: null },
    });
    expect(await paymentsOf(inv.id)).toEqual([]);
    const requests = (await t.http.get(`/v1/payment-requests?invoiceId=${inv.id}`, { token: m.secretKey })).body.data;
    expect(requests).toEqual([expect.objectContaining({ status: 'pending_approval', amount: 25_000 })]);
  });

  it('rolls an attempt back whole when the process fails mid-way; the next pass charges once', async () => {
    const c = await authorizedContact(t, m.secretKey, m.merchantId);
    await addCard(t, c.session);
    const inv = await invoice(c.contactId, { amount: 3_300 });
    let crash = true;
    t.app.get(EventsService).subscribe(async (event) => {
      if (crash && event.type === 'payment.succeeded' && event.data.payment.invoiceId === inv.id) {
        crash = false;
        throw new Error('simulated crash after the charge');
      }
    });
    const processor = t.app.get<SimulatedProcessor>(PAYMENT_PROCESSOR);
    const charged = () => [...processor.ledger.charges.values()].filter((c) => c.amount === 3_300).length;
    await advance('P30D');
    await run();
    expect(crash).toBe(false);
    expect(await getInvoice(inv.id)).toMatchObject({
      status: 'open',
      balance: 3_300,
      autopay: { status: 'scheduled', attempts: 0 },
    });
    expect(await paymentsOf(inv.id)).toEqual([]);
    expect(charged()).toBe(1); // the processor charged before the crash
    await run();
    expect(await getInvoice(inv.id)).toMatchObject({ status: 'paid', autopay: { status: 'succeeded', attempts: 1 } });
    expect(await paymentsOf(inv.id)).toHaveLength(1);
    expect(charged()).toBe(1); // the same attempt reached the processor with the same key: not charged again
  });

  it('skips a disputed invoice and charges it once the dispute is rejected', async () => {
    const c = await authorizedContact(t, m.secretKey, m.merchantId);
    await addCard(t, c.session);
    const inv = await invoice(c.contactId);
    const dispute = await t.http.post(
      `/v1/customer/invoices/${inv.id}/disputes`,
      { amount: 5_000, explanation: 'Two boxes arrived damaged.' },
      { token: c.session },
    );
    expect(dispute.status).toBe(201);
    await advance('P31D');
    await run();
    expect(await getInvoice(inv.id)).toMatchObject({
      status: 'disputed',
      balance: 25_000,
      autopay: { status: 'on_hold', attempts: 0 },
    });
    expect(await paymentsOf(inv.id)).toEqual([]);

    expect(
      (await t.http.post(`/v1/disputes/${dispute.body.id}/resolve`, { outcome: 'reject' }, { token: m.secretKey }))
        .status,
    ).toBe(200);
    await run();
    expect(await getInvoice(inv.id)).toMatchObject({ status: 'paid', autopay: { status: 'succeeded', attempts: 1 } });
    expect(await paymentsOf(inv.id)).toHaveLength(1);
  });

  it('waits for a default payment method, asking the contact once, then charges when there is one', async () => {
    const c = await authorizedContact(t, m.secretKey, m.merchantId);
    const inv = await invoice(c.contactId, { amount: 7_500 });
    await advance('P30D');
    await run();
    await run();
    const today = (await t.http.get('/dev/clock')).body.today;
    expect(await getInvoice(inv.id)).toMatchObject({
      status: 'open',
      autopay: { status: 'awaiting_payment_method', attempts: 0, nextAttemptAt: `${dayAfter(today, 1)}T00:00:00.000Z` },
    });
    const asked = (await mailbox(await contactEmail(c.contactId))).filter((x) =>
      x.subject.includes('Add a payment method'),
    );
    expect(asked).toHaveLength(1);
    expect(asked[0]!.text).toContain(inv.number);
    // With a wallet link that signs the contact in, so they can add the method there.
    const linkToken = /cc_token=(wl_[A-Za-z0-9_-]+)/.exec(asked[0]!.text)?.[1];
    expect(linkToken).toBeDefined();
    expect((await t.http.post('/v1/customer/sessions', { linkToken })).status).toBe(201);

    await advance('P1D');
    await run();
    await run();
    expect(
      (await mailbox(await contactEmail(c.contactId))).filter((x) => x.subject.includes('Add a payment method')),
    ).toHaveLength(1);
    await addCard(t, await freshSession(c.contactId));
    await advance('P1D');
    await run();
    expect(await getInvoice(inv.id)).toMatchObject({ status: 'paid', autopay: { status: 'succeeded', attempts: 1 } });
  });

  it('keeps a declined charge, tells the contact and the merchant, retries 1, 3 and 5 days later, then gives up visibly', async () => {
    const c = await authorizedContact(t, m.secretKey, m.merchantId);
    await addCard(t, c.session, CARDS.declined);
    const inv = await invoice(c.contactId, { amount: 12_000 });
    const email = await contactEmail(c.contactId);
    const merchantMails = async () =>
      (await mailbox(m.adminEmail)).filter((x) => x.subject.includes(`invoice ${inv.number}`));
    const attempt = async (n: number, nextInDays: number | null) => {
      const today = (await t.http.get('/dev/clock')).body.today;
      expect(await getInvoice(inv.id)).toMatchObject({
        status: 'open',
        balance: 12_000,
        autopay: {
          status: nextInDays ? 'retrying' : 'failed',
          attempts: n,
          nextAttemptAt: nextInDays ? `${dayAfter(today, nextInDays)}T00:00:00.000Z` : null,
        },
      });
      const payments = await paymentsOf(inv.id);
      expect(payments).toHaveLength(n);
      expect(
        payments.every(
          (p: { status: string; failureCode: string; source: string }) =>
            p.status === 'failed' && p.failureCode === 'card_declined' && p.source === 'automatic',
        ),
      ).toBe(true);
    };

    await advance('P30D');
    await run();
    await run(); // the outbox delivers what the first pass queued
    await attempt(1, 1);
    expect(
      (await mailbox(email)).filter((x) => /automatic payment .* did not go through/.test(x.subject)),
    ).toHaveLength(1);
    expect(await merchantMails()).toHaveLength(1);
    expect((await merchantMails())[0]!.text).toMatch(/card_declined[\s\S]*Next attempt/);

    const stillAt = async (n: number) => {
      expect((await getInvoice(inv.id)).autopay.attempts).toBe(n);
      expect(await paymentsOf(inv.id)).toHaveLength(n);
    };
    await run(); // same day: no second attempt
    await stillAt(1);
    await advance('P1D');
    await run();
    await attempt(2, 3);
    await advance('P2D');
    await run();
    await stillAt(2); // not yet
    await advance('P1D');
    await run();
    await attempt(3, 5);
    await advance('P5D');
    await run();
    await run();
    await attempt(4, null);
    expect(await merchantMails()).toHaveLength(4);
    expect((await merchantMails())[0]!.text).toContain('No more attempts');
    const gaveUp = (await t.http.get('/v1/events?type=invoice.autopay_failed', { token: m.secretKey })).body.data;
    expect(gaveUp).toEqual([
      expect.objectContaining({
        type: 'invoice.autopay_failed',
        data: expect.objectContaining({
          attempt: 4,
          failureCode: 'card_declined',
          invoice: expect.objectContaining({ id: inv.id }),
        }),
      }),
    ]);

    await advance('P10D');
    await run();
    await stillAt(4);
  });
});

describe('automated payments with two backend instances on one PostgreSQL', () => {
  let a: TestApp;
  let b: TestApp;
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    ({ a, b, close } = await twoInstances('cc_autopay'));
  }, 120_000);
  afterAll(async () => close?.());

  it('charge each due invoice exactly once, and try a declined one once, when both run the job at the same time', async () => {
    const m = await signUpMerchant(a.http);
    const good = await authorizedContact(a, m.secretKey, m.merchantId);
    await addCard(a, good.session);
    const bad = await authorizedContact(a, m.secretKey, m.merchantId);
    await addCard(a, bad.session, CARDS.declined);
    const ids: string[] = [];
    for (const [i, contactId] of [...Array(12).fill(good.contactId), ...Array(3).fill(bad.contactId)].entries()) {
      const res = await a.http.post(
        '/v1/invoices',
        { contactId, number: `AP-${i}-${unique()}`, amount: 10_000 + i },
        { token: m.secretKey },
      );
      expect(res.status).toBe(201);
      ids.push(res.body.id);
    }
    for (const app of [a, b]) await app.http.post('/dev/clock', { advance: 'P30D' });
    const [ra, rb, ra2, rb2] = await Promise.all([a, b, a, b].map((app) => app.app.get(AutopayService).run()));
    expect(ra! + rb! + ra2! + rb2!).toBe(15);

    const rows = await a.db.dataSource.query(
      `SELECT invoice_id, count(*)::int AS n, string_agg(status, ',') AS statuses FROM payments WHERE merchant_id = $1 GROUP BY invoice_id`,
      [m.merchantId],
    );
    expect(rows).toHaveLength(15);
    expect(rows.every((r: { n: number }) => r.n === 1)).toBe(true);
    const invoices = await a.db.dataSource.query(
      `SELECT status, autopay_attempts, autopay_status FROM invoices WHERE merchant_id = $1 ORDER BY id`,
      [m.merchantId],
    );
    expect(invoices.filter((i: { status: string }) => i.status === 'paid')).toHaveLength(12);
    expect(
      invoices.filter(
        (i: { autopay_status: string; autopay_attempts: number }) =>
          i.autopay_status === 'retrying' && i.autopay_attempts === 1,
      ),
    ).toHaveLength(3);
  }, 90_000);
});
