import { createHash, createHmac, hkdfSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SECRET_KEY_CACHE_MS } from '../src/domain/api-keys/api-keys.service.js';
import { CUSTOMER_SESSION_CACHE_MS } from '../src/domain/users/sessions.service.js';
import { startApp, type TestApp } from './support/app.js';
import { authorizedContact, CARDS } from './support/billing.js';
import { signUpMerchant, unique, type SignedUpMerchant } from './support/factories.js';

/** JSON with sorted keys (how a body may be canonicalised before it is hashed). */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value ?? null);
}

/** Every unkeyed SHA-256 of `text` a database could hold: hex, base64 and base64url. */
function plainDigests(text: string): string[] {
  const d = createHash('sha256').update(text).digest();
  return [d.toString('hex'), d.toString('base64'), d.toString('base64url')];
}

describe('secrets at rest: a plain dump of the database', () => {
  let t: TestApp;
  let m: SignedUpMerchant;
  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(async () => t?.close());

  /** Every row of every table, as text. */
  async function dump(): Promise<string> {
    const tables: { name: string }[] = await t.db.dataSource.query(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    );
    const parts: string[] = [];
    for (const { name } of tables) {
      const rows: { row: string }[] = await t.db.dataSource.query(`SELECT t::text AS row FROM "${name}" t`);
      parts.push(`-- ${name}`, ...rows.map((r) => r.row));
    }
    return parts.join('\n');
  }

  it('holds no password, key, token, card or account number, nor a plain SHA-256 of them or of their bodies', async () => {
    const secrets: string[] = [];
    const bodies: { path: string; body: unknown }[] = [];
    /** A POST as the SDK sends it (always with an Idempotency-Key), remembering its body. */
    const post = async (path: string, body: Record<string, unknown>, token?: string) => {
      bodies.push({ path, body });
      return t.http.post(path, body, { token, idempotencyKey: `idk-${unique()}` });
    };

    const adminPassword = `pw-${unique()}-sign-up`;
    const signUp = await post('/v1/merchants', {
      name: 'Dump Test Supply',
      adminEmail: `admin-${unique()}@dump.example`,
      adminPassword,
    });
    expect(signUp.status).toBe(201);
    m = {
      merchantId: signUp.body.merchant.id,
      adminEmail: signUp.body.user.email,
      adminPassword,
      secretKey: signUp.body.secretKey,
      publishableKey: signUp.body.publishableKey,
      adminUserId: signUp.body.user.id,
    };
    secrets.push(adminPassword, m.secretKey);

    const loggedIn = await post('/v1/auth/login', { email: m.adminEmail, password: adminPassword });
    expect(loggedIn.status).toBe(200);
    secrets.push(loggedIn.body.token);

    const userPassword = `pw-${unique()}-new-user`;
    const user = await post(
      '/v1/users',
      { email: `member-${unique()}@dump.example`, name: 'Member', role: 'member', password: userPassword },
      m.secretKey,
    );
    expect(user.status).toBe(201);
    secrets.push(userPassword);

    const key = await post('/v1/api-keys', { kind: 'secret' }, m.secretKey);
    expect(key.status).toBe(201);
    secrets.push(key.body.secret);

    const c = await authorizedContact(t, m.secretKey, m.merchantId);
    secrets.push(c.session);
    const card = await post(
      '/v1/customer/payment-methods',
      { type: 'card', card: { number: CARDS.ok, expMonth: 12, expYear: 2034, cvc: '123' } },
      c.session,
    );
    expect(card.status).toBe(201);
    secrets.push(CARDS.ok, CARDS.ok.replace(/ /g, ''));
    const bank = await post(
      '/v1/customer/payment-methods',
      { type: 'ach', ach: { routingNumber: '110000000', accountNumber: '000123456789', accountHolder: 'Acme' } },
      c.session,
    );
    expect(bank.status).toBe(201);
    secrets.push('000123456789');

    expect((await post('/v1/auth/password-reset', { email: m.adminEmail })).status).toBe(202);
    expect((await post(`/v1/contacts/${c.contactId}/wallet-links`, {}, m.secretKey)).status).toBe(201);
    await t.http.post('/dev/jobs/run');
    const mail = (await t.http.get('/dev/mailbox')).body.data as { text: string }[];
    const resetToken = mail.map((x) => /token=(pwr_[A-Za-z0-9_-]+)/.exec(x.text)?.[1]).find(Boolean);
    const linkToken = mail.map((x) => /cc_token=(wl_[A-Za-z0-9_-]+)/.exec(x.text)?.[1]).find(Boolean);
    expect(resetToken).toBeDefined();
    expect(linkToken).toBeDefined();
    secrets.push(resetToken!, linkToken!);
    const customer = await post('/v1/customer/sessions', { linkToken });
    expect(customer.status).toBe(201);
    secrets.push(customer.body.token);

    const text = await dump();
    const leaks = secrets.filter((secret) => text.includes(secret));
    // Low-entropy secrets (passwords, card and account numbers) and the bodies that carried them:
    // no unkeyed digest, in any of the forms a body could have been hashed in.
    const digests = [adminPassword, userPassword, CARDS.ok, CARDS.ok.replace(/ /g, ''), '000123456789'].flatMap(
      plainDigests,
    );
    for (const { path, body } of bodies)
      digests.push(
        ...plainDigests(JSON.stringify(body)),
        ...plainDigests(canonical(body)),
        ...plainDigests(`POST ${path}\n${canonical(body)}`),
      );
    // Bearer tokens (API keys, sessions, links): stored keyed too, so a token seen elsewhere (a log,
    // a mail) cannot be matched against a dump without the server's key.
    const tokens = [m.secretKey, loggedIn.body.token, key.body.secret, c.session, resetToken!, linkToken!];
    tokens.push(customer.body.token);
    expect(tokens.map((x) => x.split('_')[0]).sort()).toEqual(['cs', 'cs', 'ms', 'pwr', 'sk', 'sk', 'wl']);
    digests.push(...tokens.flatMap(plainDigests));
    leaks.push(...digests.filter((d) => text.includes(d)).map((d) => `digest ${d}`));
    expect(leaks).toEqual([]);
  });

  it('still recognises the replay of a key stored before bodies were keyed (a plain digest, for its last 24 hours)', async () => {
    const merchant = await signUpMerchant(t.http);
    const body = { companyName: 'Legacy Co', email: `legacy-${unique()}@customer.example` };
    const idempotencyKey = `idk-${unique()}`;
    const first = await t.http.post('/v1/contacts', body, { token: merchant.secretKey, idempotencyKey });
    expect(first.status).toBe(201);
    const [stored] = await t.db.dataSource.query(`SELECT request_hash FROM idempotency_keys WHERE key = $1`, [
      idempotencyKey,
    ]);
    expect(stored.request_hash).toMatch(/^h1\./);
    const legacy = createHash('sha256')
      .update(`POST /v1/contacts\n${canonical(body)}`)
      .digest('hex');
    await t.db.dataSource.query(`UPDATE idempotency_keys SET request_hash = $1 WHERE key = $2`, [
      legacy,
      idempotencyKey,
    ]);
    const replay = await t.http.post('/v1/contacts', body, { token: merchant.secretKey, idempotencyKey });
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body.id).toBe(first.body.id);
    const other = await t.http.post(
      '/v1/contacts',
      { ...body, companyName: 'Other Co' },
      { token: merchant.secretKey, idempotencyKey },
    );
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe('idempotency_key_reused');
  });

  it('purges delivered outbox rows after 30 days, and keeps the ones not yet delivered', async () => {
    const merchant = await signUpMerchant(t.http);
    await t.http.post('/v1/auth/password-reset', { email: merchant.adminEmail });
    await t.http.post('/dev/jobs/run');
    const rows = async () =>
      (await t.db.dataSource.query(`SELECT status FROM outbox_messages WHERE merchant_id = $1`, [merchant.merchantId]))
        .length as number;
    const delivered = await rows();
    expect(delivered).toBeGreaterThan(0);
    await t.http.post('/dev/clock', { advance: 'P29D' });
    await t.http.post('/dev/jobs/run');
    expect(await rows()).toBe(delivered);
    await t.http.post('/v1/auth/password-reset', { email: merchant.adminEmail }); // pending until the next run
    await t.http.post('/dev/clock', { advance: 'P1DT1M' });
    const pending = await t.db.dataSource.query(
      `SELECT count(*)::int AS n FROM outbox_messages WHERE merchant_id = $1 AND status = 'pending'`,
      [merchant.merchantId],
    );
    expect(pending[0].n).toBe(1);
    await t.http.post('/dev/jobs/run');
    const left = await t.db.dataSource.query(
      `SELECT status, completed_at FROM outbox_messages WHERE merchant_id = $1`,
      [merchant.merchantId],
    );
    expect(left).toHaveLength(1); // the one sent just now
    await t.http.post('/dev/clock', { advance: 'P31D' });
    await t.http.post('/dev/jobs/run');
    expect(await rows()).toBe(0);
  });
});

describe('tokens stored before they were keyed (a plain SHA-256)', () => {
  const KEY = Buffer.alloc(32, 9);
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp({ CC_ENCRYPTION_KEY: KEY.toString('base64') });
  });
  afterAll(async () => t?.close());

  /** What is stored for a token now: HMAC-SHA256 under the `token-lookup` subkey of CC_ENCRYPTION_KEY. */
  const keyed = (token: string) =>
    createHmac('sha256', Buffer.from(hkdfSync('sha256', KEY, Buffer.alloc(0), 'cc-mac:token-lookup', 32)))
      .update(token)
      .digest('base64url');
  const legacy = (token: string) => createHash('sha256').update(token).digest('hex');

  /** Puts the row of `token` back as the old code stored it. */
  async function storeLegacy(table: string, token: string): Promise<void> {
    const [rows, count] = await t.db.dataSource.query(
      `UPDATE ${table} SET token_hash = $1 WHERE token_hash IN ($1, $2) RETURNING id`,
      [legacy(token), keyed(token)],
    );
    expect({ table, count: count ?? rows.length }).toEqual({ table, count: 1 });
  }

  async function stored(table: string, token: string): Promise<string[]> {
    const rows: { token_hash: string }[] = await t.db.dataSource.query(
      `SELECT token_hash FROM ${table} WHERE token_hash IN ($1, $2)`,
      [legacy(token), keyed(token)],
    );
    return rows.map((r) => r.token_hash);
  }

  async function mailed(to: string, pattern: RegExp): Promise<string> {
    await t.http.post('/dev/jobs/run');
    const mail = (await t.http.get(`/dev/mailbox?to=${encodeURIComponent(to)}`)).body.data as { text: string }[];
    const token = mail.map((x) => pattern.exec(x.text)?.[1]).find(Boolean);
    expect(token).toBeDefined();
    return token!;
  }

  it('still authenticate, and are re-keyed on first use (the plain digest is gone)', async () => {
    const m = await signUpMerchant(t.http);
    const session = (await t.http.post('/v1/auth/login', { email: m.adminEmail, password: m.adminPassword })).body
      .token as string;
    const c = await authorizedContact(t, m.secretKey, m.merchantId);
    const contact = await t.http.post(
      '/v1/contacts',
      { companyName: 'Link Co', email: `link-${unique()}@customer.example` },
      { token: m.secretKey },
    );
    expect(contact.status).toBe(201);
    expect((await t.http.post(`/v1/contacts/${contact.body.id}/wallet-links`, {}, { token: m.secretKey })).status).toBe(
      201,
    );
    const link = await mailed(contact.body.email, /cc_token=(wl_[A-Za-z0-9_-]+)/);
    expect((await t.http.post('/v1/auth/password-reset', { email: m.adminEmail })).status).toBe(202);
    const reset = await mailed(m.adminEmail, /token=(pwr_[A-Za-z0-9_-]+)/);
    // Past this process's caches of credentials it has read (the key and the customer session
    // were used above, while keyed): the next use reads the row, as a legacy row's first use does.
    await new Promise((r) => setTimeout(r, Math.max(SECRET_KEY_CACHE_MS, CUSTOMER_SESSION_CACHE_MS) + 100));

    const uses: [string, string, () => Promise<number>][] = [
      ['api_keys', m.secretKey, async () => (await t.http.get('/v1/contacts', { token: m.secretKey })).status],
      ['sessions', session, async () => (await t.http.get('/v1/contacts', { token: session })).status],
      ['sessions', c.session, async () => (await t.http.get('/v1/customer/wallet', { token: c.session })).status],
      ['wallet_links', link, async () => (await t.http.post('/v1/customer/sessions', { linkToken: link })).status],
      [
        'password_resets',
        reset,
        async () =>
          (await t.http.post('/v1/auth/password-reset/confirm', { token: reset, password: `pw-${unique()}-reset` }))
            .status,
      ],
    ];
    for (const [table, token] of uses) await storeLegacy(table, token);
    for (const [table, token] of uses)
      expect({ table, stored: await stored(table, token) }).toEqual({ table, stored: [legacy(token)] });
    const statuses: Record<string, number> = {};
    for (const [, token, use] of uses) statuses[token.split('_')[0]] = await use();
    expect(statuses).toEqual({ sk: 200, ms: 200, cs: 200, wl: 201, pwr: 200 });
    for (const [table, token] of uses)
      expect({ table, stored: await stored(table, token) }).toEqual({ table, stored: [keyed(token)] });
    // Re-keyed, they keep working (the reset token was used up: once is its whole life).
    expect((await t.http.get('/v1/contacts', { token: m.secretKey })).status).toBe(200);
    expect((await t.http.get('/v1/customer/wallet', { token: c.session })).status).toBe(200);
    expect((await t.http.post('/v1/customer/sessions', { linkToken: link })).status).toBe(201);
  });
});

describe('customer sessions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(async () => t?.close());

  it('end 12 hours after they were made, however often they are used', async () => {
    const m = await signUpMerchant(t.http);
    const c = await authorizedContact(t, m.secretKey, m.merchantId);
    for (let i = 0; i < 23; i++) {
      await t.http.post('/dev/clock', { advance: 'PT30M' });
      expect({ at: i, status: (await t.http.get('/v1/customer/wallet', { token: c.session })).status }).toEqual({
        at: i,
        status: 200,
      });
    }
    await t.http.post('/dev/clock', { advance: 'PT30M' }); // 12 hours after it was made
    const ended = await t.http.get('/v1/customer/wallet', { token: c.session });
    expect(ended.status).toBe(401);
    expect(ended.body.error.code).toBe('session_expired');
  });
});
