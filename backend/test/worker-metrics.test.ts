import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startApp, type TestApp } from './support/app.js';
import { signUpMerchant } from './support/factories.js';

/** The worker's queue and the database pool in /metrics, read at scrape time. */
describe('worker and pool metrics', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp(); // CC_WORKER=0: nothing drains the outbox
  });
  afterAll(async () => t?.close());

  const gauge = (text: string, name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1]);

  it('reports the outbox depth and the age of its oldest pending message', async () => {
    const m = await signUpMerchant(t.http);
    const before = (await t.http.get('/metrics')).body as string;
    await t.db.dataSource.query(
      `INSERT INTO outbox_messages (merchant_id, id, topic, payload, status, available_at, created_at)
       VALUES ($1, 'obx_metrics_1', 'test', '{}', 'pending', now(), now() - interval '90 seconds'),
              ($1, 'obx_metrics_2', 'test', '{}', 'pending', now(), now()),
              ($1, 'obx_metrics_3', 'test', '{}', 'done', now(), now() - interval '1 day')`,
      [m.merchantId],
    );
    const text = (await t.http.get('/metrics')).body as string;
    expect(gauge(text, 'cc_outbox_depth')).toBe(gauge(before, 'cc_outbox_depth') + 2);
    expect(gauge(text, 'cc_outbox_oldest_age_seconds')).toBeGreaterThanOrEqual(90);
    expect(gauge(text, 'cc_outbox_oldest_age_seconds')).toBeLessThan(3600);
  });

  it('reports the connection pool on PostgreSQL', async () => {
    const text = (await t.http.get('/metrics')).body as string;
    if (process.env.CC_TEST_DATABASE_URL) {
      expect(text).toMatch(/^cc_db_pool_connections\{state="total"\} [1-9]/m);
      expect(text).toMatch(/^cc_db_pool_connections\{state="waiting"\} \d/m);
    } else expect(text).not.toMatch(/^cc_db_pool_connections\{/m); // the embedded database has no pool
  });
});
