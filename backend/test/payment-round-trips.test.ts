import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Logger, QueryRunner } from 'typeorm';
import { startApp, type TestApp } from './support/app.js';
import { addCard, verifiedContact } from './support/billing.js';
import { signUpMerchant, unique, type SignedUpMerchant } from './support/factories.js';

/**
 * What one customer payment costs the database, counted at the driver (every statement TypeORM
 * sends, BEGIN and COMMIT included): the payment hot path's round trips (docs/performance.md).
 */
describe('payment round trips', () => {
  let t: TestApp;
  let m: SignedUpMerchant;
  const seen: string[] = [];
  beforeAll(async () => {
    t = await startApp();
    m = await signUpMerchant(t.http);
    const ds = t.db.dataSource as unknown as { logger: Logger };
    const original = ds.logger;
    ds.logger = new Proxy(original, {
      get(target, prop, receiver) {
        if (prop === 'logQuery')
          return (query: string, params?: unknown[], runner?: QueryRunner) => {
            seen.push(query.replace(/\s+/g, ' ').slice(0, 120));
            return target.logQuery(query, params, runner);
          };
        return Reflect.get(target, prop, receiver);
      },
    });
  });
  afterAll(async () => t?.close());

  /** A verified contact with a card, and an approved request of `amount` to it; `pay` pays it. */
  const approvedRequest = async (amount: number, minimumPercent: number) => {
    const c = await verifiedContact(t, m.secretKey, m.merchantId);
    const pm = await addCard(t, c.session);
    const pr = await t.http.post(
      '/v1/payment-requests',
      { contactId: c.contactId, amount, minimumPercent },
      { token: m.secretKey },
    );
    await t.http.post(`/v1/customer/payment-requests/${pr.body.id}/approve`, {}, { token: c.session });
    const pay = (value: number, idempotencyKey = unique()) =>
      t.http.post(
        `/v1/customer/payment-requests/${pr.body.id}/payments`,
        { amount: value, paymentMethodId: pm },
        { token: c.session, idempotencyKey },
      );
    return { c, pr, pay };
  };

  it('a payment on an approved request, with an Idempotency-Key', async () => {
    const { c, pr, pay } = await approvedRequest(100_000, 1);
    expect((await pay(1000)).status).toBe(201);
    seen.length = 0;
    const key = unique();
    const paid = await pay(1000, key);
    expect(paid.status).toBe(201);
    // The key's claim; BEGIN, locks and reads, the attempt, COMMIT; the (simulated) processor's
    // charge; BEGIN, locks and the attempt's outcome, every other row and the stored answer in
    // one statement, COMMIT. No session read: the session read by the payment before is kept
    // for a few seconds (CUSTOMER_SESSION_CACHE_MS).
    expect(seen).toHaveLength(10);
    expect(seen.filter((q) => /sessions/.test(q))).toHaveLength(0);
    expect(seen.filter((q) => /^(START TRANSACTION|COMMIT)/.test(q))).toHaveLength(4);
    // The answer stored in the second transaction is what a retry of the request gets.
    const again = await pay(1000, key);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(paid.body);
    const listed = await t.http.get(`/v1/customer/payments?paymentRequestId=${pr.body.id}`, { token: c.session });
    expect(listed.body.data).toHaveLength(2);
    const request = await t.http.get(`/v1/customer/payment-requests/${pr.body.id}`, { token: c.session });
    expect(request.body).toMatchObject({ status: 'partially_paid', paidAmount: 2000 });
  });

  // The held-back sum is read after the request's lock (a fresh snapshot in cc_payment_start): a
  // payment that committed its attempt while this one waited is counted (run on the real server
  // with CC_TEST_DATABASE_URL for real concurrency).
  it('racing payments on one request never pay more than it asks', async () => {
    const { c, pr, pay } = await approvedRequest(10_000, 10);
    const answers = await Promise.all(Array.from({ length: 8 }, () => pay(3000)));
    const paid = answers.filter((r) => r.status === 201);
    expect(paid).toHaveLength(3);
    for (const r of answers.filter((a) => a.status !== 201)) {
      expect([409, 422]).toContain(r.status);
      expect(['exceeds_remaining_balance', 'payment_processing']).toContain(r.body.error.code);
    }
    const request = await t.http.get(`/v1/customer/payment-requests/${pr.body.id}`, { token: c.session });
    expect(request.body).toMatchObject({ status: 'partially_paid', paidAmount: 9000 });
    const rest = await pay(1000);
    expect(rest.status).toBe(201);
    expect((await t.http.get(`/v1/customer/payment-requests/${pr.body.id}`, { token: c.session })).body).toMatchObject({
      status: 'paid',
      paidAmount: 10_000,
    });
  });
});
