import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startApp, type TestApp } from './support/app.js';
import { createContact, signUpMerchant, type SignedUpMerchant } from './support/factories.js';

describe('contacts', () => {
  let t: TestApp;
  let m: SignedUpMerchant;
  beforeAll(async () => {
    t = await startApp();
    m = await signUpMerchant(t.http);
  });
  afterAll(async () => t?.close());

  it('creates a prospect, lower-casing the email', async () => {
    const res = await t.http.post(
      '/v1/contacts',
      { companyName: 'Acme Fabrication', email: 'AP@Acme.example', name: 'Jordan' },
      { token: m.secretKey },
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      id: expect.stringMatching(/^ct_/),
      companyName: 'Acme Fabrication',
      email: 'ap@acme.example',
      name: 'Jordan',
      status: 'prospect',
    });
    const got = await t.http.get(`/v1/contacts/${res.body.id}`, { token: m.secretKey });
    expect(got.body).toEqual(res.body);
    const dup = await t.http.post(
      '/v1/contacts',
      { companyName: 'Acme again', email: 'ap@acme.EXAMPLE' },
      { token: m.secretKey },
    );
    expect(dup.status).toBe(409);
    expect(dup.body.error).toMatchObject({ code: 'contact_exists', param: 'email' });
  });

  it('searches company and email, filters by status', async () => {
    const merchant = await signUpMerchant(t.http);
    await createContact(t.http, merchant.secretKey, {
      companyName: 'Blue Ridge Builders',
      email: 'billing@blueridge.example',
    });
    await createContact(t.http, merchant.secretKey, {
      companyName: 'Cascade Machine Works',
      email: 'ap@cascade.example',
    });
    await createContact(t.http, merchant.secretKey, { companyName: '100% Steel_Works', email: 'x@steel.example' });
    const byName = await t.http.get('/v1/contacts?q=ridge', { token: merchant.secretKey });
    expect(byName.body.data.map((c: { companyName: string }) => c.companyName)).toEqual(['Blue Ridge Builders']);
    const byEmail = await t.http.get('/v1/contacts?q=CASCADE.example', { token: merchant.secretKey });
    expect(byEmail.body.data).toHaveLength(1);
    const literal = await t.http.get(`/v1/contacts?q=${encodeURIComponent('100%')}`, { token: merchant.secretKey });
    expect(literal.body.data.map((c: { companyName: string }) => c.companyName)).toEqual(['100% Steel_Works']);
    const wildcard = await t.http.get('/v1/contacts?q=_', { token: merchant.secretKey });
    expect(wildcard.body.data).toHaveLength(1);
    expect((await t.http.get('/v1/contacts?status=prospect', { token: merchant.secretKey })).body.data).toHaveLength(3);
    expect((await t.http.get('/v1/contacts?status=verified', { token: merchant.secretKey })).body.data).toHaveLength(0);
    const bad = await t.http.get('/v1/contacts?status=happy', { token: merchant.secretKey });
    expect(bad.status).toBe(422);
    expect(bad.body.error.param).toBe('status');
  });

  it("never shows one merchant another's contacts: 404, not 403", async () => {
    const other = await signUpMerchant(t.http);
    const theirs = await createContact(t.http, other.secretKey, { companyName: 'Secret Customer Inc' });
    const res = await t.http.get(`/v1/contacts/${theirs.id}`, { token: m.secretKey });
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ type: 'not_found', code: 'resource_missing' });
    const list = await t.http.get('/v1/contacts?q=Secret', { token: m.secretKey });
    expect(list.body.data).toEqual([]);
    // the same email may be a contact of both merchants
    expect(
      (await t.http.post('/v1/contacts', { companyName: 'Mine', email: theirs.email }, { token: m.secretKey })).status,
    ).toBe(201);
  });

  it('works the same with a dashboard session', async () => {
    const session = (await t.http.post('/v1/auth/login', { email: m.adminEmail, password: m.adminPassword })).body
      .token;
    const res = await t.http.post(
      '/v1/contacts',
      { companyName: 'Via Dashboard', email: 'dash@customer.example' },
      { token: session },
    );
    expect(res.status).toBe(201);
    const audit = await t.db.dataSource.query(`SELECT actor_type, actor_id FROM audit_log WHERE subject_id = $1`, [
      res.body.id,
    ]);
    expect(audit).toEqual([{ actor_type: 'user', actor_id: m.adminUserId }]);
  });
});
