// Webhook delivery: signed events for the subscribed types, once each; late commits behind the
// cursor; retries with backoff, giving up after 24 hours and a manual retry; secret rotation; an
// unreachable receiver.
import { createServer } from 'node:net';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { newId } from '../src/platform/ids/ids.js';
import type { TestApp } from './support/app.js';
import { signUpMerchant } from './support/factories.js';
import { signaturesIn, verifiedBy, type WebhookReceiver } from './support/webhook-receiver.js';
import { DECLINED_TAX_ID, webhooksSuite } from './support/webhooks.js';

describe('webhooks', () => {
  const { suite, runWorker, advance, apply, addEndpoint, deliveries, path } = webhooksSuite();
  let t: TestApp;
  let receiver: WebhookReceiver;
  beforeAll(() => {
    ({ t, receiver } = suite());
  });

  it('signs every event for ["*"] and only the subscribed types for a filtered endpoint, once each', async () => {
    const m = await signUpMerchant(t.http);
    await apply(m); // before any endpoint: never delivered
    const [all, declinedOnly] = [path(), path()];
    const everything = await addEndpoint(m, all, ['*']);
    const filtered = await addEndpoint(m, declinedOnly, ['contact.credit_declined']);
    const verifiedContact = await apply(m);
    const declinedContact = await apply(m, DECLINED_TAX_ID);

    await runWorker();
    const events = (await t.http.get('/v1/events', { token: m.secretKey })).body.data as Record<string, any>[];
    const verified = events.find((e) => e.type === 'contact.verified' && e.data.contact.id === verifiedContact)!;
    const declined = events.find((e) => e.type === 'contact.credit_declined' && e.data.contact.id === declinedContact)!;

    const toAll = receiver.at(all);
    expect(toAll.map((h) => h.body.id).sort()).toEqual([verified.id, declined.id].sort());
    expect(receiver.at(declinedOnly).map((h) => h.body.id)).toEqual([declined.id]);
    const now = Date.parse((await t.http.get('/dev/clock')).body.now) / 1000;
    for (const hook of toAll) {
      expect(hook.headers['content-type']).toBe('application/json');
      expect(hook.headers['user-agent']).toBe('CustomerConnect-Webhooks/1');
      expect(verifiedBy(everything.secret, hook)).toBe(true);
      expect(verifiedBy(filtered.secret, hook)).toBe(false);
      expect(Math.abs(Number(/t=(\d+)/.exec(String(hook.headers['cc-signature']))![1]) - now)).toBeLessThan(60);
      expect(Object.keys(hook.body)).toEqual(['id', 'type', 'createdAt', 'data']);
      expect(hook.body).toEqual(events.find((e) => e.id === hook.body.id));
    }
    expect(verifiedBy(filtered.secret, receiver.at(declinedOnly)[0]!)).toBe(true);

    const log = await deliveries(m, everything.id);
    expect(log).toHaveLength(2);
    for (const d of log) {
      expect(d).toMatchObject({
        id: expect.stringMatching(/^wd_/),
        endpointId: everything.id,
        status: 'succeeded',
        attempts: 1,
        lastStatusCode: 200,
        lastError: null,
        lastResponseSnippet: 'ok',
        nextAttemptAt: null,
        deliveredAt: expect.any(String),
      });
      expect(d.history).toEqual([
        { at: expect.any(String), statusCode: 200, error: null, durationMs: expect.any(Number), responseSnippet: 'ok' },
      ]);
    }
    expect(log.map((d) => d.eventType).sort()).toEqual(['contact.credit_declined', 'contact.verified']);

    await runWorker();
    await runWorker();
    expect(receiver.at(all)).toHaveLength(2);
    expect(receiver.at(declinedOnly)).toHaveLength(1);
  });

  it('still delivers an event committed after newer ones were fanned out (its id is older than the cursor)', async () => {
    const m = await signUpMerchant(t.http);
    const p = path();
    await addEndpoint(m, p);
    const lateId = newId('evt'); // the id is taken when the change starts…
    await apply(m);
    await runWorker(); // …the cursor moves past it…
    expect(receiver.at(p)).toHaveLength(1);
    const now = (await t.http.get('/dev/clock')).body.now;
    await t.db.dataSource.query(
      // …and only then does its transaction commit.
      `INSERT INTO events (merchant_id, id, type, subject_id, data, created_at) VALUES ($1, $2, 'contact.verified', 'ct_late', '{"late":true}', $3)`,
      [m.merchantId, lateId, now],
    );
    await runWorker();
    expect(receiver.at(p).map((h) => h.body.id)).toContain(lateId);
    expect(receiver.at(p)[1]!.body).toEqual({
      id: lateId,
      type: 'contact.verified',
      createdAt: now,
      data: { late: true },
    });
  });

  it('retries a receiver that answered 500 once the backoff has passed, and logs both attempts', async () => {
    const m = await signUpMerchant(t.http);
    const flaky = path();
    receiver.script(flaky, [500]);
    const endpoint = await addEndpoint(m, flaky, ['contact.verified']);
    await apply(m);

    await runWorker();
    expect(receiver.at(flaky)).toHaveLength(1);
    const [first] = await deliveries(m, endpoint.id);
    expect(first).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastStatusCode: 500,
      lastError: 'HTTP 500',
      lastResponseSnippet: 'receiver says 500',
      deliveredAt: null,
    });
    const clock = Date.parse((await t.http.get('/dev/clock')).body.now);
    expect(Date.parse(first!.nextAttemptAt) - clock).toBeGreaterThan(29_000); // 1 min with equal jitter: 30-60 s
    expect(Date.parse(first!.nextAttemptAt) - clock).toBeLessThanOrEqual(60_000);

    await runWorker(); // not due yet
    expect(receiver.at(flaky)).toHaveLength(1);
    await advance('PT2M');
    await runWorker();
    const hooks = receiver.at(flaky);
    expect(hooks).toHaveLength(2);
    expect(hooks[1]!.raw).toBe(hooks[0]!.raw);
    expect(hooks.every((h) => verifiedBy(endpoint.secret, h))).toBe(true);
    const [second] = await deliveries(m, endpoint.id);
    expect(second).toMatchObject({
      id: first!.id,
      status: 'succeeded',
      attempts: 2,
      lastStatusCode: 200,
      lastError: null,
      nextAttemptAt: null,
    });
    expect(second!.history.map((a: { statusCode: number }) => a.statusCode)).toEqual([500, 200]);
    expect(second!.history[0].error).toBe('HTTP 500');
    expect(second!.history.map((a: { responseSnippet: string }) => a.responseSnippet)).toEqual([
      'receiver says 500',
      'ok',
    ]);
    for (const a of second!.history) expect(a.durationMs).toEqual(expect.any(Number));

    // Manual redelivery of a delivered event.
    const retry = await t.http.post(
      `/v1/webhook-endpoints/${endpoint.id}/deliveries/${first!.id}/retry`,
      {},
      { token: m.secretKey },
    );
    expect(retry.status).toBe(200);
    expect(retry.body).toMatchObject({ id: first!.id, status: 'pending', attempts: 2 });
    await runWorker();
    expect(receiver.at(flaky)).toHaveLength(3);
    expect(receiver.at(flaky)[2]!.body.id).toBe(hooks[0]!.body.id);
    const [third] = await deliveries(m, endpoint.id);
    expect(third).toMatchObject({ status: 'succeeded', attempts: 3 });
    expect(third!.history).toHaveLength(3);
  });

  it('gives up 24 hours after the event, visibly, and a manual retry sends it again', async () => {
    const m = await signUpMerchant(t.http);
    const down = path();
    receiver.script(down, [], 503);
    const endpoint = await addEndpoint(m, down);
    await apply(m);
    await runWorker();
    expect((await deliveries(m, endpoint.id))[0]).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastStatusCode: 503,
    });

    await advance('P1DT1M');
    await runWorker();
    const failed = await deliveries(m, endpoint.id, '?status=failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({
      status: 'failed',
      attempts: 2,
      lastStatusCode: 503,
      nextAttemptAt: null,
      deliveredAt: null,
    });
    expect(await deliveries(m, endpoint.id, '?status=pending')).toHaveLength(0);
    await advance('PT2H');
    await runWorker();
    expect(receiver.at(down)).toHaveLength(2);

    receiver.script(down, [], 200);
    const retry = await t.http.post(
      `/v1/webhook-endpoints/${endpoint.id}/deliveries/${failed[0]!.id}/retry`,
      {},
      { token: m.secretKey },
    );
    expect(retry.body.status).toBe('pending');
    await runWorker();
    expect(receiver.at(down)).toHaveLength(3);
    expect((await deliveries(m, endpoint.id))[0]).toMatchObject({
      status: 'succeeded',
      attempts: 3,
      lastStatusCode: 200,
    });
  });

  it('rotates the secret: both secrets sign for 24 hours, then the new one only', async () => {
    const m = await signUpMerchant(t.http);
    const p = path();
    const endpoint = await addEndpoint(m, p);
    await apply(m);
    await runWorker();
    expect(verifiedBy(endpoint.secret, receiver.at(p)[0]!)).toBe(true);

    const rotated = await t.http.post(
      `/v1/webhook-endpoints/${endpoint.id}/rotate-secret`,
      {},
      { token: m.secretKey, idempotencyKey: 'rotate-1' },
    );
    expect(rotated.status).toBe(200);
    expect(rotated.body).toMatchObject({ id: endpoint.id, status: 'active', secret: expect.stringMatching(/^whsec_/) });
    expect(rotated.body.secret).not.toBe(endpoint.secret);
    const replay = await t.http.post(
      `/v1/webhook-endpoints/${endpoint.id}/rotate-secret`,
      {},
      { token: m.secretKey, idempotencyKey: 'rotate-1' },
    );
    expect(replay.body).not.toHaveProperty('secret');

    await apply(m, DECLINED_TAX_ID);
    await runWorker();
    const latest = receiver.at(p)[1]!;
    expect(latest.body.type).toBe('contact.credit_declined');
    expect(verifiedBy(rotated.body.secret, latest)).toBe(true);
    expect(verifiedBy(endpoint.secret, latest)).toBe(true); // the overlap
    expect(signaturesIn(latest)).toHaveLength(2);

    await advance('PT24H1M');
    await apply(m);
    await runWorker();
    const after = receiver.at(p)[2]!;
    expect(verifiedBy(rotated.body.secret, after)).toBe(true);
    expect(verifiedBy(endpoint.secret, after)).toBe(false);
    expect(signaturesIn(after)).toHaveLength(1);
  });

  it('records a receiver that cannot be reached, without a status code', async () => {
    const m = await signUpMerchant(t.http);
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as { port: number }).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const res = await t.http.post(
      '/v1/webhook-endpoints',
      { url: `http://127.0.0.1:${port}/gone`, events: ['*'] },
      { token: m.secretKey },
    );
    await apply(m);
    await runWorker();
    const [d] = await deliveries(m, res.body.id);
    expect(d).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastStatusCode: null,
      lastResponseSnippet: null,
      lastError: expect.stringContaining('ECONNREFUSED'),
    });
  });
});
