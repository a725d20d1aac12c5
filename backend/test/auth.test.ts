import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SECRET_KEY_CACHE_MS } from '../src/domain/api-keys/api-keys.service.js';
import { CUSTOMER_SESSION_CACHE_MS, SessionsService } from '../src/domain/users/sessions.service.js';
import { startApp, type TestApp } from './support/app.js';
import { createContact, login, signUpMerchant, type SignedUpMerchant } from './support/factories.js';

describe('credentials', () => {
  let t: TestApp;
  let m: SignedUpMerchant;
  beforeAll(async () => {
    t = await startApp();
    m = await signUpMerchant(t.http);
  });
  afterAll(async () => t?.close());

  describe('sign-up', () => {
    it('creates the merchant with documented defaults, its admin, a pk_ and an sk_', async () => {
      const res = await t.http.post('/v1/merchants', {
        name: 'Acme Supply',
        adminEmail: 'Owner@Acme-Supply.example',
        adminPassword: 'correct horse battery',
      });
      expect(res.status).toBe(201);
      expect(res.body.merchant).toMatchObject({ id: expect.stringMatching(/^mer_/), name: 'Acme Supply' });
      expect(res.body.merchant.settings).toEqual({
        termsPolicy: 'locked',
        defaultTerms: { netDays: 30, creditLimit: 1000000, currency: 'USD' },
        allowedNetDays: [30],
        partialPayments: { defaultMinimumPercent: null, byMethod: {} },
        creditAppModes: ['credit_check', 'credit_check_with_terms'],
        allowedOrigins: [],
        walletUrl: null,
        notificationEmail: 'owner@acme-supply.example',
        theme: {},
      });
      expect(res.body.user).toMatchObject({
        id: expect.stringMatching(/^usr_/),
        email: 'owner@acme-supply.example',
        role: 'admin',
      });
      expect(res.body.publishableKey).toMatch(/^pk_/);
      expect(res.body.secretKey).toMatch(/^sk_/);
      expect(JSON.stringify(res.body)).not.toContain('correct horse');
    });

    it('refuses a short password and a taken email, writing nothing', async () => {
      const short = await t.http.post('/v1/merchants', {
        name: 'X',
        adminEmail: 'x@x.example',
        adminPassword: 'short',
      });
      expect(short.status).toBe(422);
      expect(short.body.error).toMatchObject({ code: 'parameter_invalid', param: 'adminPassword' });
      const taken = await t.http.post('/v1/merchants', {
        name: 'Copycat',
        adminEmail: m.adminEmail.toUpperCase(),
        adminPassword: 'long enough password',
      });
      expect(taken.status).toBe(409);
      expect(taken.body.error).toMatchObject({ code: 'email_taken', param: 'email' });
      const merchants = await t.db.dataSource.query(`SELECT count(*)::int AS n FROM merchants WHERE name = 'Copycat'`);
      expect(merchants[0].n).toBe(0);
    });
  });

  describe('login and sessions', () => {
    it('logs in to an ms_ session that works until logout', async () => {
      const res = await t.http.post('/v1/auth/login', { email: m.adminEmail, password: m.adminPassword });
      expect(res.status).toBe(200);
      expect(res.body.token).toMatch(/^ms_/);
      expect(res.body.user).toMatchObject({ email: m.adminEmail, role: 'admin' });
      expect(Date.parse(res.body.expiresAt) - Date.now()).toBeGreaterThan(11.9 * 3600_000);
      const token = res.body.token;
      expect((await t.http.get('/v1/merchant', { token })).status).toBe(200);
      expect((await t.http.post('/v1/auth/logout', {}, { token })).status).toBe(200);
      const after = await t.http.get('/v1/merchant', { token });
      expect(after.status).toBe(401);
      expect(after.body.error).toMatchObject({ type: 'authentication', code: 'invalid_credentials' });
    });

    it('refuses to log out a secret key: a readable request with the wrong kind of credential is 403, not 400', async () => {
      const res = await t.http.post('/v1/auth/logout', {}, { token: m.secretKey });
      expect(res.status).toBe(403);
      expect(res.body.error).toMatchObject({ type: 'permission', code: 'not_a_session' });
      expect((await t.http.get('/v1/merchant', { token: m.secretKey })).status).toBe(200);
    });

    it('gives one answer for a wrong password and an unknown email', async () => {
      const wrong = await t.http.post('/v1/auth/login', { email: m.adminEmail, password: 'not the password' });
      const unknown = await t.http.post('/v1/auth/login', {
        email: 'nobody@nowhere.example',
        password: 'not the password',
      });
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect(wrong.body).toEqual(unknown.body);
      expect(wrong.body.error.code).toBe('invalid_login');
    });

    it('answers 401 session_expired after 12 hours on the clock', async () => {
      const token = await login(t.http, m.adminEmail, m.adminPassword);
      expect((await t.http.get('/v1/merchant', { token })).status).toBe(200);
      const moved = await t.http.post('/dev/clock', { advance: 'PT12H1M' });
      expect(moved.status).toBe(200);
      const res = await t.http.get('/v1/merchant', { token });
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('session_expired');
    });

    it('stores only hashes of passwords, keys and session tokens', async () => {
      const token = await login(t.http, m.adminEmail, m.adminPassword);
      const dump =
        JSON.stringify(await t.db.dataSource.query('SELECT * FROM users')) +
        JSON.stringify(await t.db.dataSource.query('SELECT * FROM api_keys')) +
        JSON.stringify(await t.db.dataSource.query('SELECT * FROM sessions'));
      expect(dump).not.toContain(m.adminPassword);
      expect(dump).not.toContain(m.secretKey);
      expect(dump).not.toContain(token);
      expect(dump).toContain('scrypt$');
    });
  });

  describe('password reset', () => {
    it('emails a link whose token sets a new password once and ends the old sessions', async () => {
      const merchant = await signUpMerchant(t.http);
      const oldSession = await login(t.http, merchant.adminEmail, merchant.adminPassword);
      const req = await t.http.post('/v1/auth/password-reset', { email: merchant.adminEmail });
      const unknown = await t.http.post('/v1/auth/password-reset', { email: 'nobody@nowhere.example' });
      expect(req.status).toBe(202);
      expect(unknown.status).toBe(202);
      expect(req.body).toEqual(unknown.body);

      await t.http.post('/dev/jobs/run');
      const mail = await t.http.get(`/dev/mailbox?to=${encodeURIComponent(merchant.adminEmail)}`);
      expect(mail.body.data).toHaveLength(1);
      const token = /token=([^\s&]+)/.exec(mail.body.data[0].text)![1]!;
      expect(decodeURIComponent(token)).toMatch(/^pwr_/);
      expect(mail.body.data[0].messageId).toMatch(/^<obx_.+@localhost>$/);

      const confirm = await t.http.post('/v1/auth/password-reset/confirm', {
        token: decodeURIComponent(token),
        password: 'a brand new password',
      });
      expect(confirm.status).toBe(200);
      expect((await t.http.get('/v1/merchant', { token: oldSession })).status).toBe(401);
      expect(
        (await t.http.post('/v1/auth/login', { email: merchant.adminEmail, password: merchant.adminPassword })).status,
      ).toBe(401);
      expect(
        (await t.http.post('/v1/auth/login', { email: merchant.adminEmail, password: 'a brand new password' })).status,
      ).toBe(200);
      const again = await t.http.post('/v1/auth/password-reset/confirm', {
        token: decodeURIComponent(token),
        password: 'yet another password',
      });
      expect(again.status).toBe(401);
      expect(again.body.error.code).toBe('link_invalid');
    });
  });

  describe('which credential a route takes', () => {
    it('asks for a credential when none is sent', async () => {
      const res = await t.http.get('/v1/contacts');
      expect(res.status).toBe(401);
      expect(res.body.error).toMatchObject({ type: 'authentication', code: 'authentication_required' });
    });

    it('refuses an unknown or malformed token', async () => {
      expect((await t.http.get('/v1/contacts', { token: 'sk_nope' })).body.error.code).toBe('invalid_credentials');
      const res = await t.http.get('/v1/contacts', { headers: { authorization: 'Basic abc' } });
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('invalid_authorization');
    });

    it('stops a revoked secret key at once', async () => {
      const merchant = await signUpMerchant(t.http);
      const created = await t.http.post(
        '/v1/api-keys',
        { kind: 'secret', role: 'member' },
        { token: merchant.secretKey },
      );
      expect(created.status).toBe(201);
      const key = created.body.secret;
      expect((await t.http.get('/v1/contacts', { token: key })).status).toBe(200);
      expect((await t.http.delete(`/v1/api-keys/${created.body.id}`, { token: merchant.secretKey })).status).toBe(200);
      expect((await t.http.get('/v1/contacts', { token: key })).status).toBe(401);
    });

    it('stops a secret key revoked by another process within SECRET_KEY_CACHE_MS', async () => {
      const merchant = await signUpMerchant(t.http);
      expect((await t.http.get('/v1/contacts', { token: merchant.secretKey })).status).toBe(200);
      // Another process (another CC_WORKERS worker or instance) revokes it: only the database knows.
      await t.db.dataSource.query(`UPDATE api_keys SET revoked_at = now() WHERE merchant_id = $1`, [
        merchant.merchantId,
      ]);
      await new Promise((r) => setTimeout(r, SECRET_KEY_CACHE_MS + 50));
      expect((await t.http.get('/v1/contacts', { token: merchant.secretKey })).status).toBe(401);
    });

    it('keeps the platform token out of merchant routes and merchants out of platform routes', async () => {
      const res = await t.http.get('/v1/contacts', { token: t.config.CC_PLATFORM_ADMIN_TOKEN });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('credential_not_allowed');
    });
  });

  describe('customer sessions (cs_)', () => {
    it('are scoped to one contact, refused on merchant routes, and expire an hour after last use', async () => {
      const contact = await createContact(t.http, m.secretKey);
      const { token, session } = await t.app.get(SessionsService).createCustomerSession(m.merchantId, contact.id);
      expect(token).toMatch(/^cs_/);
      expect(session.contactId).toBe(contact.id);
      const merchantRoute = await t.http.get('/v1/contacts', { token });
      expect(merchantRoute.status).toBe(403);
      expect(merchantRoute.body.error.code).toBe('credential_not_allowed');

      await t.http.post('/dev/clock', { advance: 'PT50M' });
      expect((await t.http.get('/v1/contacts', { token })).status).toBe(403); // still valid: used, so the hour restarts
      await t.http.post('/dev/clock', { advance: 'PT50M' });
      expect((await t.http.get('/v1/contacts', { token })).status).toBe(403);
      await t.http.post('/dev/clock', { advance: 'PT61M' });
      const expired = await t.http.get('/v1/contacts', { token });
      expect(expired.status).toBe(401);
      expect(expired.body.error.code).toBe('session_expired');
    });

    it('stop within CUSTOMER_SESSION_CACHE_MS when another process revokes them', async () => {
      const contact = await createContact(t.http, m.secretKey);
      const { token } = await t.app.get(SessionsService).createCustomerSession(m.merchantId, contact.id);
      expect((await t.http.get('/v1/customer/payments', { token })).status).toBe(200);
      // Another process (another CC_WORKERS worker or instance) revokes it: only the database knows.
      await t.db.dataSource.query(`UPDATE sessions SET revoked_at = now() WHERE merchant_id = $1 AND contact_id = $2`, [
        m.merchantId,
        contact.id,
      ]);
      await new Promise((r) => setTimeout(r, CUSTOMER_SESSION_CACHE_MS + 50));
      const revoked = await t.http.get('/v1/customer/payments', { token });
      expect(revoked.status).toBe(401);
      expect(revoked.body.error.code).toBe('invalid_credentials');
    });
  });

  describe('publishable keys', () => {
    it("work only from the merchant's allowed origins", async () => {
      const merchant = await signUpMerchant(t.http);
      const noOrigins = await t.http.get('/v1/public/config', {
        publishableKey: merchant.publishableKey,
        origin: 'https://shop.example.com',
      });
      expect(noOrigins.status).toBe(403);
      expect(noOrigins.body.error).toMatchObject({ type: 'permission', code: 'origin_not_allowed' });

      const patched = await t.http.patch(
        '/v1/merchant/settings',
        { allowedOrigins: ['https://shop.example.com'] },
        { token: merchant.secretKey },
      );
      expect(patched.status).toBe(200);
      await new Promise((r) => setTimeout(r, 5100)); // the origin check reads a cache of at most 5 s

      const ok = await t.http.get('/v1/public/config', {
        publishableKey: merchant.publishableKey,
        origin: 'https://shop.example.com',
      });
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({
        merchant: { id: merchant.merchantId },
        termsPolicy: 'locked',
        defaultCurrency: 'USD',
        allowedNetDays: [30],
      });
      expect(ok.headers.get('access-control-allow-origin')).toBe('https://shop.example.com');

      const other = await t.http.get('/v1/public/config', {
        publishableKey: merchant.publishableKey,
        origin: 'https://evil.example',
      });
      expect(other.status).toBe(403);
      const serverSide = await t.http.get('/v1/public/config', { publishableKey: merchant.publishableKey });
      expect(serverSide.status).toBe(403);
    });

    it('opens CORS only on widget paths', async () => {
      const preflight = await t.http.request('OPTIONS', '/v1/public/config', undefined, {
        origin: 'https://shop.example.com',
        headers: { 'access-control-request-method': 'GET', 'access-control-request-headers': 'cc-publishable-key' },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-headers')).toMatch(/CC-Publishable-Key/i);
      const merchantPath = await t.http.get('/v1/contacts', { token: m.secretKey, origin: 'https://shop.example.com' });
      expect(merchantPath.headers.get('access-control-allow-origin')).toBeNull();
      const customerPath = await t.http.get('/v1/customer/wallet', { origin: 'https://anywhere.example' });
      expect(customerPath.headers.get('access-control-allow-origin')).toBe('*');
    });

    it('cannot call merchant routes', async () => {
      const res = await t.http.get('/v1/contacts', { publishableKey: m.publishableKey, origin: 'https://x.example' });
      expect(res.status).toBe(403);
    });
  });
});
