// Recurring schedules and their periods: validation, each period made once and numbered, catching
// up after downtime, pause, resume and cancel, monthly dates clamped to shorter months.
import { beforeAll, describe, expect, it } from '@jest/globals';
import type { TestApp } from './support/app.js';
import { authorizedContact } from './support/billing.js';
import { signUpMerchant, unique, type SignedUpMerchant } from './support/factories.js';
import { addDays, recurringSuite, type RecurringHelpers } from './support/recurring.js';

describe('recurring schedules', () => {
  const suite = recurringSuite();
  let t: TestApp;
  let m: SignedUpMerchant;
  let h: RecurringHelpers;
  beforeAll(() => {
    ({ t, m, h } = suite());
  });

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
});
