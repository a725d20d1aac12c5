import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Db } from '../src/platform/database/db.js';
import { MailerService } from '../src/platform/mail/mailer.service.js';
import { OutboxService } from '../src/platform/outbox/outbox.service.js';
import { WorkerService } from '../src/platform/worker/worker.service.js';
import { startApp, twoInstances, type TestApp } from './support/app.js';
import { signUpMerchant } from './support/factories.js';

const enqueueMails = async (app: TestApp, merchantId: string, n: number) => {
  const db = app.app.get(Db);
  const outbox = app.app.get(OutboxService);
  await db.transaction(async () => {
    for (let i = 0; i < n; i++)
      await outbox.enqueue(merchantId, 'mail', {
        to: `c${i}@customer.example`,
        subject: `Notice ${i}`,
        text: `Body ${i}`,
      });
  });
};

describe('the outbox worker', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startApp()));
  afterAll(async () => t?.close());

  it('delivers each message once and marks it done', async () => {
    const m = await signUpMerchant(t.http);
    await enqueueMails(t, m.merchantId, 3);
    await t.app.get(WorkerService).runOnce();
    const mails = t.app
      .get(MailerService)
      .messages()
      .filter((x) => x.to.endsWith('@customer.example'));
    expect(mails.map((x) => x.subject).sort()).toEqual(['Notice 0', 'Notice 1', 'Notice 2']);
    const rows = await t.db.dataSource.query(`SELECT status, attempts FROM outbox_messages WHERE merchant_id = $1`, [
      m.merchantId,
    ]);
    expect(rows).toEqual(Array(3).fill({ status: 'done', attempts: 1 }));
    await t.app.get(WorkerService).runOnce();
    expect(
      t.app
        .get(MailerService)
        .messages()
        .filter((x) => x.to.endsWith('@customer.example')),
    ).toHaveLength(3);
  });

  it('retries a failing delivery with backoff on the clock, then gives up visibly', async () => {
    const m = await signUpMerchant(t.http);
    const outbox = t.app.get(OutboxService);
    let calls = 0;
    outbox.register({
      topic: 'test.flaky',
      handle: async () =>
        void (
          calls++,
          (() => {
            throw new Error('smtp said no');
          })()
        ),
      retryDelay: (n) => (n < 3 ? 60_000 : null),
    });
    await t.app.get(Db).transaction(() => outbox.enqueue(m.merchantId, 'test.flaky', {}));
    const row = async () =>
      (
        await t.db.dataSource.query(
          `SELECT status, attempts, last_error FROM outbox_messages WHERE merchant_id = $1 AND topic = 'test.flaky'`,
          [m.merchantId],
        )
      )[0];

    await outbox.drain();
    expect(await row()).toEqual({ status: 'pending', attempts: 1, last_error: 'smtp said no' });
    await outbox.drain(); // not due yet
    expect(calls).toBe(1);
    await t.http.post('/dev/clock', { advance: 'PT61S' });
    await outbox.drain();
    await t.http.post('/dev/clock', { advance: 'PT61S' });
    await outbox.drain();
    expect(calls).toBe(3);
    expect(await row()).toEqual({ status: 'failed', attempts: 3, last_error: 'smtp said no' });
  });
});

describe('two backend instances on one PostgreSQL', () => {
  let a: TestApp;
  let b: TestApp;
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    ({ a, b, close } = await twoInstances('cc_workers'));
  });
  afterAll(async () => close?.());

  it('share the outbox: every message is delivered exactly once between them', async () => {
    const m = await signUpMerchant(a.http);
    await enqueueMails(a, m.merchantId, 40);
    const drainAll = async (app: TestApp) => {
      while ((await app.app.get(OutboxService).drain(5)) > 0);
    };
    await Promise.all([drainAll(a), drainAll(b), drainAll(a), drainAll(b)]);
    const delivered = [a, b].flatMap((app) =>
      app.app
        .get(MailerService)
        .messages()
        .filter((x) => x.to.endsWith('@customer.example')),
    );
    expect(delivered).toHaveLength(40);
    expect(new Set(delivered.map((x) => x.messageId)).size).toBe(40);
  }, 60_000);
});
