import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { WorkerService } from '../src/platform/worker/worker.service.js';
import { startApp, type TestApp } from './support/app.js';
import { applicationBody } from './support/credit.js';
import { signUpMerchant, unique, type SignedUpMerchant } from './support/factories.js';
import { signaturesIn, verifiedBy, WebhookReceiver } from './support/webhook-receiver.js';

describe('webhook secret rotation and test events', () => {
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
  const apply = async (m: SignedUpMerchant) => {
    const res = await t.http.post('/v1/credit-applications', applicationBody(), { token: m.secretKey });
    expect(res.status).toBe(201);
  };
  const addEndpoint = async (m: SignedUpMerchant, path: string, events: string[] = ['*']) => {
    const res = await t.http.post('/v1/webhook-endpoints', { url: receiver.url(path), events }, { token: m.secretKey });
    expect(res.status).toBe(201);
    return res.body as { id: string; secret: string };
  };
  const deliveries = async (m: SignedUpMerchant, endpointId: string) => {
    const res = await t.http.get(`/v1/webhook-endpoints/${endpointId}/deliveries`, { token: m.secretKey });
    expect(res.status).toBe(200);
    return res.body.data as Record<string, any>[];
  };
  const rotate = async (m: SignedUpMerchant, endpointId: string) => {
    const res = await t.http.post(`/v1/webhook-endpoints/${endpointId}/rotate-secret`, {}, { token: m.secretKey });
    expect(res.status).toBe(200);
    return res.body as { secret: string; previousSecretExpiresAt: string };
  };

  it('loses no delivery across a rotation: retried and pending ones carry both secrets for 24 h, then only the new', async () => {
    const m = await signUpMerchant(t.http);
    const p = `/hooks/${unique()}`;
    receiver.script(p, [500, 500]); // the first two events fail once, then every answer is 200
    const endpoint = await addEndpoint(m, p);
    await apply(m);
    await apply(m);
    await runWorker();
    expect(receiver.at(p)).toHaveLength(2);
    expect(receiver.at(p).every((h) => verifiedBy(endpoint.secret, h))).toBe(true);

    const clock = Date.parse((await t.http.get('/dev/clock')).body.now);
    const rotated = await rotate(m, endpoint.id);
    const overlap = Date.parse(rotated.previousSecretExpiresAt) - clock; // the clock ticks on in real time
    expect(overlap).toBeGreaterThanOrEqual(24 * 3_600_000);
    expect(overlap).toBeLessThan(24 * 3_600_000 + 10_000);
    await apply(m); // pending, never tried before the rotation
    await advance('PT2M');
    await runWorker();

    const afterRotation = receiver.at(p).slice(2);
    expect(afterRotation).toHaveLength(3);
    for (const hook of afterRotation) {
      expect(signaturesIn(hook)).toHaveLength(2);
      expect(verifiedBy(rotated.secret, hook)).toBe(true);
      expect(verifiedBy(endpoint.secret, hook)).toBe(true);
    }
    const log = await deliveries(m, endpoint.id);
    expect(log.map((d) => d.status)).toEqual(['succeeded', 'succeeded', 'succeeded']);
    const events = (await t.http.get('/v1/events', { token: m.secretKey })).body.data as { id: string }[];
    expect(new Set(afterRotation.map((h) => h.body.id))).toEqual(new Set(events.map((e) => e.id)));

    // Still inside the window (23 h 58 min after the rotation): both.
    await advance('PT23H56M');
    await apply(m);
    await runWorker();
    const late = receiver.at(p).at(-1)!;
    expect(verifiedBy(endpoint.secret, late) && verifiedBy(rotated.secret, late)).toBe(true);

    await advance('PT3M'); // past 24 h: the old secret signs nothing more
    await apply(m);
    await runWorker();
    const last = receiver.at(p).at(-1)!;
    expect(signaturesIn(last)).toHaveLength(1);
    expect(verifiedBy(rotated.secret, last)).toBe(true);
    expect(verifiedBy(endpoint.secret, last)).toBe(false);
  });

  it('a second rotation within the window keeps only the current and the previous secret', async () => {
    const m = await signUpMerchant(t.http);
    const p = `/hooks/${unique()}`;
    const endpoint = await addEndpoint(m, p);
    const second = await rotate(m, endpoint.id);
    const third = await rotate(m, endpoint.id);
    await apply(m);
    await runWorker();
    const hook = receiver.at(p)[0]!;
    expect(signaturesIn(hook)).toHaveLength(2);
    expect(verifiedBy(third.secret, hook)).toBe(true);
    expect(verifiedBy(second.secret, hook)).toBe(true);
    expect(verifiedBy(endpoint.secret, hook)).toBe(false);
  });

  it('sends a signed ping to that endpoint only, at once, and answers the logged delivery with its outcome', async () => {
    const m = await signUpMerchant(t.http);
    const [p, other] = [`/hooks/${unique()}`, `/hooks/${unique()}`];
    const endpoint = await addEndpoint(m, p);
    await addEndpoint(m, other); // ["*"]: still never gets another endpoint's ping

    const res = await t.http.post(`/v1/webhook-endpoints/${endpoint.id}/test`, {}, { token: m.secretKey });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: expect.stringMatching(/^wd_/),
      endpointId: endpoint.id,
      eventType: 'ping',
      status: 'succeeded',
      attempts: 1,
      lastStatusCode: 200,
      lastError: null,
      lastResponseSnippet: 'ok',
      nextAttemptAt: null,
      deliveredAt: expect.any(String),
    });
    expect(res.body.history).toEqual([
      { at: expect.any(String), statusCode: 200, error: null, durationMs: expect.any(Number), responseSnippet: 'ok' },
    ]);
    const [hook] = receiver.at(p);
    expect(hook!.body).toEqual({
      id: res.body.eventId,
      type: 'ping',
      createdAt: expect.any(String),
      data: { endpointId: endpoint.id },
    });
    expect(verifiedBy(endpoint.secret, hook!)).toBe(true);
    expect((await deliveries(m, endpoint.id)).map((d) => d.id)).toEqual([res.body.id]);

    await runWorker();
    expect(receiver.at(p)).toHaveLength(1); // not sent twice
    expect(receiver.at(other)).toHaveLength(0); // not fanned out
    const events = (await t.http.get('/v1/events', { token: m.secretKey })).body.data as unknown[];
    expect(events).toEqual([]); // not one of the merchant's events
  });

  it('answers a failed ping with the receiver status, logs it failed, and does not retry it', async () => {
    const m = await signUpMerchant(t.http);
    const p = `/hooks/${unique()}`;
    receiver.script(p, [503]);
    const endpoint = await addEndpoint(m, p);
    const res = await t.http.post(`/v1/webhook-endpoints/${endpoint.id}/test`, {}, { token: m.secretKey });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'failed',
      lastStatusCode: 503,
      lastError: 'HTTP 503',
      lastResponseSnippet: 'receiver says 503',
    });
    await advance('PT2M');
    await runWorker();
    expect(receiver.at(p)).toHaveLength(1);

    const missing = await t.http.post('/v1/webhook-endpoints/we_missing/test', {}, { token: m.secretKey });
    expect(missing.status).toBe(404);
    const other = await signUpMerchant(t.http);
    const foreign = await t.http.post(`/v1/webhook-endpoints/${endpoint.id}/test`, {}, { token: other.secretKey });
    expect(foreign.status).toBe(404);
  });
});
