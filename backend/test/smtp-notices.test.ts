import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { OutboxService } from '../src/platform/outbox/outbox.service.js';
import { startApp, type TestApp } from './support/app.js';
import { authorizedContact } from './support/billing.js';
import { signUpMerchant, unique } from './support/factories.js';
import { header, SmtpSink } from './support/smtp-sink.js';

describe('notices over a real SMTP exchange', () => {
  const sink = new SmtpSink();
  let t: TestApp;
  beforeAll(async () => {
    await sink.start();
    t = await startApp({
      SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
      MAIL_FROM: 'CustomerConnect <notices@cc.example>',
    });
  });
  afterAll(async () => {
    await t?.close();
    await sink.stop();
  });

  it('delivers with the merchant as sender name, Reply-To, both parts, and the same Message-ID when a send is retried', async () => {
    const m = await signUpMerchant(t.http, 'Northwind Industrial Supply');
    const c = await authorizedContact(t, m.secretKey, m.merchantId);
    const email = (await t.http.get(`/v1/contacts/${c.contactId}`, { token: m.secretKey })).body.email;
    const number = `INV-${unique()}`;
    await t.http.post('/v1/invoices', { contactId: c.contactId, number, amount: 4200 }, { token: m.secretKey });
    const outbox = t.app.get(OutboxService);

    sink.failNext = 1; // the server refuses the first attempt: the row is retried, not lost
    await outbox.drain();
    expect(sink.messages).toHaveLength(0);
    const [row] = await t.db.dataSource.query(
      `SELECT id, attempts, status, last_error FROM outbox_messages WHERE merchant_id = $1 AND topic = 'notice'`,
      [m.merchantId],
    );
    expect(row).toMatchObject({ attempts: 1, status: 'pending', last_error: expect.stringContaining('451') });

    await t.http.post('/dev/clock', { advance: 'PT1M' });
    await outbox.drain();
    expect(sink.messages).toHaveLength(1);
    const mail = sink.messages[0]!;
    expect(mail.to).toEqual([email]);
    expect(mail.from).toBe('notices@cc.example');
    expect(header(mail.raw, 'From')).toBe('Northwind Industrial Supply via CustomerConnect <notices@cc.example>');
    expect(header(mail.raw, 'Reply-To')).toBe(m.adminEmail);
    expect(header(mail.raw, 'Message-ID')).toBe(`<${row.id}@localhost>`);
    expect(header(mail.raw, 'Subject')).toContain(number);
    expect(mail.raw).toContain('text/plain');
    expect(mail.raw).toContain('text/html');
    const [done] = await t.db.dataSource.query(`SELECT attempts, status FROM outbox_messages WHERE id = $1`, [row.id]);
    expect(done).toEqual({ attempts: 2, status: 'done' });
    await outbox.drain();
    expect(sink.messages).toHaveLength(1);
  });
});
