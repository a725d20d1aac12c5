// Webhooks with two backend instances on one PostgreSQL: each event fanned out and delivered once.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { WebhookDeliveryService } from '../src/domain/webhooks/webhook-delivery.service.js';
import { WebhookFanOutService } from '../src/domain/webhooks/webhook-fan-out.service.js';
import { WorkerService } from '../src/platform/worker/worker.service.js';
import { twoInstances, type TestApp } from './support/app.js';
import { applicationBody } from './support/credit.js';
import { signUpMerchant } from './support/factories.js';
import { WebhookReceiver } from './support/webhook-receiver.js';

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
