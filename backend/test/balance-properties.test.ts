import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { startApp, type TestApp } from './support/app.js';
import { addCard, verifiedContact } from './support/billing.js';
import { signUpMerchant, unique, type SignedUpMerchant } from './support/factories.js';

type Op = { kind: 'pay'; share: number } | { kind: 'credit'; share: number } | { kind: 'refund'; share: number };

/**
 * Random sequences of partial payments, credit notes and refunds through the real API: the
 * invoice's balance always equals amount − payments + refunds − credits, never goes negative,
 * and nothing is ever paid beyond the invoice.
 */
describe('balances under any sequence of payments, credits and refunds', () => {
  let t: TestApp;
  let m: SignedUpMerchant;
  beforeAll(async () => {
    t = await startApp();
    m = await signUpMerchant(t.http);
  });
  afterAll(async () => t?.close());

  const op = fc.oneof(
    fc.record({ kind: fc.constant('pay' as const), share: fc.double({ min: 0.01, max: 1.5, noNaN: true }) }),
    fc.record({ kind: fc.constant('credit' as const), share: fc.double({ min: 0.01, max: 1.5, noNaN: true }) }),
    fc.record({ kind: fc.constant('refund' as const), share: fc.double({ min: 0.01, max: 1, noNaN: true }) }),
  );

  it('keeps the balance identity', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 100, max: 10_000_000 }),
        fc.array(op, { minLength: 1, maxLength: 8 }),
        async (amount, ops: Op[]) => {
          const c = await verifiedContact(t, m.secretKey, m.merchantId);
          const inv = (
            await t.http.post(
              '/v1/invoices',
              { contactId: c.contactId, number: `P-${unique()}`, amount },
              { token: m.secretKey },
            )
          ).body;
          const pr = (
            await t.http.post(
              '/v1/payment-requests',
              { contactId: c.contactId, amount, invoiceId: inv.id, minimumPercent: 1 },
              { token: m.secretKey },
            )
          ).body;
          await t.http.post(`/v1/customer/payment-requests/${pr.id}/approve`, {}, { token: c.session });
          const pm = await addCard(t, c.session);
          const payments: string[] = [];
          for (const o of ops) {
            const current = (await t.http.get(`/v1/invoices/${inv.id}`, { token: m.secretKey })).body;
            const value = Math.max(1, Math.floor(current.balance * o.share));
            if (o.kind === 'pay') {
              const res = await t.http.post(
                `/v1/customer/payment-requests/${pr.id}/payments`,
                { amount: value, paymentMethodId: pm },
                { token: c.session },
              );
              if (res.status === 201) payments.push(res.body.id);
              else expect([409, 422]).toContain(res.status);
            } else if (o.kind === 'credit') {
              const res = await t.http.post(
                `/v1/invoices/${inv.id}/credits`,
                { amount: value, reason: 'property' },
                { token: m.secretKey },
              );
              expect([201, 409, 422]).toContain(res.status);
            } else if (payments.length) {
              const res = await t.http.post(
                `/v1/payments/${payments[0]}/refunds`,
                { amount: Math.max(1, Math.floor(value / 2)) },
                { token: m.secretKey },
              );
              expect([201, 409, 422]).toContain(res.status);
            }
            const after = (await t.http.get(`/v1/invoices/${inv.id}`, { token: m.secretKey })).body;
            const paid = (await t.http.get(`/v1/payments?invoiceId=${inv.id}`, { token: m.secretKey })).body.data
              .filter((p: { status: string }) => p.status === 'succeeded')
              .reduce((s: number, p: { amount: number; refundedAmount: number }) => s + p.amount - p.refundedAmount, 0);
            expect(after.balance).toBeGreaterThanOrEqual(0);
            expect(paid + after.creditedAmount).toBe(amount - after.balance);
            expect(after.balance === 0).toBe(after.status === 'paid');
          }
        },
      ),
      { numRuns: 12 },
    );
  });
});
