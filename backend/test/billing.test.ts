import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PAYMENT_PROCESSOR } from '../src/domain/payments/processor/payment-processor.js';
import type { SimulatedProcessor } from '../src/domain/payments/processor/simulated-processor.js';
import { WorkerService } from '../src/platform/worker/worker.service.js';
import { startApp, type TestApp } from './support/app.js';
import { failNextAppend } from './support/faults.js';
import { addCard, authorizedContact, CARDS, verifiedContact } from './support/billing.js';
import { signUpMerchant, unique, type SignedUpMerchant } from './support/factories.js';

describe('invoices, payment requests and payments', () => {
  let t: TestApp;
  let m: SignedUpMerchant;
  beforeAll(async () => {
    t = await startApp();
    m = await signUpMerchant(t.http);
  });
  afterAll(async () => t?.close());
  const invoice = (contactId: string, over: Record<string, unknown> = {}) =>
    t.http.post(
      '/v1/invoices',
      { contactId, number: `INV-${unique()}`, amount: 100_000, ...over },
      { token: m.secretKey },
    );

  describe('invoices', () => {
    it('keys in an invoice with line items, due date from the contract, unique number', async () => {
      const c = await authorizedContact(t, m.secretKey, m.merchantId);
      const number = `INV-${unique()}`;
      const res = await t.http.post(
        '/v1/invoices',
        {
          contactId: c.contactId,
          number,
          currency: 'USD',
          issuedAt: '2026-11-01',
          lineItems: [
            { description: 'Hex bolts M8 (box)', quantity: 3, unitAmount: 1250 },
            { description: 'Delivery', quantity: 1, unitAmount: 2000 },
          ],
        },
        { token: m.secretKey },
      );
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        number,
        amount: 5750,
        balance: 5750,
        status: 'open',
        issuedAt: '2026-11-01',
        dueDate: '2026-12-01',
        overdue: false,
      });
      const dup = await t.http.post(
        '/v1/invoices',
        { contactId: c.contactId, number, amount: 1 },
        { token: m.secretKey },
      );
      expect(dup.status).toBe(409);
      expect(dup.body.error).toMatchObject({ code: 'duplicate_invoice_number', param: 'number' });
      const mismatch = await invoice(c.contactId, {
        amount: 100,
        lineItems: [{ description: 'x', quantity: 1, unitAmount: 99 }],
      });
      expect(mismatch.body.error).toMatchObject({ code: 'parameter_invalid', param: 'amount' });
      expect((await invoice(c.contactId, { amount: 10.5 })).body.error).toMatchObject({
        code: 'parameter_invalid',
        param: 'amount',
      });
      expect((await invoice(c.contactId, { amount: -1 })).body.error.param).toBe('amount');
      expect((await invoice(c.contactId, { earlyPaymentDiscount: 2 })).body.error.code).toBe(
        'early_payment_discount_unsupported',
      );
    });

    it('holds authorized contacts to their credit limit and contract currency', async () => {
      const c = await authorizedContact(t, m.secretKey, m.merchantId);
      expect((await invoice(c.contactId, { amount: 600_000 })).status).toBe(201);
      const over = await invoice(c.contactId, { amount: 400_001 });
      expect(over.status).toBe(422);
      expect(over.body.error.code).toBe('credit_limit_exceeded');
      expect((await invoice(c.contactId, { amount: 400_000 })).status).toBe(201); // reaching the limit exactly is allowed
      const eur = await invoice(c.contactId, { amount: 1, currency: 'EUR' });
      expect(eur.body.error.code).toBe('currency_mismatch');
    });

    it('gives a verified contact a payment request for its invoice', async () => {
      const c = await verifiedContact(t, m.secretKey, m.merchantId);
      const inv = await invoice(c.contactId, { amount: 40_000 });
      const prs = await t.http.get(`/v1/customer/payment-requests`, { token: c.session });
      expect(prs.body.data).toEqual([
        expect.objectContaining({ invoiceId: inv.body.id, amount: 40_000, status: 'pending_approval' }),
      ]);
    });

    it('edits while nothing is paid; voids only then; filters by status and overdue', async () => {
      const c = await authorizedContact(t, m.secretKey, m.merchantId);
      const inv = await invoice(c.contactId, { amount: 5000, issuedAt: '2026-01-01', dueDate: '2026-01-31' });
      const edited = await t.http.patch(
        `/v1/invoices/${inv.body.id}`,
        { amount: 6000, description: 'Corrected' },
        { token: m.secretKey },
      );
      expect(edited.body).toMatchObject({ amount: 6000, balance: 6000, description: 'Corrected', overdue: true });
      const overdue = await t.http.get(`/v1/invoices?contactId=${c.contactId}&overdue=true`, { token: m.secretKey });
      expect(overdue.body.data.map((i: { id: string }) => i.id)).toEqual([inv.body.id]);
      const voided = await t.http.post(`/v1/invoices/${inv.body.id}/void`, {}, { token: m.secretKey });
      expect(voided.body.status).toBe('void');
      expect(
        (await t.http.get(`/v1/invoices?contactId=${c.contactId}&status=void`, { token: m.secretKey })).body.data,
      ).toHaveLength(1);

      const paid = await invoice(c.contactId, { amount: 3000 });
      const pm = await addCard(t, c.session);
      expect(
        (
          await t.http.post(
            `/v1/customer/invoices/${paid.body.id}/payments`,
            { paymentMethodId: pm },
            { token: c.session },
          )
        ).status,
      ).toBe(201);
      const v = await t.http.post(`/v1/invoices/${paid.body.id}/void`, {}, { token: m.secretKey });
      expect(v.status).toBe(409);
      expect(v.body.error.code).toBe('invoice_not_voidable');
      expect(
        (await t.http.patch(`/v1/invoices/${paid.body.id}`, { amount: 1 }, { token: m.secretKey })).body.error.code,
      ).toBe('invoice_not_editable');
    });
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

  describe('payment requests and minimums', () => {
    it('requires approval, then takes partial payments from the snapshotted minimum', async () => {
      await t.http.patch(
        '/v1/merchant/settings',
        { partialPayments: { defaultMinimumPercent: 25, byMethod: { card: 50 } } },
        { token: m.secretKey },
      );
      const c = await verifiedContact(t, m.secretKey, m.merchantId);
      const pr = await t.http.post(
        '/v1/payment-requests',
        { contactId: c.contactId, amount: 10_001, memo: 'October supplies' },
        { token: m.secretKey },
      );
      expect(pr.status).toBe(201);
      expect(pr.body.minimums).toEqual({ card: { percent: 50, amount: 5001 }, ach: { percent: 25, amount: 2501 } });
      await t.http.patch(
        '/v1/merchant/settings',
        { partialPayments: { defaultMinimumPercent: null, byMethod: { card: null } } },
        { token: m.secretKey },
      );
      const pm = await addCard(t, c.session);
      const early = await t.http.post(
        `/v1/customer/payment-requests/${pr.body.id}/payments`,
        { amount: 6000, paymentMethodId: pm },
        { token: c.session },
      );
      expect(early.status).toBe(409);
      expect(early.body.error.code).toBe('approval_required');
      await t.http.post(`/v1/customer/payment-requests/${pr.body.id}/approve`, {}, { token: c.session });
      const below = await t.http.post(
        `/v1/customer/payment-requests/${pr.body.id}/payments`,
        { amount: 5000, paymentMethodId: pm },
        { token: c.session },
      );
      expect(below.status).toBe(422);
      expect(below.body.error).toMatchObject({ code: 'below_minimum_payment', param: 'amount', minimum: 5001 });
      const first = await t.http.post(
        `/v1/customer/payment-requests/${pr.body.id}/payments`,
        { amount: 5001, paymentMethodId: pm },
        { token: c.session },
      );
      expect(first.status).toBe(201);
      const over = await t.http.post(
        `/v1/customer/payment-requests/${pr.body.id}/payments`,
        { amount: 5001, paymentMethodId: pm },
        { token: c.session },
      );
      expect(over.body.error.code).toBe('exceeds_remaining_balance');
      const rest = await t.http.post(
        `/v1/customer/payment-requests/${pr.body.id}/payments`,
        { amount: 5000, paymentMethodId: pm },
        { token: c.session },
      );
      expect(rest.status).toBe(201); // the whole remainder is always allowed
      expect((await t.http.get(`/v1/payment-requests/${pr.body.id}`, { token: m.secretKey })).body).toMatchObject({
        status: 'paid',
        remaining: 0,
      });
    });

    it("pays an invoice partly through its request and never above the invoice's balance", async () => {
      const c = await verifiedContact(t, m.secretKey, m.merchantId);
      const inv = await invoice(c.contactId, { amount: 20_000 });
      const prs = await t.http.get('/v1/customer/payment-requests', { token: c.session });
      const pr = prs.body.data[0];
      const own = await t.http.post(
        '/v1/payment-requests',
        { contactId: c.contactId, amount: 20_000, invoiceId: inv.body.id, minimumPercent: 10 },
        { token: m.secretKey },
      );
      await t.http.post(`/v1/customer/payment-requests/${own.body.id}/approve`, {}, { token: c.session });
      const pm = await addCard(t, c.session);
      const part = await t.http.post(
        `/v1/customer/payment-requests/${own.body.id}/payments`,
        { amount: 2000, paymentMethodId: pm },
        { token: c.session },
      );
      expect(part.status).toBe(201);
      expect((await t.http.get(`/v1/invoices/${inv.body.id}`, { token: m.secretKey })).body).toMatchObject({
        status: 'partially_paid',
        balance: 18_000,
      });
      const tooBig = await t.http.post(
        '/v1/payment-requests',
        { contactId: c.contactId, amount: 18_001, invoiceId: inv.body.id },
        { token: m.secretKey },
      );
      expect(tooBig.body.error.code).toBe('exceeds_remaining_balance');
      const auto = await t.http.get(`/v1/payment-requests/${pr.id}`, { token: m.secretKey });
      expect(auto.body.amount).toBe(18_000);
    });

    it('lets a contact decline, and keeps contacts to their own requests', async () => {
      const c = await verifiedContact(t, m.secretKey, m.merchantId);
      const other = await verifiedContact(t, m.secretKey, m.merchantId);
      const pr = await t.http.post(
        '/v1/payment-requests',
        { contactId: c.contactId, amount: 500 },
        { token: m.secretKey },
      );
      expect((await t.http.get(`/v1/customer/payment-requests/${pr.body.id}`, { token: other.session })).status).toBe(
        404,
      );
      expect(
        (await t.http.post(`/v1/customer/payment-requests/${pr.body.id}/approve`, {}, { token: other.session })).status,
      ).toBe(404);
      const declined = await t.http.post(
        `/v1/customer/payment-requests/${pr.body.id}/decline`,
        {},
        { token: c.session },
      );
      expect(declined.body.status).toBe('declined');
      expect(
        (await t.http.post(`/v1/customer/payment-requests/${pr.body.id}/approve`, {}, { token: c.session })).status,
      ).toBe(409);
    });
  });

  describe('payment methods', () => {
    it('keeps only token, brand and last 4; the first is the default; the customer can change it', async () => {
      const c = await verifiedContact(t, m.secretKey, m.merchantId);
      const first = await t.http.post(
        '/v1/customer/payment-methods',
        { type: 'card', card: { number: CARDS.ok, expMonth: 12, expYear: 2034, cvc: '123' } },
        { token: c.session },
      );
      expect(first.body).toMatchObject({ type: 'card', brand: 'visa', last4: '4242', isDefault: true });
      const bank = await t.http.post(
        '/v1/customer/payment-methods',
        { type: 'ach', ach: { routingNumber: '110000000', accountNumber: '000123456789', accountHolder: 'Acme' } },
        { token: c.session },
      );
      expect(bank.body).toMatchObject({ type: 'ach', last4: '6789', isDefault: false });
      await t.http.post(`/v1/customer/payment-methods/${bank.body.id}/default`, {}, { token: c.session });
      const list = await t.http.get('/v1/customer/payment-methods', { token: c.session });
      expect(list.body.data.map((p: { id: string; isDefault: boolean }) => [p.id, p.isDefault])).toEqual([
        [bank.body.id, true],
        [first.body.id, false],
      ]);
      const dump =
        JSON.stringify(await t.db.dataSource.query('SELECT * FROM payment_methods')) +
        JSON.stringify(await t.db.dataSource.query('SELECT * FROM audit_log')) +
        JSON.stringify(await t.db.dataSource.query('SELECT * FROM idempotency_keys'));
      expect(dump).not.toContain('4242424242424242');
      expect(dump).not.toContain('000123456789');
      const bad = await t.http.post(
        '/v1/customer/payment-methods',
        { type: 'card', card: { number: '4242 4242 4242 4241', expMonth: 12, expYear: 2034, cvc: '123' } },
        { token: c.session },
      );
      expect(bad.body.error).toMatchObject({ code: 'parameter_invalid', param: 'card.number' });
      const expired = await t.http.post(
        '/v1/customer/payment-methods',
        { type: 'card', card: { number: CARDS.ok, expMonth: 1, expYear: 2020, cvc: '123' } },
        { token: c.session },
      );
      expect(expired.body.error.param).toBe('card.expYear');
    });
  });
});
