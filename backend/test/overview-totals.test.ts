import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { startApp, type TestApp } from './support/app.js';
import { addCard, authorizedContact, verifiedContact } from './support/billing.js';
import { signUpMerchant, unique } from './support/factories.js';

type Op =
  | { kind: 'invoice'; amount: number; currency: 'USD' | 'EUR'; dueInDays: number }
  | { kind: 'pay' | 'void' | 'dispute' | 'reject' | 'settle' | 'refund'; pick: number }
  | { kind: 'credit' | 'edit'; pick: number; share: number }
  | { kind: 'clock'; days: number };

/** The figures the slow way: a full scan of invoices, payments and disputes (what the overview did before). */
async function fullScan(t: TestApp, merchantId: string, today: string) {
  const q = (sql: string, params: unknown[]) => t.db.dataSource.query(sql, params);
  const balances: { currency: string; open: string; overdue: string }[] = await q(
    `SELECT currency, sum(balance)::bigint AS open, sum(CASE WHEN due_date < $2 THEN balance ELSE 0 END)::bigint AS overdue
       FROM invoices WHERE merchant_id = $1 AND status IN ('open', 'partially_paid', 'disputed') GROUP BY currency`,
    [merchantId, today],
  );
  const payments: { currency: string; total: string }[] = await q(
    `SELECT currency, sum(amount - refunded_amount)::bigint AS total FROM payments
      WHERE merchant_id = $1 AND status = 'succeeded' AND created_at >= ($2::date)::timestamp AT TIME ZONE 'UTC' GROUP BY currency`,
    [merchantId, `${today.slice(0, 7)}-01`],
  );
  const [{ n }] = await q(`SELECT count(*)::int AS n FROM disputes WHERE merchant_id = $1 AND status = 'open'`, [
    merchantId,
  ]);
  const currencies = new Map<string, Record<string, unknown>>();
  const row = (c: string) =>
    currencies.get(c) ??
    currencies.set(c, { currency: c, openBalance: 0, overdueAmount: 0, paymentsThisMonth: 0 }).get(c)!;
  for (const b of balances) Object.assign(row(b.currency), { openBalance: +b.open, overdueAmount: +b.overdue });
  for (const p of payments) row(p.currency).paymentsThisMonth = +p.total;
  return {
    currencies: [...currencies.values()].sort((a, b) => String(a.currency).localeCompare(String(b.currency))),
    openDisputes: n,
    asOf: today,
  };
}

/**
 * After any sequence of invoice creations, payments, refunds, credit notes, edits, voids, disputes
 * and days passing, the overview (running totals) equals the full scan.
 */
describe('overview running totals', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(async () => t?.close());

  const pick = fc.nat({ max: 20 });
  const op: fc.Arbitrary<Op> = fc.oneof(
    {
      arbitrary: fc.record({
        kind: fc.constant('invoice' as const),
        // At most 10 × 90,000: under the USD contact's credit limit (1,000,000 minor units).
        amount: fc.integer({ min: 1, max: 90_000 }),
        currency: fc.constantFrom('USD' as const, 'EUR' as const),
        dueInDays: fc.integer({ min: -40, max: 40 }),
      }),
      weight: 3,
    },
    fc.record({
      kind: fc.constantFrom(
        'pay' as const,
        'void' as const,
        'dispute' as const,
        'reject' as const,
        'settle' as const,
        'refund' as const,
      ),
      pick,
    }),
    fc.record({
      kind: fc.constantFrom('credit' as const, 'edit' as const),
      pick,
      share: fc.double({ min: 0.05, max: 1.2, noNaN: true }),
    }),
    fc.record({ kind: fc.constant('clock' as const), days: fc.integer({ min: 1, max: 20 }) }),
  );

  it('equals the full scan after any sequence of changes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 10 }), async (ops) => {
        const m = await signUpMerchant(t.http);
        const c = await authorizedContact(t, m.secretKey, m.merchantId);
        const pm = await addCard(t, c.session);
        // USD invoices go to a contact with terms (USD), EUR ones to a contact without terms.
        const e = await verifiedContact(t, m.secretKey, m.merchantId);
        const epm = await addCard(t, e.session);
        const invoices: string[] = [];
        const owner = new Map<string, [{ session: string }, string]>();
        const payments: string[] = [];
        const disputes: string[] = [];
        const key = { token: m.secretKey };
        const at = <T>(list: T[], i: number) => list[i % list.length];
        for (const o of ops) {
          if (o.kind === 'invoice') {
            const today = (await t.http.get('/v1/overview', key)).body.asOf as string;
            const due = new Date(Date.parse(today) + o.dueInDays * 86_400_000).toISOString().slice(0, 10);
            const issued = o.dueInDays < 0 ? due : today;
            const res = await t.http.post(
              '/v1/invoices',
              {
                contactId: (o.currency === 'USD' ? c : e).contactId,
                number: `O-${unique()}`,
                amount: o.amount,
                currency: o.currency,
                issuedAt: issued,
                dueDate: due,
              },
              key,
            );
            expect([res.status, res.body]).toEqual([201, expect.anything()]);
            invoices.push(res.body.id);
            owner.set(res.body.id, o.currency === 'USD' ? [c, pm] : [e, epm]);
          } else if (o.kind === 'clock') {
            expect((await t.http.post('/dev/clock', { advance: `P${o.days}D` })).status).toBe(200);
          } else if (o.kind === 'refund') {
            if (!payments.length) continue;
            const res = await t.http.post(`/v1/payments/${at(payments, o.pick)}/refunds`, { amount: 1 + o.pick }, key);
            expect([201, 409, 422]).toContain(res.status);
          } else if (o.kind === 'reject' || o.kind === 'settle') {
            if (!disputes.length) continue;
            const res = await t.http.post(
              `/v1/disputes/${at(disputes, o.pick)}/resolve`,
              { outcome: o.kind === 'reject' ? 'reject' : 'credit' },
              key,
            );
            expect([200, 201, 409, 422]).toContain(res.status);
          } else {
            if (!invoices.length) continue;
            const id = at(invoices, o.pick)!;
            const inv = (await t.http.get(`/v1/invoices/${id}`, key)).body;
            const [who, card] = owner.get(id)!;
            let res;
            if (o.kind === 'pay')
              res = await t.http.post(
                `/v1/customer/invoices/${id}/payments`,
                { paymentMethodId: card },
                { token: who.session },
              );
            else if (o.kind === 'void') res = await t.http.post(`/v1/invoices/${id}/void`, {}, key);
            else if (o.kind === 'dispute')
              res = await t.http.post(
                `/v1/customer/invoices/${id}/disputes`,
                { amount: Math.max(1, inv.balance), explanation: 'not delivered' },
                { token: who.session },
              );
            else if (o.kind === 'credit')
              res = await t.http.post(
                `/v1/invoices/${id}/credits`,
                { amount: Math.max(1, Math.floor(inv.balance * o.share)), reason: 'p' },
                key,
              );
            else if (o.kind === 'edit')
              res = await t.http.patch(
                `/v1/invoices/${id}`,
                { amount: Math.max(1, Math.floor(inv.amount * o.share)) },
                key,
              );
            else continue;
            expect(res.status).toBeLessThan(500);
            if (res.status < 300 && o.kind === 'pay') payments.push(res.body.id);
            if (res.status < 300 && o.kind === 'dispute') disputes.push(res.body.id);
          }
        }
        const overview = await t.http.get('/v1/overview', key);
        expect(overview.status).toBe(200);
        expect(overview.body).toEqual(await fullScan(t, m.merchantId, overview.body.asOf));
      }),
      { numRuns: 8 },
    );
  }, 300_000);

  it('reads the same before and after the deltas are folded, and the fold empties them', async () => {
    const m = await signUpMerchant(t.http);
    const c = await authorizedContact(t, m.secretKey, m.merchantId);
    for (const amount of [700, 300])
      await t.http.post(
        '/v1/invoices',
        { contactId: c.contactId, number: `F-${unique()}`, amount },
        { token: m.secretKey },
      );
    const [{ n }] = await t.db.dataSource.query(
      'SELECT count(*)::int AS n FROM overview_deltas WHERE merchant_id = $1',
      [m.merchantId],
    );
    expect(n).toBe(2);
    const after = (await t.http.get('/v1/overview', { token: m.secretKey })).body;
    expect(after.currencies).toEqual([
      {
        currency: 'USD',
        openBalance: 1000,
        overdueAmount: 0,
        paymentsThisMonth: 0,
      },
    ]);
    const [{ left }] = await t.db.dataSource.query(
      'SELECT count(*)::int AS left FROM overview_deltas WHERE merchant_id = $1',
      [m.merchantId],
    );
    expect(left).toBe(0);
  });
});
