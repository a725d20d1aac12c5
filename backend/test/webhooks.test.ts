import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Encryption } from '../src/platform/crypto/encryption.js';
import { newId } from '../src/platform/ids/ids.js';
import { WebhookDeliveryService } from '../src/domain/webhooks/webhook-delivery.service.js';
import { WebhookFanOutService } from '../src/domain/webhooks/webhook-fan-out.service.js';
import { WorkerService } from '../src/platform/worker/worker.service.js';
import { PRODUCTION_ENV, startApp, twoInstances, type TestApp } from './support/app.js';
import { applicationBody } from './support/credit.js';
import { signUpMerchant, unique, type SignedUpMerchant } from './support/factories.js';
import { signaturesIn, verifiedBy, WebhookReceiver } from './support/webhook-receiver.js';

const DECLINED_TAX_ID = '98-7654321';

describe('webhooks', () => {
  let t: TestApp;
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    t = await startApp();
    receiver = await new WebhookReceiver().start();
  });
  afterAll(async () => {
    await receiver?.stop();
    await t?.close();
  });

  const runWorker = () => t.app.get(WorkerService).runOnce();
  const advance = (duration: string) => t.http.post('/dev/clock', { advance: duration });
  /** A real action that appends an event: a credit application (approved → contact.verified, declined → contact.credit_declined). */
  const apply = async (m: SignedUpMerchant, taxId?: string) => {
    const res = await t.http.post('/v1/credit-applications', applicationBody(taxId ? { taxId } : {}), {
      token: m.secretKey,
    });
    expect(res.status).toBe(201);
    return res.body.contact.id as string;
  };
  const addEndpoint = async (m: SignedUpMerchant, path: string, events: string[] = ['*']) => {
    const res = await t.http.post('/v1/webhook-endpoints', { url: receiver.url(path), events }, { token: m.secretKey });
    expect(res.status).toBe(201);
    return res.body as { id: string; secret: string };
  };
  const deliveries = async (m: SignedUpMerchant, endpointId: string, query = '') => {
    const res = await t.http.get(`/v1/webhook-endpoints/${endpointId}/deliveries${query}`, { token: m.secretKey });
    expect(res.status).toBe(200);
    return res.body.data as Record<string, any>[];
  };
  const path = () => `/hooks/${unique()}`;

  it('creates an endpoint whose secret is shown once, stored encrypted, and left out of reads and replays', async () => {
    const m = await signUpMerchant(t.http);
    const body = { url: receiver.url('/created'), events: ['*'] };
    const res = await t.http.post('/v1/webhook-endpoints', body, { token: m.secretKey, idempotencyKey: 'we-create-1' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^we_/),
      url: body.url,
      events: ['*'],
      status: 'active',
      previousSecretExpiresAt: null,
      secret: expect.stringMatching(/^whsec_[A-Za-z0-9_-]{43}$/),
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const { id, secret } = res.body;

    const replay = await t.http.post('/v1/webhook-endpoints', body, {
      token: m.secretKey,
      idempotencyKey: 'we-create-1',
    });
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body.id).toBe(id);
    expect(replay.body).not.toHaveProperty('secret');

    const list = await t.http.get('/v1/webhook-endpoints', { token: m.secretKey });
    expect(list.body).toEqual({
      data: [
        {
          id,
          url: body.url,
          events: ['*'],
          status: 'active',
          previousSecretExpiresAt: null,
          createdAt: expect.any(String),
          updatedAt: expect.any(String),
        },
      ],
      hasMore: false,
    });
    const one = await t.http.get(`/v1/webhook-endpoints/${id}`, { token: m.secretKey });
    expect(one.status).toBe(200);
    expect(one.body).not.toHaveProperty('secret');

    const [row] = await t.db.dataSource.query(
      'SELECT secret_encrypted FROM webhook_endpoints WHERE merchant_id = $1 AND id = $2',
      [m.merchantId, id],
    );
    expect(row.secret_encrypted).not.toContain(secret);
    expect(t.app.get(Encryption).decrypt(row.secret_encrypted)).toBe(secret);
    const anywhere = await t.db.dataSource.query(
      `SELECT (SELECT count(*) FROM idempotency_keys WHERE response_body::text LIKE '%' || $1 || '%')::int
            + (SELECT count(*) FROM audit_log WHERE coalesce(after::text, '') LIKE '%' || $1 || '%')::int AS n`,
      [secret],
    );
    expect(anywhere[0].n).toBe(0);
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

  it('stops delivering to a deleted endpoint and hides it', async () => {
    const m = await signUpMerchant(t.http);
    const p = path();
    receiver.script(p, [], 500);
    const endpoint = await addEndpoint(m, p);
    await apply(m);
    await runWorker();
    expect(receiver.at(p)).toHaveLength(1);

    const del = await t.http.delete(`/v1/webhook-endpoints/${endpoint.id}`, { token: m.secretKey });
    expect(del.status).toBe(200);
    expect(del.body).toMatchObject({ id: endpoint.id, status: 'disabled', deleted: true });
    expect((await t.http.get(`/v1/webhook-endpoints/${endpoint.id}`, { token: m.secretKey })).status).toBe(404);
    expect((await t.http.get('/v1/webhook-endpoints', { token: m.secretKey })).body.data).toEqual([]);
    await apply(m);
    await advance('PT2M');
    await runWorker();
    expect(receiver.at(p)).toHaveLength(1);
    const rows = await t.db.dataSource.query(
      'SELECT status, last_error FROM webhook_deliveries WHERE merchant_id = $1',
      [m.merchantId],
    );
    expect(rows).toEqual([{ status: 'failed', last_error: 'The endpoint was deleted.' }]);
  });

  it('lets members read endpoints and deliveries but only admins create, delete or rotate', async () => {
    const m = await signUpMerchant(t.http);
    const endpoint = await addEndpoint(m, path());
    await apply(m);
    await runWorker();
    const key = await t.http.post('/v1/api-keys', { kind: 'secret', role: 'member' }, { token: m.secretKey });
    const member = { token: key.body.secret as string };

    const create = await t.http.post('/v1/webhook-endpoints', { url: receiver.url('/member'), events: ['*'] }, member);
    expect(create.status).toBe(403);
    expect(create.body.error).toMatchObject({ type: 'permission', code: 'admin_required' });
    expect((await t.http.delete(`/v1/webhook-endpoints/${endpoint.id}`, member)).body.error.code).toBe(
      'admin_required',
    );
    expect((await t.http.post(`/v1/webhook-endpoints/${endpoint.id}/rotate-secret`, {}, member)).body.error.code).toBe(
      'admin_required',
    );

    expect((await t.http.get('/v1/webhook-endpoints', member)).body.data.map((e: { id: string }) => e.id)).toEqual([
      endpoint.id,
    ]);
    const log = await t.http.get(`/v1/webhook-endpoints/${endpoint.id}/deliveries`, member);
    expect(log.status).toBe(200);
    expect(log.body.data).toHaveLength(1);
    expect((await t.http.get('/v1/events', member)).status).toBe(200);
  });

  it("answers 404 for another merchant's endpoints and deliveries, and lists only the merchant's own events", async () => {
    const m = await signUpMerchant(t.http);
    const other = await signUpMerchant(t.http);
    const endpoint = await addEndpoint(m, path());
    await apply(m);
    await runWorker();
    const [delivery] = await deliveries(m, endpoint.id);
    const as = { token: other.secretKey };
    const attempts = [
      await t.http.get(`/v1/webhook-endpoints/${endpoint.id}`, as),
      await t.http.delete(`/v1/webhook-endpoints/${endpoint.id}`, as),
      await t.http.post(`/v1/webhook-endpoints/${endpoint.id}/rotate-secret`, {}, as),
      await t.http.get(`/v1/webhook-endpoints/${endpoint.id}/deliveries`, as),
      await t.http.post(`/v1/webhook-endpoints/${endpoint.id}/deliveries/${delivery!.id}/retry`, {}, as),
    ];
    for (const res of attempts) expect([res.status, res.body.error.code]).toEqual([404, 'resource_missing']);
    expect((await t.http.get('/v1/webhook-endpoints', as)).body.data).toEqual([]);
    expect((await t.http.get('/v1/events', as)).body.data).toEqual([]);
    const own = await addEndpoint(other, path());
    const foreign = await t.http.post(`/v1/webhook-endpoints/${own.id}/deliveries/${delivery!.id}/retry`, {}, as);
    expect([foreign.status, foreign.body.error.code]).toEqual([404, 'resource_missing']);
  });

  it('refuses bad endpoints field by field', async () => {
    const m = await signUpMerchant(t.http);
    const url = receiver.url('/x');
    const cases: [Record<string, unknown>, string, string][] = [
      [{ url: 'http://hooks.example.com/cc', events: ['*'] }, 'parameter_invalid', 'url'],
      [{ url: 'ftp://hooks.example.com/cc', events: ['*'] }, 'parameter_invalid', 'url'],
      [{ url: 'not a url', events: ['*'] }, 'parameter_invalid', 'url'],
      [{ events: ['*'] }, 'parameter_missing', 'url'],
      [{ url }, 'parameter_missing', 'events'],
      [{ url, events: [] }, 'parameter_invalid', 'events'],
      [{ url, events: 'invoice.paid' }, 'parameter_invalid', 'events'],
      [{ url, events: ['invoice.paid', 'invoice.exploded'] }, 'parameter_invalid', 'events.1'],
      [{ url, events: ['*', 'invoice.paid'] }, 'parameter_invalid', 'events'],
      [{ url, events: ['*'], secret: 'whsec_mine' }, 'unknown_field', 'secret'],
    ];
    for (const [body, code, param] of cases) {
      const res = await t.http.post('/v1/webhook-endpoints', body, { token: m.secretKey });
      expect({ body, status: res.status, code: res.body.error?.code, param: res.body.error?.param }).toEqual({
        body,
        status: 422,
        code,
        param,
      });
    }
    const ok = await t.http.post(
      '/v1/webhook-endpoints',
      { url: 'https://hooks.example.com/cc', events: ['invoice.paid', 'invoice.paid', 'payment.failed'] },
      { token: m.secretKey },
    );
    expect(ok.body.events).toEqual(['invoice.paid', 'payment.failed']);
  });

  it('lists the event log newest first, by type, page by page', async () => {
    const m = await signUpMerchant(t.http);
    await apply(m);
    await apply(m, DECLINED_TAX_ID);
    await apply(m);
    const first = await t.http.get('/v1/events?limit=2', { token: m.secretKey });
    expect(first.status).toBe(200);
    expect(first.body.hasMore).toBe(true);
    expect(first.body.data.map((e: { type: string }) => e.type)).toEqual([
      'contact.verified',
      'contact.credit_declined',
    ]);
    expect(Object.keys(first.body.data[0])).toEqual(['id', 'type', 'createdAt', 'data']);
    const next = await t.http.get(`/v1/events?limit=2&startingAfter=${first.body.data[1].id}`, { token: m.secretKey });
    expect(next.body).toMatchObject({ hasMore: false, data: [{ type: 'contact.verified' }] });
    const declined = await t.http.get('/v1/events?type=contact.credit_declined', { token: m.secretKey });
    expect(declined.body.data).toEqual([first.body.data[1]]);
    expect((await t.http.get('/v1/events?kind=x', { token: m.secretKey })).body.error).toMatchObject({
      code: 'unknown_field',
      param: 'kind',
    });
  });
});

describe('webhooks in production', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startApp({ ...PRODUCTION_ENV, CC_WEBHOOKS_ALLOW_PRIVATE: '0' })));
  afterAll(async () => t?.close());

  it('refuses http, loopback and private-network URLs', async () => {
    const m = await signUpMerchant(t.http);
    for (const url of [
      'http://localhost:4000/hooks',
      'https://127.0.0.1/hooks',
      'https://localhost/hooks',
      'https://10.1.2.3/hooks',
      'https://[::1]/hooks',
      'https://169.254.169.254/latest',
      'https://[fd00::1]/x',
      // IANA special-purpose ranges the first list missed, embedded-IPv4 forms included.
      'https://[64:ff9b::a00:1]/x',
      'https://[::a00:1]/x',
      'https://[2002:a00:1::1]/x',
      'https://[fec0::1]/x',
      'https://192.0.0.170/x',
      'https://198.18.0.1/x',
      'https://[::ffff:192.168.0.1]/x',
    ]) {
      const res = await t.http.post('/v1/webhook-endpoints', { url, events: ['*'] }, { token: m.secretKey });
      expect({ url, status: res.status, code: res.body.error?.code, param: res.body.error?.param }).toEqual({
        url,
        status: 422,
        code: 'parameter_invalid',
        param: 'url',
      });
    }
  });
});

describe('webhooks in development without CC_WEBHOOKS_ALLOW_PRIVATE', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startApp({ CC_WEBHOOKS_ALLOW_PRIVATE: '0' })));
  afterAll(async () => t?.close());

  it('refuses special-purpose addresses too (the blocklist holds in every environment)', async () => {
    const m = await signUpMerchant(t.http);
    for (const url of ['http://127.0.0.1:4000/hooks', 'https://10.1.2.3/hooks', 'https://[64:ff9b::7f00:1]/x']) {
      const res = await t.http.post('/v1/webhook-endpoints', { url, events: ['*'] }, { token: m.secretKey });
      expect({ url, status: res.status, code: res.body.error?.code }).toEqual({
        url,
        status: 422,
        code: 'parameter_invalid',
      });
    }
    expect((await t.db.dataSource.query('SELECT count(*)::int AS n FROM webhook_endpoints'))[0].n).toBe(0);
  });
});

describe('webhooks with two backend instances on one PostgreSQL', () => {
  let a: TestApp;
  let b: TestApp;
  let close: (() => Promise<void>) | undefined;
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    // Instances must share the key that seals signing secrets (each would generate its own).
    ({ a, b, close } = await twoInstances('cc_webhooks', {
      CC_ENCRYPTION_KEY: Buffer.alloc(32, 9).toString('base64'),
    }));
    receiver = await new WebhookReceiver().start();
  });
  afterAll(async () => {
    await receiver?.stop();
    await close?.();
  });

  it('fan out and deliver each event once between them', async () => {
    const m = await signUpMerchant(a.http);
    const endpoint = await a.http.post(
      '/v1/webhook-endpoints',
      { url: receiver.url('/shared'), events: ['*'] },
      { token: m.secretKey },
    );
    expect(endpoint.status).toBe(201);
    for (let i = 0; i < 30; i++)
      await (i % 2 ? a : b).http.post('/v1/credit-applications', applicationBody(), { token: m.secretKey });
    await Promise.all([a, b, a, b].map((x) => x.app.get(WebhookFanOutService).run()));
    receiver.delayMs = 50; // sends overlap with the other instance's claims
    await Promise.all([a, b, a, b].map((x) => x.app.get(WebhookDeliveryService).run()));
    await Promise.all([a, b].map((x) => x.app.get(WorkerService).runOnce()));
    const ids = receiver.at('/shared').map((h) => h.body.id);
    expect(ids).toHaveLength(30);
    expect(new Set(ids).size).toBe(30);
    const rows = await a.db.dataSource.query(
      `SELECT status, attempts, count(*)::int AS n FROM webhook_deliveries WHERE merchant_id = $1 GROUP BY 1, 2`,
      [m.merchantId],
    );
    expect(rows).toEqual([{ status: 'succeeded', attempts: 1, n: 30 }]);
  });
});
