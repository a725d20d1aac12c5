import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startApp, type TestApp } from './support/app.js';
import { applicationBody } from './support/credit.js';
import { signUpMerchant, unique } from './support/factories.js';
import { WebhookReceiver } from './support/webhook-receiver.js';

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

/**
 * The webhook worker's counters in /metrics: the app's own worker (on its timer, as deployed)
 * delivers to a real HTTP receiver on 127.0.0.1, and what it did shows at a scrape.
 */
describe('webhook delivery metrics', () => {
  let t: TestApp;
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    t = await startApp({ CC_WORKER: '1', CC_JOBS_INTERVAL_MS: '50' });
    receiver = await new WebhookReceiver().start();
  });
  afterAll(async () => {
    await t?.close();
    await receiver?.stop();
  });

  /** A sample of the scrape: `name{labels} value`, 0 when the series is absent. */
  const sample = (text: string, series: string) => {
    const escaped = series.replace(/[{}"=,]/g, (c) => `\\${c}`);
    return Number(new RegExp(`^${escaped} (\\S+)$`, 'm').exec(text)?.[1] ?? 0);
  };
  const scrape = async () => {
    const res = await t.http.get('/metrics');
    expect(res.status).toBe(200);
    return res.body as string;
  };
  /** Scrapes until `done` holds (the worker runs every 50 ms), at most 20 s. */
  const scrapeUntil = async (done: (text: string) => boolean) => {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const text = await scrape();
      if (done(text) || Date.now() > deadline) return text;
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const ATTEMPTS_OK = 'cc_webhook_attempts_total{result="succeeded"}';
  const ATTEMPTS_FAILED = 'cc_webhook_attempts_total{result="failed"}';
  const HTTP_FAILURES = 'cc_webhook_attempt_failures_total{reason="http_status"}';
  const DELIVERED = 'cc_webhook_deliveries_total{status="succeeded"}';
  const GAVE_UP = 'cc_webhook_deliveries_total{status="failed"}';
  const DURATIONS = 'cc_webhook_attempt_duration_seconds_count{result="succeeded"}';

  it('counts a delivery that the receiver refuses once and then accepts: two attempts, one failure, one delivered', async () => {
    const m = await signUpMerchant(t.http);
    const path = `/hooks/${unique()}`;
    receiver.script(path, [500]); // then 200
    const endpoint = await t.http.post(
      '/v1/webhook-endpoints',
      { url: receiver.url(path), events: ['contact.verified'] },
      { token: m.secretKey },
    );
    expect(endpoint.status).toBe(201);
    const before = await scrape();
    // Zero-valued from the start, so a dashboard's rate() has a series before the first delivery.
    expect(before).toMatch(/^cc_webhook_attempts_total\{result="succeeded"\} \d+$/m);
    expect(before).toMatch(/^cc_webhook_deliveries_total\{status="failed"\} \d+$/m);

    const applied = await t.http.post('/v1/credit-applications', applicationBody(), { token: m.secretKey });
    expect(applied.status).toBe(201);
    const first = await scrapeUntil((x) => sample(x, ATTEMPTS_FAILED) > sample(before, ATTEMPTS_FAILED));
    expect(receiver.at(path)).toHaveLength(1);
    expect(sample(first, ATTEMPTS_FAILED) - sample(before, ATTEMPTS_FAILED)).toBe(1);
    expect(sample(first, HTTP_FAILURES) - sample(before, HTTP_FAILURES)).toBe(1);
    expect(sample(first, DELIVERED)).toBe(sample(before, DELIVERED)); // still pending: it is retried

    // The retry is due after the backoff; move the app's clock past it instead of waiting.
    expect((await t.http.post('/dev/clock', { advance: 'PT2H' })).status).toBeLessThan(300);
    const after = await scrapeUntil((x) => sample(x, DELIVERED) > sample(before, DELIVERED));
    expect(receiver.at(path)).toHaveLength(2);
    expect(sample(after, ATTEMPTS_OK) - sample(before, ATTEMPTS_OK)).toBe(1);
    expect(sample(after, DELIVERED) - sample(before, DELIVERED)).toBe(1);
    expect(sample(after, DURATIONS) - sample(before, DURATIONS)).toBe(1);
    expect(sample(after, ATTEMPTS_FAILED) - sample(before, ATTEMPTS_FAILED)).toBe(1);
  });

  it('counts a test event the receiver refuses as an attempt failed and a delivery failed (test events are not retried)', async () => {
    const m = await signUpMerchant(t.http);
    const path = `/hooks/${unique()}`;
    receiver.script(path, [], 503);
    const endpoint = await t.http.post(
      '/v1/webhook-endpoints',
      { url: receiver.url(path), events: ['contact.verified'] },
      { token: m.secretKey },
    );
    const before = await scrape();
    const sent = await t.http.post(`/v1/webhook-endpoints/${endpoint.body.id}/test`, {}, { token: m.secretKey });
    expect(sent.status).toBe(200);
    expect(sent.body.status).toBe('failed');
    const after = await scrape();
    expect(sample(after, GAVE_UP) - sample(before, GAVE_UP)).toBe(1);
    expect(sample(after, HTTP_FAILURES) - sample(before, HTTP_FAILURES)).toBe(1);
    expect(sample(after, ATTEMPTS_FAILED) - sample(before, ATTEMPTS_FAILED)).toBe(1);
  });
});
