// Payment requests (approval, partial payments from the snapshotted minimum, never above the invoice's
// balance, declines, each contact's own) and payment methods (token, brand and last 4 only; the default).
import { beforeAll, describe, expect, it } from '@jest/globals';
import type { TestApp } from './support/app.js';
import { addCard, billingSuite, CARDS, verifiedContact } from './support/billing.js';
import type { SignedUpMerchant } from './support/factories.js';

describe('invoices, payment requests and payments', () => {
  const { suite, invoice } = billingSuite();
  let t: TestApp;
  let m: SignedUpMerchant;
  beforeAll(() => {
    ({ t, m } = suite());
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
