// Recurring schedules with two backend instances on one PostgreSQL: each period made once between them.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { RecurringGenerator } from '../src/domain/recurring/recurring-generator.service.js';
import { twoInstances, type TestApp } from './support/app.js';
import { authorizedContact } from './support/billing.js';
import { signUpMerchant } from './support/factories.js';

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
