import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SessionsService } from '../src/domain/users/sessions.service.js';
import { EventsService } from '../src/platform/events/events.service.js';
import { RecurringGenerator } from '../src/domain/recurring/recurring-generator.service.js';
import { WorkerService } from '../src/platform/worker/worker.service.js';
import { startApp, twoInstances, type TestApp } from './support/app.js';
import { authorizedContact, verifiedContact } from './support/billing.js';
import { signUpMerchant, unique, type SignedUpMerchant } from './support/factories.js';

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86400_000).toISOString().slice(0, 10);
const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86400_000);

/** Helpers bound to one app and merchant. */
function helpers(t: TestApp, m: SignedUpMerchant) {
  const today = async () => (await t.http.get('/dev/clock')).body.today as string;
  return {
    today,
    /** Moves the clock to the start of `date` or just past it (never back). */
    advanceTo: async (date: string) => {
      const days = daysBetween(await today(), date);
      if (days > 0) expect((await t.http.post('/dev/clock', { advance: `P${days}D` })).status).toBe(200);
    },
    run: () => t.app.get(WorkerService).runOnce(),
    create: (body: Record<string, unknown>) => t.http.post('/v1/recurring-schedules', body, { token: m.secretKey }),
    get: async (id: string) => (await t.http.get(`/v1/recurring-schedules/${id}`, { token: m.secretKey })).body,
    act: (id: string, action: string) =>
      t.http.post(`/v1/recurring-schedules/${id}/${action}`, {}, { token: m.secretKey }),
    invoicesOf: async (contactId: string) =>
      (await t.http.get(`/v1/invoices?contactId=${contactId}&limit=100`, { token: m.secretKey })).body.data,
  };
}

describe('recurring schedules', () => {
  let t: TestApp;
  let m: SignedUpMerchant;
  let h: ReturnType<typeof helpers>;
  beforeAll(async () => {
    t = await startApp();
    m = await signUpMerchant(t.http);
    h = helpers(t, m);
  }, 120_000);
  afterAll(async () => t?.close());

  it('validates the schedule: dates, interval, end by date or occurrences, no discounts', async () => {
    const c = await authorizedContact(t, m.secretKey, m.merchantId);
    const today = await h.today();
    const base = {
      contactId: c.contactId,
      kind: 'invoice',
      amount: 10_000,
      currency: 'USD',
      interval: 'month',
      intervalCount: 1,
      startDate: today,
    };
    const error = async (over: Record<string, unknown>) => (await h.create({ ...base, ...over })).body.error;
    expect(await error({ startDate: addDays(today, -1) })).toMatchObject({
      code: 'parameter_invalid',
      param: 'startDate',
    });
    expect(await error({ endDate: addDays(today, 90), occurrences: 3 })).toMatchObject({
      code: 'parameter_invalid',
      param: 'occurrences',
    });
    expect(await error({ endDate: addDays(today, -1) })).toMatchObject({ code: 'parameter_invalid', param: 'endDate' });
    expect(await error({ intervalCount: 13 })).toMatchObject({ code: 'parameter_invalid', param: 'intervalCount' });
    expect(await error({ intervalCount: 0 })).toMatchObject({ code: 'parameter_invalid', param: 'intervalCount' });
    expect(await error({ interval: 'day' })).toMatchObject({ code: 'parameter_invalid', param: 'interval' });
    expect(await error({ kind: 'subscription' })).toMatchObject({ code: 'parameter_invalid', param: 'kind' });
    expect(await error({ amount: 10.5 })).toMatchObject({ code: 'parameter_invalid', param: 'amount' });
    expect(await error({ currency: 'EUR' })).toMatchObject({ code: 'currency_mismatch', param: 'currency' });
    expect(await error({ contactId: 'ct_nope' })).toMatchObject({ code: 'parameter_invalid', param: 'contactId' });
    expect(await error({ startDate: undefined })).toMatchObject({ code: 'parameter_missing', param: 'startDate' });
    expect(await error({ earlyPaymentDiscount: 2 })).toMatchObject({ code: 'early_payment_discount_unsupported' });
    expect(await error({ color: 'red' })).toMatchObject({ code: 'unknown_field', param: 'color' });
    expect(await error({ invoiceNumberPrefix: 'RENT 2027' })).toMatchObject({
      code: 'parameter_invalid',
      param: 'invoiceNumberPrefix',
    });
    expect(await error({ invoiceNumberPrefix: 'X'.repeat(41) })).toMatchObject({
      code: 'parameter_invalid',
      param: 'invoiceNumberPrefix',
    });
    expect(await error({ kind: 'payment_request', invoiceNumberPrefix: 'RENT-' })).toMatchObject({
      code: 'parameter_invalid',
      param: 'invoiceNumberPrefix',
    });

    const created = await h.create({ ...base, occurrences: 2, description: 'Monthly supplies' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      id: expect.stringMatching(/^rs_/),
      status: 'active',
      interval: 'month',
      intervalCount: 1,
      occurrences: 2,
      endDate: null,
      nextRunDate: today,
      seriesApproved: false,
    });
    const list = await t.http.get(`/v1/recurring-schedules?contactId=${c.contactId}`, { token: m.secretKey });
    expect(list.body).toEqual({ data: [expect.objectContaining({ id: created.body.id })], hasMore: false });
    expect(
      (await t.http.get('/v1/recurring-schedules/rs_00000000000000000000000000', { token: m.secretKey })).status,
    ).toBe(404);
    const other = await signUpMerchant(t.http);
    expect((await t.http.get(`/v1/recurring-schedules/${created.body.id}`, { token: other.secretKey })).status).toBe(
      404,
    );
    expect((await h.act(created.body.id, 'cancel')).body.status).toBe('cancelled');
  });

  it('makes each monthly period exactly once across runs, numbered by schedule, and completes after its occurrences', async () => {
    const c = await authorizedContact(t, m.secretKey, m.merchantId);
    const start = await h.today();
    const prefix = `RENT-${unique()}-`;
    const s = (
      await h.create({
        contactId: c.contactId,
        kind: 'invoice',
        amount: 20_000,
        currency: 'USD',
        interval: 'month',
        intervalCount: 1,
        startDate: start,
        occurrences: 3,
        invoiceNumberPrefix: prefix,
      })
    ).body;
    expect(s.invoiceNumberPrefix).toBe(prefix);
    await h.run();
    await h.run();
    let detail = await h.get(s.id);
    expect(detail.periods).toEqual([
      expect.objectContaining({
        index: 0,
        date: start,
        status: 'generated',
        invoiceId: expect.stringMatching(/^inv_/),
        paymentRequestId: null,
      }),
    ]);
    const second = detail.nextRunDate as string;
    expect(second > start).toBe(true);

    await h.advanceTo(addDays(second, -1));
    await h.run();
    expect((await h.get(s.id)).periods).toHaveLength(1);
    await h.advanceTo(second);
    await h.run();
    await h.run();
    detail = await h.get(s.id);
    expect(detail.periods.map((p: { index: number; date: string }) => [p.index, p.date])).toEqual([
      [1, second],
      [0, start],
    ]);
    await h.advanceTo(detail.nextRunDate);
    await h.run();
    detail = await h.get(s.id);
    expect(detail).toMatchObject({ status: 'completed', nextRunDate: null });
    expect(detail.periods).toHaveLength(3);
    await h.advanceTo(addDays(await h.today(), 40));
    await h.run();
    expect((await h.get(s.id)).periods).toHaveLength(3);

    const invoices = await h.invoicesOf(c.contactId);
    expect(invoices.map((i: { number: string }) => i.number).sort()).toEqual([
      `${prefix}1`,
      `${prefix}2`,
      `${prefix}3`,
    ]);
    expect(invoices.find((i: { number: string }) => i.number === `${prefix}2`)).toMatchObject({
      issuedAt: second,
      amount: 20_000,
    });
    const events = (await t.http.get('/v1/events?type=recurring_schedule.completed', { token: m.secretKey })).body.data;
    expect(
      events.filter((e: { data: { recurringSchedule: { id: string } } }) => e.data.recurringSchedule.id === s.id),
    ).toHaveLength(1);
  });

  it('catches up every missed period once when the worker was down, and ends on its end date', async () => {
    const c = await authorizedContact(t, m.secretKey, m.merchantId);
    const start = await h.today();
    const s = (
      await h.create({
        contactId: c.contactId,
        kind: 'invoice',
        amount: 1_000,
        currency: 'USD',
        interval: 'week',
        intervalCount: 1,
        startDate: start,
        endDate: addDays(start, 30),
      })
    ).body;
    await h.advanceTo(addDays(start, 22));
    await h.run();
    let detail = await h.get(s.id);
    expect(detail.periods.map((p: { date: string }) => p.date)).toEqual([21, 14, 7, 0].map((d) => addDays(start, d)));
    expect(detail).toMatchObject({ status: 'active', nextRunDate: addDays(start, 28) });
    await h.run();
    expect((await h.get(s.id)).periods).toHaveLength(4);
    await h.advanceTo(addDays(start, 40));
    await h.run();
    detail = await h.get(s.id);
    expect(detail.periods).toHaveLength(5); // day 35 is past the end date (day 30)
    expect(detail.status).toBe('completed');
  });

  it('pauses (periods falling meanwhile are skipped), resumes and cancels through its state machine', async () => {
    const c = await authorizedContact(t, m.secretKey, m.merchantId);
    const start = await h.today();
    const s = (
      await h.create({
        contactId: c.contactId,
        kind: 'invoice',
        amount: 1_000,
        currency: 'USD',
        interval: 'week',
        intervalCount: 1,
        startDate: start,
      })
    ).body;
    await h.run();
    expect((await h.act(s.id, 'pause')).body).toMatchObject({ status: 'paused', nextRunDate: null });
    const again = await h.act(s.id, 'pause');
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('invalid_schedule_state');
    await h.advanceTo(addDays(start, 15));
    await h.run();
    expect((await h.get(s.id)).periods).toHaveLength(1);

    expect((await h.act(s.id, 'resume')).body).toMatchObject({ status: 'active', nextRunDate: addDays(start, 21) });
    await h.advanceTo(addDays(start, 21));
    await h.run();
    expect((await h.get(s.id)).periods.map((p: { index: number }) => p.index)).toEqual([3, 0]);

    expect((await h.act(s.id, 'cancel')).body).toMatchObject({ status: 'cancelled', nextRunDate: null });
    expect((await h.act(s.id, 'resume')).body.error.code).toBe('invalid_schedule_state');
    expect((await h.act(s.id, 'cancel')).status).toBe(409);
    await h.advanceTo(addDays(start, 35));
    await h.run();
    expect((await h.get(s.id)).periods).toHaveLength(2);
    const audit = (await t.http.get(`/v1/audit-log?subjectId=${s.id}`, { token: m.secretKey })).body.data.map(
      (a: { action: string }) => a.action,
    );
    expect(audit).toEqual(
      expect.arrayContaining([
        'recurring_schedule.created',
        'recurring_schedule.paused',
        'recurring_schedule.resumed',
        'recurring_schedule.cancelled',
      ]),
    );
  });

  it('clamps monthly payment requests to the end of shorter months without drifting', async () => {
    const c = await authorizedContact(t, m.secretKey, m.merchantId);
    const today = await h.today();
    const year = today.slice(5) <= '01-31' ? Number(today.slice(0, 4)) : Number(today.slice(0, 4)) + 1;
    const feb = `${year}-02-${year % 4 === 0 ? 29 : 28}`;
    const s = (
      await h.create({
        contactId: c.contactId,
        kind: 'payment_request',
        amount: 4_200,
        currency: 'USD',
        interval: 'month',
        intervalCount: 1,
        startDate: `${year}-01-31`,
        occurrences: 3,
      })
    ).body;
    await h.advanceTo(`${year}-03-31`);
    await h.run();
    const detail = await h.get(s.id);
    expect(detail.periods.map((p: { date: string }) => p.date)).toEqual([`${year}-03-31`, feb, `${year}-01-31`]);
    expect(detail.status).toBe('completed');
    const requests = (await t.http.get(`/v1/payment-requests?contactId=${c.contactId}`, { token: m.secretKey })).body
      .data;
    expect(
      requests.map((r: { dueDate: string; scheduleId: string; status: string }) => [r.dueDate, r.scheduleId, r.status]),
    ).toEqual([
      [`${year}-03-31`, s.id, 'pending_approval'],
      [feb, s.id, 'pending_approval'],
      [`${year}-01-31`, s.id, 'pending_approval'],
    ]);
  });

  it('lets a verified contact approve the series once: later payment requests arrive approved', async () => {
    const c = await verifiedContact(t, m.secretKey, m.merchantId);
    const start = await h.today();
    const s = (
      await h.create({
        contactId: c.contactId,
        kind: 'payment_request',
        amount: 9_900,
        interval: 'week',
        intervalCount: 2,
        startDate: start,
        description: 'Fortnightly delivery',
      })
    ).body;
    await h.run();
    const first = (await h.get(s.id)).periods[0];
    const req = (await t.http.get(`/v1/customer/payment-requests/${first.paymentRequestId}`, { token: c.session }))
      .body;
    expect(req).toMatchObject({
      status: 'pending_approval',
      scheduleId: s.id,
      memo: 'Fortnightly delivery',
      amount: 9_900,
    });
    expect(
      (await t.http.post(`/v1/customer/payment-requests/${req.id}/approve`, { series: true }, { token: c.session }))
        .body.status,
    ).toBe('approved');
    expect(await h.get(s.id)).toMatchObject({ seriesApproved: true });

    await h.advanceTo(addDays(start, 14));
    await h.run();
    const second = (await h.get(s.id)).periods[0];
    expect(second.index).toBe(1);
    const session = (await t.app.get(SessionsService).createCustomerSession(m.merchantId, c.contactId)).token;
    expect(
      (await t.http.get(`/v1/customer/payment-requests/${second.paymentRequestId}`, { token: session })).body,
    ).toMatchObject({ status: 'approved', scheduleId: s.id, approvedAt: expect.any(String) });
  });

  it("ties a verified contact's recurring invoices to the series: its requests arrive approved after a series approval", async () => {
    const c = await verifiedContact(t, m.secretKey, m.merchantId);
    const start = await h.today();
    const s = (
      await h.create({
        contactId: c.contactId,
        kind: 'invoice',
        amount: 3_000,
        interval: 'week',
        intervalCount: 1,
        startDate: start,
      })
    ).body;
    await h.run();
    const first = (await h.get(s.id)).periods[0];
    expect(first).toMatchObject({
      invoiceId: expect.stringMatching(/^inv_/),
      paymentRequestId: expect.stringMatching(/^pr_/),
    });
    expect(
      (
        await t.http.post(
          `/v1/customer/payment-requests/${first.paymentRequestId}/approve`,
          { series: true },
          { token: c.session },
        )
      ).status,
    ).toBe(200);
    await h.advanceTo(addDays(start, 7));
    await h.run();
    const second = (await h.get(s.id)).periods[0];
    const pr = (await t.http.get(`/v1/payment-requests/${second.paymentRequestId}`, { token: m.secretKey })).body;
    expect(pr).toMatchObject({ status: 'approved', invoiceId: second.invoiceId, scheduleId: s.id, amount: 3_000 });
    expect((await h.act(s.id, 'cancel')).status).toBe(200);
  });

  it('rolls a period back whole when the process fails mid-way; the next pass makes it once', async () => {
    const c = await authorizedContact(t, m.secretKey, m.merchantId);
    const s = (
      await h.create({
        contactId: c.contactId,
        kind: 'invoice',
        amount: 2_500,
        currency: 'USD',
        interval: 'month',
        intervalCount: 1,
        startDate: await h.today(),
      })
    ).body;
    let crash = true;
    t.app.get(EventsService).subscribe(async (event) => {
      if (crash && event.type === 'recurring_schedule.occurrence_created' && event.subjectId === s.id) {
        crash = false;
        throw new Error('simulated crash after the invoice was written');
      }
    });
    await h.run();
    expect(crash).toBe(false);
    expect((await h.get(s.id)).periods).toEqual([]);
    expect(await h.invoicesOf(c.contactId)).toEqual([]);
    await h.run();
    expect((await h.get(s.id)).periods).toEqual([expect.objectContaining({ index: 0, status: 'generated' })]);
    // Without a prefix: a short, readable one from the schedule's id.
    expect((await h.invoicesOf(c.contactId)).map((i: { number: string }) => i.number)).toEqual([
      `R-${s.id.slice(-6).toUpperCase()}-1`,
    ]);
  });

  it('a period whose invoice number is taken fails visibly (duplicate_invoice_number); no second invoice', async () => {
    const c = await authorizedContact(t, m.secretKey, m.merchantId);
    const prefix = `DUP-${unique()}-`;
    expect(
      (
        await t.http.post(
          '/v1/invoices',
          { contactId: c.contactId, number: `${prefix}1`, amount: 5_000 },
          { token: m.secretKey },
        )
      ).status,
    ).toBe(201);
    const s = (
      await h.create({
        contactId: c.contactId,
        kind: 'invoice',
        amount: 7_000,
        currency: 'USD',
        interval: 'month',
        startDate: await h.today(),
        occurrences: 2,
        invoiceNumberPrefix: prefix,
      })
    ).body;
    await h.run();
    expect((await h.get(s.id)).periods).toEqual([
      expect.objectContaining({ index: 0, status: 'failed', errorCode: 'duplicate_invoice_number', invoiceId: null }),
    ]);
    const numbers = (await h.invoicesOf(c.contactId)).map((i: { number: string; amount: number }) => [
      i.number,
      i.amount,
    ]);
    expect(numbers).toEqual([[`${prefix}1`, 5_000]]);
  });

  it('skips a period the credit limit refuses, tells the merchant, and goes on', async () => {
    const c = await authorizedContact(t, m.secretKey, m.merchantId); // limit 1,000,000, no card: nothing gets paid
    const start = await h.today();
    const s = (
      await h.create({
        contactId: c.contactId,
        kind: 'invoice',
        amount: 600_000,
        currency: 'USD',
        interval: 'week',
        intervalCount: 1,
        startDate: start,
        occurrences: 2,
      })
    ).body;
    await h.advanceTo(addDays(start, 7));
    await h.run();
    await h.run();
    const detail = await h.get(s.id);
    expect(detail.periods).toEqual([
      expect.objectContaining({ index: 1, status: 'failed', errorCode: 'credit_limit_exceeded', invoiceId: null }),
      expect.objectContaining({ index: 0, status: 'generated', invoiceId: expect.stringMatching(/^inv_/) }),
    ]);
    expect(detail.status).toBe('completed');
    expect(await h.invoicesOf(c.contactId)).toHaveLength(1);
    const mails = (await t.http.get(`/dev/mailbox?to=${encodeURIComponent(m.adminEmail)}`)).body.data.filter(
      (x: { subject: string }) => x.subject.includes(s.id),
    );
    expect(mails).toHaveLength(1);
    expect(mails[0].text).toContain('credit_limit_exceeded');
  });
});

describe('recurring schedules with two backend instances on one PostgreSQL', () => {
  let a: TestApp;
  let b: TestApp;
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    ({ a, b, close } = await twoInstances('cc_recurring'));
  }, 120_000);
  afterAll(async () => close?.());

  it('make each period exactly once between them, catching up together', async () => {
    const m = await signUpMerchant(a.http);
    const c = await authorizedContact(a, m.secretKey, m.merchantId);
    const start = (await a.http.get('/dev/clock')).body.today;
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await a.http.post(
        '/v1/recurring-schedules',
        {
          contactId: c.contactId,
          kind: i % 2 ? 'payment_request' : 'invoice',
          amount: 1_000 + i,
          currency: 'USD',
          interval: 'week',
          intervalCount: 1,
          startDate: start,
        },
        { token: m.secretKey },
      );
      expect(res.status).toBe(201);
      ids.push(res.body.id);
    }
    for (const app of [a, b]) await app.http.post('/dev/clock', { advance: 'P35D' });
    const made = await Promise.all([a, b, a, b].map((app) => app.app.get(RecurringGenerator).run()));
    expect(made.reduce((x, y) => x + y, 0)).toBe(24); // 4 schedules × periods 0..5
    await Promise.all([a, b].map((app) => app.app.get(RecurringGenerator).run()));

    const rows = await a.db.dataSource.query(
      `SELECT schedule_id, count(*)::int AS n, count(DISTINCT coalesce(invoice_id, payment_request_id))::int AS docs FROM recurring_occurrences WHERE merchant_id = $1 GROUP BY schedule_id`,
      [m.merchantId],
    );
    expect(rows).toHaveLength(4);
    expect(rows.every((r: { n: number; docs: number }) => r.n === 6 && r.docs === 6)).toBe(true);
    const [{ invoices }] = await a.db.dataSource.query(
      `SELECT count(*)::int AS invoices FROM invoices WHERE merchant_id = $1`,
      [m.merchantId],
    );
    const [{ requests }] = await a.db.dataSource.query(
      `SELECT count(*)::int AS requests FROM payment_requests WHERE merchant_id = $1`,
      [m.merchantId],
    );
    expect({ invoices, requests }).toEqual({ invoices: 12, requests: 12 });
  }, 90_000);
});
