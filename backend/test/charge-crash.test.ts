import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { BackendProcess, freePort } from './support/backend-process.js';
import { applicationBody } from './support/credit.js';
import { signUpMerchant, unique } from './support/factories.js';
import { HttpClient } from './support/http.js';
import { scratchDatabase } from './support/postgres.js';

const CARDS = { ok: '4242424242424242', declined: '4000000000000002' };

/**
 * No charge without a record: the backend (the built one, on real PostgreSQL) dies right after
 * the processor answered and before the payment is recorded. Started again, its worker settles
 * the `processing` attempt with the processor by its key: one charge, one payment, the balance
 * moved once, one event and one audit entry; the client's retry gets the settled payment.
 */
describe('a crash between the charge and its record (real PostgreSQL, real process)', () => {
  let db: Awaited<ReturnType<typeof scratchDatabase>>;
  let sql: pg.Client;
  let port: number;
  let backend: BackendProcess | undefined;
  const start = async (extra: Record<string, string> = {}) => {
    backend = new BackendProcess(port, {
      DATABASE_URL: db.url.toString(),
      CC_JOBS_INTERVAL_MS: '3600000',
      // One process: the one that charged must die (under node:cluster the primary would fork a new worker and live on).
      CC_WORKERS: '1',
      ...extra,
    });
    await backend.start();
    return new HttpClient(backend.url);
  };
  const count = async (query: string, params: unknown[]) => Number((await sql.query(query, params)).rows[0].n);

  beforeAll(async () => {
    db = await scratchDatabase('cc_charge_crash');
    port = await freePort();
    sql = new pg.Client({ connectionString: db.url.toString() });
  }, 60_000);
  afterAll(async () => {
    await backend?.stop();
    await sql?.end().catch(() => undefined);
    await db?.drop();
  });

  /** A merchant, an authorized customer (over the API) with a card, and an invoice of `amount`. */
  async function customerWithInvoice(http: HttpClient, card: string, amount: number) {
    const m = await signUpMerchant(http);
    const app = await http.post('/v1/credit-applications', applicationBody({ mode: 'credit_check_with_terms' }), {
      token: m.secretKey,
    });
    const session = app.body.customerSession.token as string;
    const accepted = await http.post(
      `/v1/customer/terms-offers/${app.body.termsOffer.id}/accept`,
      { signatureName: 'Jordan Lee' },
      { token: session },
    );
    expect(accepted.status).toBe(200);
    const pm = await http.post(
      '/v1/customer/payment-methods',
      { type: 'card', card: { number: card, expMonth: 12, expYear: 2034, cvc: '123' } },
      { token: session },
    );
    const inv = await http.post(
      '/v1/invoices',
      { contactId: app.body.contact.id, number: `INV-${unique()}`, amount },
      { token: m.secretKey },
    );
    expect(inv.status).toBe(201);
    return { m, session, pm: pm.body.id as string, invoiceId: inv.body.id as string };
  }

  it('settles a succeeded charge once after the process died between the charge and the commit', async () => {
    let http = await start({ CC_FAULT_EXIT_AFTER_CHARGE: '1' });
    const { m, session, pm, invoiceId } = await customerWithInvoice(http, CARDS.ok, 4321);
    const key = `pay-${unique()}`;
    const pay = () =>
      http.post(
        `/v1/customer/invoices/${invoiceId}/payments`,
        { paymentMethodId: pm },
        { token: session, idempotencyKey: key },
      );

    await expect(pay()).rejects.toThrow(); // the process exits before it answers
    await new Promise<void>((r) => (backend!.child!.exitCode !== null ? r() : backend!.child!.once('exit', () => r())));
    await sql.connect();
    expect(await count('SELECT count(*) AS n FROM simulated_charges', [])).toBe(1); // the card was charged
    const [attempt] = (await sql.query('SELECT id, status FROM payments WHERE invoice_id = $1', [invoiceId])).rows;
    expect(attempt).toMatchObject({ status: 'processing' }); // ...and the attempt was recorded before

    http = await start();
    // Within the grace the worker leaves it to its request; the retry learns the outcome from the processor.
    await http.post('/dev/clock', { advance: 'PT61S' });
    expect((await http.post('/dev/jobs/run')).status).toBe(200);

    const invoice = await http.get(`/v1/invoices/${invoiceId}`, { token: m.secretKey });
    expect(invoice.body).toMatchObject({ status: 'paid', balance: 0, paidAmount: 4321 });
    const payments = await http.get(`/v1/payments?invoiceId=${invoiceId}`, { token: m.secretKey });
    expect(payments.body.data).toMatchObject([{ id: attempt.id, status: 'succeeded', amount: 4321 }]);
    expect(
      await count("SELECT count(*) AS n FROM events WHERE type = 'payment.succeeded' AND subject_id = $1", [
        attempt.id,
      ]),
    ).toBe(1);
    expect(
      await count("SELECT count(*) AS n FROM events WHERE type = 'invoice.paid' AND subject_id = $1", [invoiceId]),
    ).toBe(1);
    expect(
      await count("SELECT count(*) AS n FROM audit_log WHERE action = 'payment.succeeded' AND subject_id = $1", [
        attempt.id,
      ]),
    ).toBe(1);

    const retry = await pay();
    expect(retry.status).toBe(201);
    expect(retry.body).toMatchObject({ id: attempt.id, status: 'succeeded', amount: 4321 });
    expect(await count('SELECT count(*) AS n FROM simulated_charges', [])).toBe(1); // never charged again
    expect(await count('SELECT count(*) AS n FROM payments WHERE invoice_id = $1', [invoiceId])).toBe(1);
    await http.post('/dev/jobs/run');
    expect((await http.get(`/v1/invoices/${invoiceId}`, { token: m.secretKey })).body.paidAmount).toBe(4321);
    await backend!.stop();
  }, 180_000);

  it('settles a declined charge as failed: the invoice stays open, the retry answers the 402', async () => {
    let http = await start({ CC_FAULT_EXIT_AFTER_CHARGE: '1' });
    const { m, session, pm, invoiceId } = await customerWithInvoice(http, CARDS.declined, 999);
    const key = `pay-${unique()}`;
    const pay = () =>
      http.post(
        `/v1/customer/invoices/${invoiceId}/payments`,
        { paymentMethodId: pm },
        { token: session, idempotencyKey: key },
      );
    await expect(pay()).rejects.toThrow();
    await new Promise<void>((r) => (backend!.child!.exitCode !== null ? r() : backend!.child!.once('exit', () => r())));

    http = await start();
    const early = await pay(); // within the grace: the retry asks the processor itself
    expect(early.status).toBe(402);
    expect(early.body.error).toMatchObject({ code: 'card_declined', param: 'paymentMethodId' });
    await http.post('/dev/clock', { advance: 'PT61S' });
    await http.post('/dev/jobs/run');
    const payments = await http.get(`/v1/payments?invoiceId=${invoiceId}`, { token: m.secretKey });
    expect(payments.body.data).toMatchObject([{ status: 'failed', failureCode: 'card_declined' }]);
    const paymentId = payments.body.data[0].id;
    expect(
      await count("SELECT count(*) AS n FROM events WHERE type = 'payment.failed' AND subject_id = $1", [paymentId]),
    ).toBe(1);
    expect((await http.get(`/v1/invoices/${invoiceId}`, { token: m.secretKey })).body).toMatchObject({
      status: 'open',
      balance: 999,
    });
    expect((await pay()).status).toBe(402);
    await backend!.stop();
  }, 180_000);
});
