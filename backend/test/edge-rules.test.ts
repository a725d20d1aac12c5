import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { WorkerService } from '../src/platform/worker/worker.service.js';
import { startApp, type TestApp } from './support/app.js';
import { addCard, authorizedContact, CARDS, verifiedContact } from './support/billing.js';
import { applicationBody, ORIGIN } from './support/credit.js';
import { signUpMerchant, unique, type SignedUpMerchant } from './support/factories.js';

describe('rules at the edges', () => {
  let t: TestApp;
  let m: SignedUpMerchant;
  beforeAll(async () => {
    t = await startApp();
    m = await signUpMerchant(t.http);
    await t.http.patch('/v1/merchant/settings', { allowedOrigins: [ORIGIN] }, { token: m.secretKey });
  });
  afterAll(async () => t?.close());
  const invoice = (contactId: string, amount: number) =>
    t.http.post('/v1/invoices', { contactId, number: `INV-${unique()}`, amount }, { token: m.secretKey });
  const events = async (subjectId: string) =>
    (
      await t.db.dataSource.query(`SELECT type FROM events WHERE merchant_id = $1 AND subject_id = $2 ORDER BY id`, [
        m.merchantId,
        subjectId,
      ])
    ).map((e: { type: string }) => e.type);

  it('refuses fields on routes that take no body, discounts included', async () => {
    const c = await authorizedContact(t, m.secretKey, m.merchantId);
    const inv = await invoice(c.contactId, 1000);
    const extra = await t.http.post(`/v1/invoices/${inv.body.id}/void`, { reason: 'x' }, { token: m.secretKey });
    expect(extra.status).toBe(422);
    expect(extra.body.error).toMatchObject({ code: 'unknown_field', param: 'reason' });
    const discount = await t.http.post(`/v1/invoices/${inv.body.id}/void`, { discount: 5 }, { token: m.secretKey });
    expect(discount.body.error.code).toBe('early_payment_discount_unsupported');
    expect((await t.http.get(`/v1/invoices/${inv.body.id}`, { token: m.secretKey })).body.status).toBe('open');
  });

  it('tells a widget nothing about a business whose email it typed, and mails that business only when its status moves', async () => {
    await new Promise((r) => setTimeout(r, 5100)); // the origin cache
    const c = await authorizedContact(t, m.secretKey, m.merchantId);
    const email = (await t.http.get(`/v1/contacts/${c.contactId}`, { token: m.secretKey })).body.email;
    const res = await t.http.post(
      '/v1/credit-applications',
      applicationBody({ email, taxId: '98-7654321', mode: 'credit_check_with_terms' }),
      { publishableKey: m.publishableKey, origin: ORIGIN },
    );
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      application: expect.objectContaining({ score: null, reasons: [] }),
      contact: { id: c.contactId },
      noticeSent: true,
    });
    expect((await t.http.get(`/v1/contacts/${c.contactId}`, { token: m.secretKey })).body.status).toBe('authorized');
    await t.app.get(WorkerService).runOnce();
    const mails = (await t.http.get(`/dev/mailbox?to=${encodeURIComponent(email)}`)).body.data;
    expect(mails.filter((x: { subject: string }) => x.subject.includes('trade credit'))).toHaveLength(0);
  });

  it('makes the method named at acceptance the default', async () => {
    const c = await verifiedContact(t, m.secretKey, m.merchantId, 'credit_check_with_terms');
    const first = await addCard(t, c.session);
    const second = await addCard(t, c.session, CARDS.insufficient);
    const res = await t.http.post(
      `/v1/customer/terms-offers/${c.offerId}/accept`,
      { signatureName: 'J', paymentMethodId: second },
      { token: c.session },
    );
    expect(res.status).toBe(200);
    const methods = (await t.http.get('/v1/customer/payment-methods', { token: c.session })).body.data;
    expect(methods.find((p: { id: string }) => p.id === second).isDefault).toBe(true);
    expect(methods.find((p: { id: string }) => p.id === first).isDefault).toBe(false);
  });

  it('pays a request that clears its invoice without cancelling it, and cancels the others', async () => {
    const c = await verifiedContact(t, m.secretKey, m.merchantId);
    const inv = await invoice(c.contactId, 3000);
    const automatic = (await t.http.get('/v1/customer/payment-requests', { token: c.session })).body.data[0];
    const own = await t.http.post(
      '/v1/payment-requests',
      { contactId: c.contactId, amount: 3000, invoiceId: inv.body.id },
      { token: m.secretKey },
    );
    await t.http.post(`/v1/customer/payment-requests/${own.body.id}/approve`, {}, { token: c.session });
    const pm = await addCard(t, c.session);
    expect(
      (
        await t.http.post(
          `/v1/customer/payment-requests/${own.body.id}/payments`,
          { amount: 3000, paymentMethodId: pm },
          { token: c.session },
        )
      ).status,
    ).toBe(201);
    expect(await events(own.body.id)).toEqual([
      'payment_request.created',
      'payment_request.approved',
      'payment_request.paid',
    ]);
    expect((await t.http.get(`/v1/payment-requests/${automatic.id}`, { token: m.secretKey })).body.status).toBe(
      'cancelled',
    );
    expect((await t.http.get(`/v1/invoices/${inv.body.id}`, { token: m.secretKey })).body.status).toBe('paid');
  });

  it('cancels open requests when a dispute credit pays the invoice', async () => {
    const c = await verifiedContact(t, m.secretKey, m.merchantId);
    const inv = await invoice(c.contactId, 2000);
    const request = (await t.http.get('/v1/customer/payment-requests', { token: c.session })).body.data[0];
    const d = await t.http.post(
      `/v1/customer/invoices/${inv.body.id}/disputes`,
      { amount: 2000, explanation: 'Not ours' },
      { token: c.session },
    );
    await t.http.post(`/v1/disputes/${d.body.id}/resolve`, { outcome: 'credit' }, { token: m.secretKey });
    expect((await t.http.get(`/v1/payment-requests/${request.id}`, { token: m.secretKey })).body.status).toBe(
      'cancelled',
    );
  });

  it('refuses to refund a payment of a disputed invoice before anything moves', async () => {
    const c = await authorizedContact(t, m.secretKey, m.merchantId);
    const inv = await invoice(c.contactId, 5000);
    const request = await t.http.post(
      '/v1/payment-requests',
      { contactId: c.contactId, amount: 5000, invoiceId: inv.body.id, minimumPercent: 10 },
      { token: m.secretKey },
    );
    await t.http.post(`/v1/customer/payment-requests/${request.body.id}/approve`, {}, { token: c.session });
    const pm = await addCard(t, c.session);
    const pay = await t.http.post(
      `/v1/customer/payment-requests/${request.body.id}/payments`,
      { amount: 1000, paymentMethodId: pm },
      { token: c.session },
    );
    await t.http.post(
      `/v1/customer/invoices/${inv.body.id}/disputes`,
      { amount: 500, explanation: 'Scratched' },
      { token: c.session },
    );
    const refund = await t.http.post(`/v1/payments/${pay.body.id}/refunds`, {}, { token: m.secretKey });
    expect(refund.status).toBe(409);
    expect(refund.body.error.code).toBe('invoice_not_refundable');
    const refunds = await t.db.dataSource.query('SELECT count(*)::int AS n FROM refunds WHERE merchant_id = $1', [
      m.merchantId,
    ]);
    expect(refunds[0].n).toBe(0);
  });

  it('holds an edited amount to the credit limit too', async () => {
    const c = await authorizedContact(t, m.secretKey, m.merchantId);
    const inv = await invoice(c.contactId, 900_000);
    const res = await t.http.patch(`/v1/invoices/${inv.body.id}`, { amount: 1_000_001 }, { token: m.secretKey });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('credit_limit_exceeded');
    expect(
      (await t.http.patch(`/v1/invoices/${inv.body.id}`, { amount: 1_000_000 }, { token: m.secretKey })).status,
    ).toBe(200);
  });

  it('emails a fresh link for an expired one, from the hosted wallet', async () => {
    const c = await verifiedContact(t, m.secretKey, m.merchantId);
    const email = (await t.http.get(`/v1/contacts/${c.contactId}`, { token: m.secretKey })).body.email;
    await t.http.post(`/v1/contacts/${c.contactId}/wallet-links`, {}, { token: m.secretKey });
    await t.app.get(WorkerService).runOnce();
    const old = decodeURIComponent(
      /cc_token=([^\s&]+)/.exec(
        (await t.http.get(`/dev/mailbox?to=${encodeURIComponent(email)}`)).body.data[0].text,
      )![1]!,
    );
    await t.http.post('/dev/clock', { advance: 'P31D' });
    expect((await t.http.post('/v1/customer/sessions', { linkToken: old })).status).toBe(401);
    expect((await t.http.post('/v1/customer/wallet-links', { linkToken: old })).status).toBe(202);
    expect((await t.http.post('/v1/customer/wallet-links', { linkToken: 'wl_unknown' })).status).toBe(202);
    await t.app.get(WorkerService).runOnce();
    const fresh = decodeURIComponent(
      /cc_token=([^\s&]+)/.exec(
        (await t.http.get(`/dev/mailbox?to=${encodeURIComponent(email)}`)).body.data[0].text,
      )![1]!,
    );
    expect(fresh).not.toBe(old);
    expect((await t.http.post('/v1/customer/sessions', { linkToken: fresh })).status).toBe(201);
  });
});
