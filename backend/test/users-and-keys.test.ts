import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startApp, type TestApp } from './support/app.js';
import { login, signUpMerchant, unique, type SignedUpMerchant } from './support/factories.js';

describe('users and API keys', () => {
  let t: TestApp;
  let m: SignedUpMerchant;
  beforeAll(async () => {
    t = await startApp();
    m = await signUpMerchant(t.http);
  });
  afterAll(async () => t?.close());

  const addUser = (token: string, role: 'admin' | 'member', email = `u-${unique()}@merchant.example`) =>
    t.http.post('/v1/users', { email, name: 'Pat Doe', role, password: 'a fine password' }, { token });

  it('lets an admin add users who can log in with their role', async () => {
    const res = await addUser(m.secretKey, 'member');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ id: expect.stringMatching(/^usr_/), role: 'member', merchantId: m.merchantId });
    expect(res.body).not.toHaveProperty('password');
    expect(res.body).not.toHaveProperty('passwordHash');
    const token = await login(t.http, res.body.email, 'a fine password');
    const list = await t.http.get('/v1/users', { token });
    expect(list.status).toBe(403);
    expect(list.body.error.code).toBe('admin_required');
    expect((await t.http.get('/v1/contacts', { token })).status).toBe(200);
  });

  it('keeps user emails unique across merchants', async () => {
    const other = await signUpMerchant(t.http);
    const res = await addUser(other.secretKey, 'member', m.adminEmail);
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'email_taken', param: 'email' });
  });

  it('never removes the last admin, and removing a user ends their sessions', async () => {
    const merchant = await signUpMerchant(t.http);
    const last = await t.http.delete(`/v1/users/${merchant.adminUserId}`, { token: merchant.secretKey });
    expect(last.status).toBe(409);
    expect(last.body.error.code).toBe('last_admin');

    const second = await addUser(merchant.secretKey, 'admin');
    const session = await login(t.http, second.body.email, 'a fine password');
    const removed = await t.http.delete(`/v1/users/${second.body.id}`, { token: merchant.secretKey });
    expect(removed.status).toBe(200);
    expect((await t.http.get('/v1/merchant', { token: session })).status).toBe(401);
    expect((await t.http.delete(`/v1/users/${merchant.adminUserId}`, { token: merchant.secretKey })).status).toBe(409);
  });

  it('does not let two admins remove each other at the same moment', async () => {
    const merchant = await signUpMerchant(t.http);
    const second = await addUser(merchant.secretKey, 'admin');
    const [a, b] = await Promise.all([
      t.http.delete(`/v1/users/${merchant.adminUserId}`, { token: merchant.secretKey }),
      t.http.delete(`/v1/users/${second.body.id}`, { token: merchant.secretKey }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const admins = await t.db.dataSource.query(
      `SELECT count(*)::int AS n FROM users WHERE merchant_id = $1 AND role = 'admin'`,
      [merchant.merchantId],
    );
    expect(admins[0].n).toBe(1);
  });

  it("answers 404 for another merchant's user", async () => {
    const other = await signUpMerchant(t.http);
    const res = await t.http.delete(`/v1/users/${other.adminUserId}`, { token: m.secretKey });
    expect(res.status).toBe(404);
  });

  it('shows a secret key once; lists keep only its last four characters', async () => {
    const created = await t.http.post('/v1/api-keys', { kind: 'secret', role: 'admin' }, { token: m.secretKey });
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^sk_/);
    expect(created.body.last4).toBe(created.body.secret.slice(-4));
    const list = await t.http.get('/v1/api-keys', { token: m.secretKey });
    const listed = list.body.data.find((k: { id: string }) => k.id === created.body.id);
    expect(listed).toMatchObject({ kind: 'secret', role: 'admin', last4: created.body.last4, revokedAt: null });
    expect(JSON.stringify(list.body)).not.toContain(created.body.secret);
    const pk = await t.http.post('/v1/api-keys', { kind: 'publishable' }, { token: m.secretKey });
    expect(pk.body.publishableKey).toMatch(/^pk_/);
    expect(pk.body).not.toHaveProperty('secret');
  });

  it('gives a member secret key member rights', async () => {
    const created = await t.http.post('/v1/api-keys', { kind: 'secret', role: 'member' }, { token: m.secretKey });
    const res = await t.http.post('/v1/api-keys', { kind: 'secret', role: 'admin' }, { token: created.body.secret });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('admin_required');
  });

  it('validates key input', async () => {
    const res = await t.http.post('/v1/api-keys', { kind: 'restricted' }, { token: m.secretKey });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'parameter_invalid', param: 'kind' });
  });
});
