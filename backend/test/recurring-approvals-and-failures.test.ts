// Recurring schedules: a verified contact's series approval (later requests arrive approved), a period
// rolled back whole on a crash, a taken invoice number and a credit limit refusing a period.
import { beforeAll, describe, expect, it } from '@jest/globals';
import { SessionsService } from '../src/domain/users/sessions.service.js';
import { EventsService } from '../src/platform/events/events.service.js';
import type { TestApp } from './support/app.js';
import { authorizedContact, verifiedContact } from './support/billing.js';
import { unique, type SignedUpMerchant } from './support/factories.js';
import { addDays, recurringSuite, type RecurringHelpers } from './support/recurring.js';

describe('recurring schedules', () => {
  const suite = recurringSuite();
  let t: TestApp;
  let m: SignedUpMerchant;
  let h: RecurringHelpers;
  beforeAll(() => {
    ({ t, m, h } = suite());
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
