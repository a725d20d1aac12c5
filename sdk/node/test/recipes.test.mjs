// The recipes of docs/integrations/, run as an integrator would run them, against the real backend.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { CustomerConnect, verifyWebhook, WebhookVerificationError } from '../dist/index.js';
import { createWebhookHandler } from '../../../docs/integrations/webhook-receiver.mjs';
import { signUp, startBackend } from './support/backend.mjs';

const RECIPES = fileURLToPath(new URL('../../../docs/integrations/', import.meta.url));
const run = promisify(execFile);
// The metadata part of the sync recipe runs once the API documents invoice `metadata`.
const DOC = JSON.parse(readFileSync(new URL('../openapi.json', import.meta.url), 'utf8'));
const HAS_METADATA = Boolean(DOC.components.schemas.InvoiceDto.properties.metadata);

const EXPORT = `number,customer_email,customer_name,amount,currency,issued,due,description,accounting_id
A-1001,ap@globex.example,Globex Corporation,"1,250.00",USD,2026-11-01,2026-12-01,"Widgets, blue",acc-1
A-1002,ap@globex.example,Globex Corporation,99.5,USD,2026-11-02,2026-12-02,Bolts,acc-2
A-1003,billing@initech.example,Initech,10.00,usd,2026-11-03,2026-12-03,Staplers,acc-3
`;

describe('docs/integrations recipes against the real backend', () => {
  let backend;
  let apiKey;
  let cc;
  let dir;
  before(async () => {
    backend = await startBackend();
    apiKey = await signUp(backend.url);
    cc = new CustomerConnect({ apiKey, baseUrl: backend.url });
    dir = await mkdtemp(join(tmpdir(), 'cc-recipes-'));
  });
  after(async () => {
    await backend?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const sync = async (csv) => {
    const file = join(dir, 'export.csv');
    await writeFile(file, csv);
    const env = {
      ...process.env,
      CC_API_KEY: apiKey,
      CC_API_URL: backend.url,
      CC_SYNC_USE_METADATA: HAS_METADATA ? '1' : '0',
    };
    const { stdout } = await run(process.execPath, [join(RECIPES, 'sync-invoices.mjs'), file], { env });
    return JSON.parse(stdout);
  };
  const invoices = async () => {
    const all = [];
    for await (const inv of cc.list('/v1/invoices', { query: { limit: 100 } })) all.push(inv);
    return all.sort((a, b) => a.number.localeCompare(b.number));
  };

  it('syncs an accounting export: creates, then changes nothing on a re-run, then updates a changed row', async () => {
    assert.deepEqual(await sync(EXPORT), { created: 3, updated: 0, unchanged: 0, failed: [] });
    let all = await invoices();
    assert.deepEqual(
      all.map((i) => [i.number, i.amount, i.currency, i.dueDate]),
      [
        ['A-1001', 125000, 'USD', '2026-12-01'],
        ['A-1002', 9950, 'USD', '2026-12-02'],
        ['A-1003', 1000, 'USD', '2026-12-03'],
      ],
    );
    assert.equal(new Set(all.map((i) => i.contactId)).size, 2, 'one contact per customer email');
    if (HAS_METADATA)
      assert.deepEqual(
        all.map((i) => i.metadata?.accountingId),
        ['acc-1', 'acc-2', 'acc-3'],
      );

    assert.deepEqual(await sync(EXPORT), { created: 0, updated: 0, unchanged: 3, failed: [] });
    assert.equal((await invoices()).length, 3);

    assert.deepEqual(await sync(EXPORT.replace('99.5,', '120.00,')), {
      created: 0,
      updated: 1,
      unchanged: 2,
      failed: [],
    });
    all = await invoices();
    assert.equal(all.find((i) => i.number === 'A-1002').amount, 12000);
  });

  it('receives webhooks with verifyWebhook, and refuses forged, tampered and stale ones', async () => {
    const events = [];
    const deliveries = [];
    let handler;
    const server = createServer((req, res) => {
      const chunks = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => deliveries.push({ body: Buffer.concat(chunks), signature: req.headers['cc-signature'] }));
      handler(req, res);
    });
    await new Promise((r) => server.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${server.address().port}/hooks`;
      const endpoint = await cc.post('/v1/webhook-endpoints', { body: { url, events: ['invoice.created'] } });
      handler = createWebhookHandler({ secret: endpoint.secret, onEvent: (e) => events.push(e) });
      const contact = await cc.post('/v1/contacts', { body: { companyName: 'Hooli', email: 'ap@hooli.example' } });
      const invoice = await cc.post('/v1/invoices', { body: { contactId: contact.id, number: 'WH-1', amount: 700 } });
      await waitFor(() => events.length >= 1);
      assert.equal(events[0].type, 'invoice.created');
      assert.equal(events[0].data.invoice.id, invoice.id);

      const { body, signature } = deliveries[0];
      const t = Number(/t=(\d+)/.exec(signature)[1]);
      const refused = (fn, reason) =>
        assert.throws(fn, (e) => e instanceof WebhookVerificationError && e.reason === reason);
      assert.equal(verifyWebhook(body, signature, endpoint.secret).id, events[0].id);
      refused(() => verifyWebhook(body, signature, 'whsec_someone_else'), 'signature_mismatch');
      refused(
        () => verifyWebhook(Buffer.from(body.toString().replace('"WH-1"', '"WH-2"')), signature, endpoint.secret),
        'signature_mismatch',
      );
      refused(() => verifyWebhook(body, signature, endpoint.secret, { now: t + 301 }), 'stale');
      assert.ok(verifyWebhook(body, signature, endpoint.secret, { now: t + 299 }));
      refused(() => verifyWebhook(body, 'v1=abc', endpoint.secret), 'unreadable');
      refused(() => verifyWebhook(body, undefined, endpoint.secret), 'unreadable');
      const notJson = 'not json';
      const signed = `t=${t},v1=${createHmac('sha256', endpoint.secret).update(`${t}.${notJson}`).digest('hex')}`;
      refused(() => verifyWebhook(notJson, signed, endpoint.secret, { now: t }), 'unreadable');

      // The handler answers 400 to a forged delivery.
      const forged = await fetch(url, {
        method: 'POST',
        headers: { 'cc-signature': signature },
        body: body.toString().replace('WH-1', 'WH-9'),
      });
      assert.equal(forged.status, 400);

      // During a rotation the header carries one v1= per secret: any one that matches is enough.
      const other = createHmac('sha256', 'whsec_previous').update(`${t}.`).update(body).digest('hex');
      const both = `${signature},v1=${other}`;
      assert.equal(verifyWebhook(body, both, endpoint.secret, { now: t }).id, events[0].id);
      assert.equal(verifyWebhook(body, both, 'whsec_previous', { now: t }).id, events[0].id);
      refused(() => verifyWebhook(body, both, 'whsec_neither', { now: t }), 'signature_mismatch');

      // After a rotation, deliveries verify with the new secret.
      const rotated = await cc.post('/v1/webhook-endpoints/{id}/rotate-secret', { path: { id: endpoint.id } });
      handler = createWebhookHandler({ secret: rotated.secret, onEvent: (e) => events.push(e) });
      await cc.post('/v1/invoices', { body: { contactId: contact.id, number: 'WH-2', amount: 800 } });
      await waitFor(() => events.length >= 2);
      const last = deliveries.at(-1);
      assert.equal(verifyWebhook(last.body, last.signature, rotated.secret).data.invoice.number, 'WH-2');
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});

async function waitFor(condition, ms = 60_000) {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for a webhook delivery');
    await new Promise((r) => setTimeout(r, 100));
  }
}
