import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { WorkerService } from '../src/platform/worker/worker.service.js';
import { startApp, type TestApp } from './support/app.js';
import { addCard, authorizedContact, verifiedContact } from './support/billing.js';
import { signUpMerchant, unique, type SignedUpMerchant } from './support/factories.js';
import { failNextAppend } from './support/faults.js';

/**
 * A payment whose record failed after the charge stays `processing` until it is settled: it
 * holds what it pays (no other payment can overpay around it), and the invoice's amount and
 * status cannot change under it (void, edit, credit note, dispute: 409 payment_processing).
 */
describe('payments in progress', () => {
  let t: TestApp;
  let m: SignedUpMerchant;
  beforeAll(async () => {
    t = await startApp();
    m = await signUpMerchant(t.http);
  });
  afterAll(async () => t?.close());
  const invoice = (contactId: string, amount: number) =>
    t.http.post('/v1/invoices', { contactId, number: `INV-${unique()}`, amount }, { token: m.secretKey });
  const settle = async () => {
    await t.http.post('/dev/clock', { advance: 'PT61S' });
    await t.app.get(WorkerService).runOnce();
  };

  it('a processing payment holds its amount: the rest of a request can be paid, not more', async () => {
    const c = await verifiedContact(t, m.secretKey, m.merchantId);
    const inv = await invoice(c.contactId, 10_000);
    const pr = await t.http.post(
      '/v1/payment-requests',
      { contactId: c.contactId, amount: 10_000, invoiceId: inv.body.id, minimumPercent: 10 },
      { token: m.secretKey },
    );
    await t.http.post(`/v1/customer/payment-requests/${pr.body.id}/approve`, {}, { token: c.session });
    const pm = await addCard(t, c.session);
    const pay = (amount: number) =>
      t.http.post(
        `/v1/customer/payment-requests/${pr.body.id}/payments`,
        { amount, paymentMethodId: pm },
        { token: c.session },
      );
    const restore = failNextAppend(t, 'payment.succeeded');
    try {
      expect((await pay(4000)).status).toBe(500); // charged, not recorded: the attempt stays processing
    } finally {
      restore();
    }
    const over = await pay(7000);
    expect(over.status).toBe(422);
    expect(over.body.error).toMatchObject({ code: 'exceeds_remaining_balance', param: 'amount', remaining: 6000 });
    expect((await pay(6000)).status).toBe(201);
    await settle();
    expect((await t.http.get(`/v1/invoices/${inv.body.id}`, { token: m.secretKey })).body).toMatchObject({
      status: 'paid',
      balance: 0,
      paidAmount: 10_000,
    });
    const payments = await t.http.get(`/v1/payments?paymentRequestId=${pr.body.id}`, { token: m.secretKey });
    expect(payments.body.data.map((p: { status: string; amount: number }) => [p.status, p.amount]).sort()).toEqual([
      ['succeeded', 4000],
      ['succeeded', 6000],
    ]);
  });

  it('the invoice cannot be voided, edited, credited or disputed under a processing payment', async () => {
    const c = await authorizedContact(t, m.secretKey, m.merchantId);
    const inv = await invoice(c.contactId, 5000);
    const pm = await addCard(t, c.session);
    const restore = failNextAppend(t, 'payment.succeeded');
    try {
      const lost = await t.http.post(
        `/v1/customer/invoices/${inv.body.id}/payments`,
        { paymentMethodId: pm },
        { token: c.session },
      );
      expect(lost.status).toBe(500);
    } finally {
      restore();
    }
    const listed = await t.http.get(`/v1/payments?invoiceId=${inv.body.id}`, { token: m.secretKey });
    expect(listed.body.data).toMatchObject([{ status: 'processing', amount: 5000 }]);
    const refused = [
      await t.http.post(`/v1/invoices/${inv.body.id}/void`, {}, { token: m.secretKey }),
      await t.http.patch(`/v1/invoices/${inv.body.id}`, { amount: 6000 }, { token: m.secretKey }),
      await t.http.post(
        `/v1/invoices/${inv.body.id}/credits`,
        { amount: 100, reason: 'Goodwill' },
        { token: m.secretKey },
      ),
      await t.http.post(
        `/v1/customer/invoices/${inv.body.id}/disputes`,
        { amount: 1000, explanation: 'Short delivery.' },
        { token: c.session },
      ),
      await t.http.post(`/v1/customer/invoices/${inv.body.id}/payments`, { paymentMethodId: pm }, { token: c.session }),
    ];
    expect(refused.map((r) => [r.status, r.body.error?.code])).toEqual(Array(5).fill([409, 'payment_processing']));
    await settle();
    expect((await t.http.get(`/v1/invoices/${inv.body.id}`, { token: m.secretKey })).body).toMatchObject({
      status: 'paid',
      balance: 0,
      amount: 5000,
    });
    const settled = await t.http.get(`/v1/payments?invoiceId=${inv.body.id}`, { token: m.secretKey });
    expect(settled.body.data).toMatchObject([{ status: 'succeeded', amount: 5000 }]);
  });
});
