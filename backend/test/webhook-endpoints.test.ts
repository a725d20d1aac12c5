// Webhook endpoints: created (the secret shown once, sealed), deleted, read by members, kept to their
// merchant, refused field by field and by URL policy (production and development); the event log.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Encryption } from '../src/platform/crypto/encryption.js';
import { PRODUCTION_ENV, startApp, type TestApp } from './support/app.js';
import { signUpMerchant } from './support/factories.js';
import type { WebhookReceiver } from './support/webhook-receiver.js';
import { DECLINED_TAX_ID, webhooksSuite } from './support/webhooks.js';

describe('webhooks', () => {
  const { suite, runWorker, advance, apply, addEndpoint, deliveries, path } = webhooksSuite();
  let t: TestApp;
  let receiver: WebhookReceiver;
  beforeAll(() => {
    ({ t, receiver } = suite());
  });

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
