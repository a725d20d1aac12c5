import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CustomerConnect, CustomerConnectError } from '../dist/index.js';
import { signUp, spoilingProxy, startBackend } from './support/backend.mjs';

describe('@customerconnect/node against the real backend', () => {
  let backend;
  let cc;
  let apiKey;
  let contact;
  before(async () => {
    backend = await startBackend();
    apiKey = await signUp(backend.url);
    cc = new CustomerConnect({ apiKey, baseUrl: backend.url, retryDelayMs: 50 });
    contact = await cc.post('/v1/contacts', { body: { companyName: 'Acme Parts', email: 'ap@acme.example' } });
  });
  after(async () => backend?.stop());

  it('creates and reads typed objects, sending an Idempotency-Key with every POST', async () => {
    const invoice = await cc.post('/v1/invoices', { body: { contactId: contact.id, number: 'INV-1', amount: 12500 } });
    assert.equal(invoice.number, 'INV-1');
    assert.equal(invoice.amount, 12500);
    const again = await cc.get('/v1/invoices/{id}', { path: { id: invoice.id } });
    assert.equal(again.id, invoice.id);
    // The same key and body again: the first answer, not a second invoice.
    const key = `create-INV-2-${Date.now()}`;
    const body = { contactId: contact.id, number: 'INV-2', amount: 100 };
    const first = await cc.post('/v1/invoices', { body, idempotencyKey: key });
    const replay = await cc.post('/v1/invoices', { body, idempotencyKey: key });
    assert.equal(replay.id, first.id);
  });

  it('walks every page of a list with for await', async () => {
    const c = await cc.post('/v1/contacts', { body: { companyName: 'Paged Ltd', email: 'ap@paged.example' } });
    for (let i = 0; i < 5; i++)
      await cc.post('/v1/invoices', { body: { contactId: c.id, number: `PG-${i}`, amount: 100 + i } });
    const numbers = [];
    for await (const inv of cc.list('/v1/invoices', { query: { contactId: c.id, limit: 2 } })) numbers.push(inv.number);
    assert.deepEqual(numbers, ['PG-4', 'PG-3', 'PG-2', 'PG-1', 'PG-0']);
  });

  it('throws typed errors carrying status, type, code and param', async () => {
    await assert.rejects(cc.post('/v1/invoices', { body: { contactId: contact.id, amount: 100 } }), (err) => {
      assert.ok(err instanceof CustomerConnectError);
      assert.deepEqual(
        [err.status, err.type, err.code, err.param],
        [422, 'invalid_request', 'parameter_missing', 'number'],
      );
      return true;
    });
    await assert.rejects(cc.get('/v1/invoices/{id}', { path: { id: 'inv_missing' } }), {
      status: 404,
      type: 'not_found',
      code: 'resource_missing',
    });
    const anonymous = new CustomerConnect({ baseUrl: backend.url });
    await assert.rejects(anonymous.get('/v1/invoices'), { status: 401, type: 'authentication' });
  });

  for (const mode of ['drop', 'bad-gateway']) {
    it(`retries after ${mode === 'drop' ? 'a network error' : 'a 5xx'} with the same Idempotency-Key: one invoice`, async () => {
      const proxy = await spoilingProxy(backend.url, { mode });
      try {
        const viaProxy = new CustomerConnect({ apiKey: apiKey, baseUrl: proxy.url, retryDelayMs: 50 });
        const number = `RETRY-${mode}`;
        const invoice = await viaProxy.post('/v1/invoices', { body: { contactId: contact.id, number, amount: 4200 } });
        assert.equal(invoice.number, number);
        const posts = proxy.requests.filter((r) => r.startsWith('POST /v1/invoices'));
        assert.equal(posts.length, 2, 'the first answer was spoiled, so the client sent the request twice');
        const keys = posts.map((r) => /idempotency-key: (.+)/i.exec(r)?.[1]);
        assert.ok(keys[0]);
        assert.equal(keys[1], keys[0]);
        const found = [];
        for await (const inv of cc.list('/v1/invoices', { query: { contactId: contact.id, limit: 100 } }))
          if (inv.number === number) found.push(inv);
        assert.equal(found.length, 1);
      } finally {
        await proxy.close();
      }
    });
  }

  it('gives up after maxRetries with a connection_error', async () => {
    const proxy = await spoilingProxy(backend.url, { mode: 'drop', spoil: 10 });
    try {
      const viaProxy = new CustomerConnect({ apiKey: apiKey, baseUrl: proxy.url, retryDelayMs: 10, maxRetries: 1 });
      await assert.rejects(viaProxy.get('/v1/contacts'), { status: 0, type: 'connection_error' });
      assert.equal(proxy.requests.length, 2);
    } finally {
      await proxy.close();
    }
  });
});
