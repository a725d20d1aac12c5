// Paying invoices: the whole balance, refused charges (402), never twice (races, replays, retries after a
// rollback), refunds.
import { beforeAll, describe, expect, it } from '@jest/globals';
import { PAYMENT_PROCESSOR } from '../src/domain/payments/processor/payment-processor.js';
import type { SimulatedProcessor } from '../src/domain/payments/processor/simulated-processor.js';
import { WorkerService } from '../src/platform/worker/worker.service.js';
import type { TestApp } from './support/app.js';
import { failNextAppend } from './support/faults.js';
import { addCard, authorizedContact, billingSuite, CARDS } from './support/billing.js';
import { unique, type SignedUpMerchant } from './support/factories.js';

describe('invoices, payment requests and payments', () => {
  const { suite, invoice } = billingSuite();
  let t: TestApp;
  let m: SignedUpMerchant;
  beforeAll(() => {
    ({ t, m } = suite());
  });

  describe('paying invoices', () => {
    it('pays the whole balance; a partial amount is refused', async () => {
      const c = await authorizedContact(t, m.secretKey, m.merchantId);
      const inv = await invoice(c.contactId, { amount: 12_345 });
      const pm = await addCard(t, c.session);
      const partial = await t.http.post(
        `/v1/customer/invoices/${inv.body.id}/payments`,
        { paymentMethodId: pm, amount: 100 },
        { token: c.session },
      );
      expect(partial.status).toBe(422);
      expect(partial.body.error.code).toBe('partial_payment_not_allowed');
      const paid = await t.http.post(
        `/v1/customer/invoices/${inv.body.id}/payments`,
        { paymentMethodId: pm },
        { token: c.session },
      );
      expect(paid.status).toBe(201);
      expect(paid.body).toMatchObject({ id: expect.stringMatching(/^pay_/), amount: 12_345, status: 'succeeded' });
      expect((await t.http.get(`/v1/invoices/${inv.body.id}`, { token: m.secretKey })).body).toMatchObject({
        status: 'paid',
        balance: 0,
      });
      const again = await t.http.post(
        `/v1/customer/invoices/${inv.body.id}/payments`,
        { paymentMethodId: pm },
        { token: c.session },
      );
      expect(again.status).toBe(409);
    });

    it('answers a refused charge with 402, keeps the failed payment and its event, moves no balance', async () => {
      const c = await authorizedContact(t, m.secretKey, m.merchantId);
      const inv = await invoice(c.contactId, { amount: 5000 });
      for (const [number, code] of [
        [CARDS.declined, 'card_declined'],
        [CARDS.insufficient, 'insufficient_funds'],
      ]) {
        const pm = await addCard(t, c.session, number);
        const res = await t.http.post(
          `/v1/customer/invoices/${inv.body.id}/payments`,
          { paymentMethodId: pm },
          { token: c.session },
        );
        expect(res.status).toBe(402);
        expect(res.body.error).toMatchObject({
          type: 'payment_error',
          code,
          paymentId: expect.stringMatching(/^pay_/),
        });
        const payments = await t.http.get(`/v1/payments?invoiceId=${inv.body.id}`, { token: m.secretKey });
        expect(payments.body.data[0]).toMatchObject({
          id: res.body.error.paymentId,
          status: 'failed',
          failureCode: code,
        });
      }
      expect((await t.http.get(`/v1/invoices/${inv.body.id}`, { token: m.secretKey })).body).toMatchObject({
        status: 'open',
        balance: 5000,
      });
      const events = await t.db.dataSource.query(
        `SELECT count(*)::int AS n FROM events WHERE merchant_id = $1 AND type = 'payment.failed'`,
        [m.merchantId],
      );
      expect(events[0].n).toBeGreaterThanOrEqual(2);
    });

    it('never charges twice: racing payments and replayed keys', async () => {
      const c = await authorizedContact(t, m.secretKey, m.merchantId);
      const inv = await invoice(c.contactId, { amount: 7000 });
      const pm = await addCard(t, c.session);
      const racing = await Promise.all(
        Array.from({ length: 5 }, () =>
          t.http.post(`/v1/customer/invoices/${inv.body.id}/payments`, { paymentMethodId: pm }, { token: c.session }),
        ),
      );
      expect(racing.filter((r) => r.status === 201)).toHaveLength(1);
      const inv2 = await invoice(c.contactId, { amount: 8000 });
      const key = `pay-${unique()}`;
      const replays = await Promise.all(
        Array.from({ length: 5 }, () =>
          t.http.post(
            `/v1/customer/invoices/${inv2.body.id}/payments`,
            { paymentMethodId: pm },
            { token: c.session, idempotencyKey: key },
          ),
        ),
      );
      expect(replays.map((r) => r.status)).toEqual(Array(5).fill(201));
      expect(new Set(replays.map((r) => r.body.id)).size).toBe(1);
      const charges = await t.db.dataSource.query(
        `SELECT count(*)::int AS n FROM payments WHERE merchant_id = $1 AND invoice_id = ANY($2) AND status = 'succeeded'`,
        [m.merchantId, [inv.body.id, inv2.body.id]],
      );
      expect(charges[0].n).toBe(2);
    });

    it('a retry after the work rolled back (after the charge) reaches the processor with the same key: charged once', async () => {
      const processor = t.app.get<SimulatedProcessor>(PAYMENT_PROCESSOR);
      const c = await authorizedContact(t, m.secretKey, m.merchantId);
      const inv = await invoice(c.contactId, { amount: 4321 });
      const pm = await addCard(t, c.session);
      // The database fails after the processor charged the card (here: writing the event).
      const restore = failNextAppend(t, 'payment.succeeded');
      try {
        const chargesBefore = processor.ledger.charges.size;
        const key = `pay-${unique()}`;
        const lost = await t.http.post(
          `/v1/customer/invoices/${inv.body.id}/payments`,
          { paymentMethodId: pm },
          { token: c.session, idempotencyKey: key },
        );
        expect(lost.status).toBe(500);
        expect((await t.http.get(`/v1/invoices/${inv.body.id}`, { token: m.secretKey })).body).toMatchObject({
          status: 'open',
          balance: 4321,
        });
        expect(processor.ledger.charges.size).toBe(chargesBefore + 1); // the card was charged, nothing recorded
        const retry = await t.http.post(
          `/v1/customer/invoices/${inv.body.id}/payments`,
          { paymentMethodId: pm },
          { token: c.session, idempotencyKey: key },
        );
        expect(retry.status).toBe(201);
        expect(processor.ledger.charges.size).toBe(chargesBefore + 1); // the retry got the first charge back
        expect((await t.http.get(`/v1/invoices/${inv.body.id}`, { token: m.secretKey })).body).toMatchObject({
          status: 'paid',
          balance: 0,
        });
        // Another key is another payment: the processor charges again.
        const inv2 = await invoice(c.contactId, { amount: 1234 });
        await t.http.post(
          `/v1/customer/invoices/${inv2.body.id}/payments`,
          { paymentMethodId: pm },
          { token: c.session, idempotencyKey: `pay-${unique()}` },
        );
        expect(processor.ledger.charges.size).toBe(chargesBefore + 2);
      } finally {
        restore();
      }
    });

    it('the same Idempotency-Key with another body after a rollback charges nothing more while the first charge is processing; the worker settles it', async () => {
      const processor = t.app.get<SimulatedProcessor>(PAYMENT_PROCESSOR);
      const c = await authorizedContact(t, m.secretKey, m.merchantId);
      const inv = await invoice(c.contactId, { amount: 2468 });
      const cardA = await addCard(t, c.session);
      const cardB = await addCard(t, c.session);
      const restore = failNextAppend(t, 'payment.succeeded');
      try {
        const before = processor.ledger.charges.size;
        const key = `pay-${unique()}`;
        const pay = (paymentMethodId: string) =>
          t.http.post(
            `/v1/customer/invoices/${inv.body.id}/payments`,
            { paymentMethodId },
            { token: c.session, idempotencyKey: key },
          );
        expect((await pay(cardA)).status).toBe(500);
        // Card A was charged and its attempt is recorded `processing`: it holds the balance, card B is not charged.
        const other = await pay(cardB);
        expect(other.status).toBe(409);
        expect(other.body.error).toMatchObject({ code: 'payment_processing' });
        expect(processor.ledger.charges.size).toBe(before + 1);
        await t.http.post('/dev/clock', { advance: 'PT61S' });
        await t.app.get(WorkerService).runOnce();
        expect((await t.http.get(`/v1/invoices/${inv.body.id}`, { token: m.secretKey })).body).toMatchObject({
          status: 'paid',
          balance: 0,
        });
        const list = await t.http.get(`/v1/payments?invoiceId=${inv.body.id}`, { token: m.secretKey });
        expect(list.body.data).toMatchObject([{ status: 'succeeded', paymentMethodId: cardA, amount: 2468 }]);
        expect((await pay(cardB)).body.error).toMatchObject({ code: 'invoice_not_payable' });
        expect(processor.ledger.charges.size).toBe(before + 1);
      } finally {
        restore();
      }
    });

    it('refunds in part and the balance rises again', async () => {
      const c = await authorizedContact(t, m.secretKey, m.merchantId);
      const inv = await invoice(c.contactId, { amount: 10_000 });
      const pm = await addCard(t, c.session);
      const pay = await t.http.post(
        `/v1/customer/invoices/${inv.body.id}/payments`,
        { paymentMethodId: pm },
        { token: c.session },
      );
      const refund = await t.http.post(`/v1/payments/${pay.body.id}/refunds`, { amount: 2500 }, { token: m.secretKey });
      expect(refund.body).toMatchObject({ refundedAmount: 2500 });
      expect((await t.http.get(`/v1/invoices/${inv.body.id}`, { token: m.secretKey })).body).toMatchObject({
        status: 'partially_paid',
        balance: 2500,
      });
      const credit = await t.http.post(
        `/v1/invoices/${inv.body.id}/credits`,
        { amount: 2500, reason: 'Goodwill' },
        { token: m.secretKey },
      );
      expect(credit.body).toMatchObject({ status: 'paid', balance: 0, creditedAmount: 2500 });
      const tooMuch = await t.http.post(
        `/v1/payments/${pay.body.id}/refunds`,
        { amount: 9000 },
        { token: m.secretKey },
      );
      expect(tooMuch.body.error.param).toBe('amount');
    });
  });
});
