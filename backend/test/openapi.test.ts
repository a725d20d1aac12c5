import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Validator } from '@seriousme/openapi-schema-validator';
import { KNOWN_EVENT_TYPES } from '../src/domain/webhooks/event-types.js';
import { startApp, type TestApp } from './support/app.js';
import { signUpMerchant } from './support/factories.js';
import { OpenApiChecker } from './support/openapi-check.js';

/** The document `@customerconnect/node` generates its types from (kept equal to what the backend serves). */
const SNAPSHOT = new URL('../../sdk/node/openapi.json', import.meta.url);
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

describe('the OpenAPI 3.1 document', () => {
  let t: TestApp;
  let doc: any;
  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, item]: [string, any]) =>
      METHODS.filter((m) => item[m]).map((method) => ({ path, method, op: item[method] })),
    );

  beforeAll(async () => {
    t = await startApp();
    doc = (await t.http.get('/openapi.json')).body;
  });
  afterAll(async () => t?.close());

  it('is a valid OpenAPI 3.1 document', async () => {
    expect(doc.openapi).toBe('3.1.0');
    const result = await new Validator().validate(structuredClone(doc));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(JSON.stringify(doc)).not.toContain('"nullable"');
  });

  it('gives every operation its success schema, the error envelope and its credential', () => {
    const ops = operations().filter((o) => o.path.startsWith('/v1/'));
    expect(ops.length).toBeGreaterThan(80);
    for (const { path, method, op } of ops) {
      const where = `${method.toUpperCase()} ${path}`;
      const ok = Object.entries(op.responses).filter(([status]) => /^2\d\d$/.test(status));
      expect([where, ok.length]).toEqual([where, 1]);
      expect([where, ok[0]![1]]).toMatchObject([where, { content: { 'application/json': { schema: {} } } }]);
      for (const range of ['4XX', '5XX'])
        expect([where, op.responses[range].content['application/json'].schema]).toEqual([
          where,
          { $ref: '#/components/schemas/Error' },
        ]);
      expect([where, op.security?.length]).toEqual([where, expect.any(Number)]);
      const idempotencyKey = (op.parameters ?? []).filter(
        (p: any) => p.name === 'Idempotency-Key' && p.in === 'header',
      );
      expect([where, idempotencyKey.length]).toEqual([where, method === 'post' ? 1 : 0]);
    }
    const schemes = Object.keys(doc.components.securitySchemes).sort();
    expect(schemes).toEqual(['customerSession', 'platformToken', 'publishableKey', 'secretKey']);
    const security = (method: string, path: string) => doc.paths[path][method].security;
    expect(security('get', '/v1/invoices')).toEqual([{ secretKey: [] }]);
    expect(security('get', '/v1/customer/wallet')).toEqual([{ customerSession: [] }]);
    expect(security('get', '/v1/public/config')).toEqual([{ publishableKey: [] }]);
    expect(security('get', '/v1/platform/underwriting-policy')).toEqual([{ platformToken: [] }]);
    expect(security('post', '/v1/merchants')).toEqual([{}]);
    expect(doc.paths['/v1/public/config'].get.parameters.map((p: any) => p.name)).toContain('Origin');
  });

  it('has a webhooks section with every event type and its payload', () => {
    expect(Object.keys(doc.webhooks).sort()).toEqual([...KNOWN_EVENT_TYPES].sort());
    const body = (type: string) => doc.webhooks[type].post.requestBody.content['application/json'].schema;
    expect(body('invoice.paid')).toMatchObject({
      required: ['id', 'type', 'createdAt', 'data'],
      properties: {
        type: { const: 'invoice.paid' },
        data: { properties: { invoice: { $ref: '#/components/schemas/InvoiceDto' } } },
      },
    });
    expect(body('payment_request.created').properties.data.required).toEqual(['paymentRequest']);
  });

  it('checks answers against their documented schema, and catches one that differs', async () => {
    const checker = new OpenApiChecker(doc);
    const m = await signUpMerchant(t.http);
    const contact = await t.http.post(
      '/v1/contacts',
      { companyName: 'Acme', email: 'ap@acme.test' },
      { token: m.secretKey },
    );
    expect(checker.check('POST', '/v1/contacts', contact.status, contact.body)).toEqual([]);
    expect(checker.check('GET', `/v1/contacts/${contact.body.id}`, 200, { ...contact.body, id: 7 })).toEqual([
      expect.stringContaining('/id must be string'),
    ]);
    expect(checker.check('GET', '/v1/invoices', 200, { data: [] })).toEqual([
      expect.stringContaining("must have required property 'hasMore'"),
    ]);
    expect(checker.check('GET', '/v1/invoices', 404, { error: { type: 'not_found', message: 'x' } })).toEqual([
      expect.stringContaining("must have required property 'code'"),
    ]);
    // The import result has its own schema now (it was a free-form object): an empty body is caught, a real one passes.
    expect(checker.check('POST', '/v1/invoices/import', 201, {})).toContainEqual(
      expect.stringContaining("must have required property 'rows'"),
    );
    const imported = {
      dryRun: true,
      valid: true,
      imported: 0,
      summary: { total: 1, ok: 1, errors: 0 },
      rows: [{ row: 1, number: 'INV-1', status: 'ok' }],
    };
    expect(checker.check('POST', '/v1/invoices/import', 201, imported)).toEqual([]);
    expect(checker.route('POST', '/v1/invoices/import')?.template).toBe('/v1/invoices/import');
  });

  it('is the document @customerconnect/node is generated from (CC_UPDATE_OPENAPI=1 rewrites it)', () => {
    const served = `${JSON.stringify(doc, null, 2)}\n`;
    if (process.env.CC_UPDATE_OPENAPI === '1') writeFileSync(SNAPSHOT, served);
    expect(readFileSync(SNAPSHOT, 'utf8')).toBe(served);
  });
});
