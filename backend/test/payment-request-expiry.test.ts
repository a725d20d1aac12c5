import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SessionsService } from '../src/domain/users/sessions.service.js';
import { WorkerService } from '../src/platform/worker/worker.service.js';
import { startApp, type TestApp } from './support/app.js';
import { verifiedContact } from './support/billing.js';
import { signUpMerchant, unique, type SignedUpMerchant } from './support/factories.js';

describe('payment requests awaiting approval expire', () => {
  let t: TestApp;
  let m: SignedUpMerchant;
  beforeAll(async () => {
    t = await startApp();
    m = await signUpMerchant(t.http);
  }, 120_000);
  afterAll(async () => t?.close());

  const request = async (contactId: string, over: Record<string, unknown> = {}) => {
    const res = await t.http.post(
      '/v1/payment-requests',
      { contactId, amount: 50_000, ...over },
      { token: m.secretKey },
    );
    expect(res.status).toBe(201);
    return res.body as { id: string; status: string };
  };
  const status = async (id: string) =>
    (await t.http.get(`/v1/payment-requests/${id}`, { token: m.secretKey })).body.status;
  const advance = async (duration: string) =>
    expect((await t.http.post('/dev/clock', { advance: duration })).status).toBe(200);
  const session = async (contactId: string) =>
    (await t.app.get(SessionsService).createCustomerSession(m.merchantId, contactId)).token;

  it('30 days after it was made (or after a later due date); one made for an invoice lives with the invoice', async () => {
    const c = await verifiedContact(t, m.secretKey, m.merchantId);
    const { today } = (await t.http.get('/dev/clock')).body;
    const plain = await request(c.contactId);
    const dueLater = await request(c.contactId, {
      dueDate: new Date(Date.parse(`${today}T00:00:00Z`) + 10 * 86400_000).toISOString().slice(0, 10),
    });
    const approved = await request(c.contactId);
    expect(
      (await t.http.post(`/v1/customer/payment-requests/${approved.id}/approve`, {}, { token: c.session })).status,
    ).toBe(200);
    const invoice = await t.http.post(
      '/v1/invoices',
      { contactId: c.contactId, number: `INV-${unique()}`, amount: 20_000 },
      { token: m.secretKey },
    );
    const forInvoice = (
      await t.http.get(`/v1/payment-requests?contactId=${c.contactId}`, { token: m.secretKey })
    ).body.data.find((r: { invoiceId: string | null }) => r.invoiceId === invoice.body.id);
    expect(forInvoice.status).toBe('pending_approval');

    await advance('P29D');
    await t.app.get(WorkerService).runOnce();
    expect(await status(plain.id)).toBe('pending_approval');

    await advance('P2D'); // 31 days after
    const customer = await session(c.contactId);
    // Between the deadline and the worker's pass, approving is already refused.
    const late = await t.http.post(`/v1/customer/payment-requests/${plain.id}/approve`, {}, { token: customer });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('payment_request_not_open');
    expect(await status(plain.id)).toBe('expired'); // reads say so before the worker's pass records it
    const customerView = await t.http.get(`/v1/customer/payment-requests/${plain.id}`, { token: customer });
    expect(customerView.body.status).toBe('expired');
    await t.app.get(WorkerService).runOnce();
    expect(await status(plain.id)).toBe('expired');
    expect(await status(dueLater.id)).toBe('pending_approval'); // due in 10 days: 30 days after that
    expect(await status(approved.id)).toBe('approved');
    expect(await status(forInvoice.id)).toBe('pending_approval');
    const events = await t.http.get('/v1/events?limit=100', { token: m.secretKey });
    expect(
      events.body.data
        .filter(
          (e: { type: string; data: { paymentRequest?: { id: string } } }) => e.type === 'payment_request.expired',
        )
        .map((e: { data: { paymentRequest?: { id: string } } }) => e.data.paymentRequest?.id),
    ).toEqual([plain.id]);
    const audit = await t.http.get(`/v1/audit-log?subjectId=${plain.id}`, { token: m.secretKey });
    expect(
      audit.body.data.some(
        (a: { action: string; actor: { type: string } }) =>
          a.action === 'payment_request.expire' && a.actor.type === 'system',
      ),
    ).toBe(true);

    await advance('P10D');
    await t.app.get(WorkerService).runOnce();
    expect(await status(dueLater.id)).toBe('expired');
    expect(await status(forInvoice.id)).toBe('pending_approval');
  });
});
