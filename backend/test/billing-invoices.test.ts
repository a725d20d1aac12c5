// Invoices: keyed in with line items, held to the credit limit and contract currency, a request for a
// verified contact's invoice, edits and voids while nothing is paid, filters.
import { beforeAll, describe, expect, it } from '@jest/globals';
import type { TestApp } from './support/app.js';
import { addCard, authorizedContact, billingSuite, verifiedContact } from './support/billing.js';
import { unique, type SignedUpMerchant } from './support/factories.js';

describe('invoices, payment requests and payments', () => {
  const { suite, invoice } = billingSuite();
  let t: TestApp;
  let m: SignedUpMerchant;
  beforeAll(() => {
    ({ t, m } = suite());
  });

  describe('invoices', () => {
    it('keys in an invoice with line items, due date from the contract, unique number', async () => {
      const c = await authorizedContact(t, m.secretKey, m.merchantId);
      const number = `INV-${unique()}`;
      // Issued today, so the due date (net 30 from the contract) is in the future whatever day the suite runs.
      const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
      const res = await t.http.post(
        '/v1/invoices',
        {
          contactId: c.contactId,
          number,
          currency: 'USD',
          issuedAt: day(0),
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
        issuedAt: day(0),
        dueDate: day(30),
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
});
