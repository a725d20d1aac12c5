import { afterAll, beforeAll, expect } from '@jest/globals';
import { WorkerService } from '../../src/platform/worker/worker.service.js';
import { startApp, type TestApp } from './app.js';
import { applicationBody } from './credit.js';
import { unique, type SignedUpMerchant } from './factories.js';
import { WebhookReceiver } from './webhook-receiver.js';

/** A tax id the built-in credit model declines (a declined application appends contact.credit_declined). */
export const DECLINED_TAX_ID = '98-7654321';

/**
 * What the webhooks suites share: one app and one receiver for the describe (started before its
 * tests, stopped after), and the helpers its tests call. `suite()` gives the running app and receiver.
 */
export function webhooksSuite() {
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
  return {
    suite: () => ({ t, receiver }),
    ...helpers(
      () => t,
      () => receiver,
    ),
  };
}

function helpers(app: () => TestApp, hooks: () => WebhookReceiver) {
  const runWorker = () => app().app.get(WorkerService).runOnce();
  const advance = (duration: string) => app().http.post('/dev/clock', { advance: duration });
  /** A real action that appends an event: a credit application (approved → contact.verified, declined → contact.credit_declined). */
  const apply = async (m: SignedUpMerchant, taxId?: string) => {
    const res = await app().http.post('/v1/credit-applications', applicationBody(taxId ? { taxId } : {}), {
      token: m.secretKey,
    });
    expect(res.status).toBe(201);
    return res.body.contact.id as string;
  };
  const addEndpoint = async (m: SignedUpMerchant, path: string, events: string[] = ['*']) => {
    const res = await app().http.post(
      '/v1/webhook-endpoints',
      { url: hooks().url(path), events },
      { token: m.secretKey },
    );
    expect(res.status).toBe(201);
    return res.body as { id: string; secret: string };
  };
  const deliveries = async (m: SignedUpMerchant, endpointId: string, query = '') => {
    const res = await app().http.get(`/v1/webhook-endpoints/${endpointId}/deliveries${query}`, { token: m.secretKey });
    expect(res.status).toBe(200);
    return res.body.data as Record<string, any>[];
  };
  const path = () => `/hooks/${unique()}`;
  return { runWorker, advance, apply, addEndpoint, deliveries, path };
}
