import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startApp, type TestApp } from './support/app.js';
import { signUpMerchant, unique, type SignedUpMerchant } from './support/factories.js';

describe('Idempotency-Key', () => {
  let t: TestApp;
  let m: SignedUpMerchant;
  beforeAll(async () => {
    t = await startApp();
    m = await signUpMerchant(t.http);
  });
  afterAll(async () => t?.close());

  const countContacts = async (merchantId: string, email: string) =>
    (
      await t.db.dataSource.query('SELECT count(*)::int AS n FROM contacts WHERE merchant_id = $1 AND email = $2', [
        merchantId,
        email,
      ])
    )[0].n;

  it('replays the first answer for the same key and body, flagged Idempotent-Replayed', async () => {
    const key = `k-${unique()}`;
    const body = { companyName: 'Replay Co', email: `replay-${unique()}@x.example` };
    const first = await t.http.post('/v1/contacts', body, { token: m.secretKey, idempotencyKey: key });
    const second = await t.http.post('/v1/contacts', body, { token: m.secretKey, idempotencyKey: key });
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(second.status).toBe(201);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(second.body).toEqual(first.body);
    expect(await countContacts(m.merchantId, body.email)).toBe(1);
  });

  it('answers 409 idempotency_key_reused for the same key with another body', async () => {
    const key = `k-${unique()}`;
    await t.http.post(
      '/v1/contacts',
      { companyName: 'One', email: `one-${unique()}@x.example` },
      { token: m.secretKey, idempotencyKey: key },
    );
    const other = await t.http.post(
      '/v1/contacts',
      { companyName: 'Two', email: `two-${unique()}@x.example` },
      { token: m.secretKey, idempotencyKey: key },
    );
    expect(other.status).toBe(409);
    expect(other.body.error).toMatchObject({ type: 'conflict', code: 'idempotency_key_reused' });
  });

  it('answers 422 parameter_invalid for a readable key that breaks its rule (256 characters, empty), writing nothing', async () => {
    const email = `long-key-${unique()}@x.example`;
    for (const key of ['k'.repeat(256), '']) {
      const res = await t.http.post(
        '/v1/contacts',
        { companyName: 'Long Key', email },
        { token: m.secretKey, headers: { 'idempotency-key': key } },
      );
      expect(res.status).toBe(422);
      expect(res.body.error).toMatchObject({
        type: 'invalid_request',
        code: 'parameter_invalid',
        param: 'Idempotency-Key',
      });
    }
    expect(await countContacts(m.merchantId, email)).toBe(0);
    const ok = await t.http.post(
      '/v1/contacts',
      { companyName: 'Long Key', email },
      { token: m.secretKey, idempotencyKey: 'k'.repeat(255) },
    );
    expect(ok.status).toBe(201);
  });

  it('keeps keys per credential', async () => {
    const other = await signUpMerchant(t.http);
    const key = `shared-${unique()}`;
    const email = `same-${unique()}@x.example`;
    const a = await t.http.post(
      '/v1/contacts',
      { companyName: 'A', email },
      { token: m.secretKey, idempotencyKey: key },
    );
    const b = await t.http.post(
      '/v1/contacts',
      { companyName: 'A', email },
      { token: other.secretKey, idempotencyKey: key },
    );
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.headers.get('idempotent-replayed')).toBeNull();
    expect(b.body.id).not.toBe(a.body.id);
  });

  it('resolves concurrent duplicates to one write and one answer', async () => {
    const key = `race-${unique()}`;
    const body = { companyName: 'Race Co', email: `race-${unique()}@x.example` };
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => t.http.post('/v1/contacts', body, { token: m.secretKey, idempotencyKey: key })),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(201));
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(answers.filter((a) => a.headers.get('idempotent-replayed') === 'true')).toHaveLength(7);
    expect(await countContacts(m.merchantId, body.email)).toBe(1);
  });

  it('remembers a refused request too, and does not run it again', async () => {
    const key = `bad-${unique()}`;
    const body = { companyName: 'Bad', email: 'not-an-email' };
    const first = await t.http.post('/v1/contacts', body, { token: m.secretKey, idempotencyKey: key });
    const second = await t.http.post('/v1/contacts', body, { token: m.secretKey, idempotencyKey: key });
    expect(first.status).toBe(422);
    expect(second.status).toBe(422);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
  });

  it('leaves secrets out of replays: sign-up, new keys and logins', async () => {
    const signUpBody = {
      name: 'Once Only',
      adminEmail: `once-${unique()}@x.example`,
      adminPassword: 'a long password',
    };
    const key = `signup-${unique()}`;
    const first = await t.http.post('/v1/merchants', signUpBody, { idempotencyKey: key });
    const replay = await t.http.post('/v1/merchants', signUpBody, { idempotencyKey: key });
    expect(first.body.secretKey).toMatch(/^sk_/);
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body.merchant).toEqual(first.body.merchant);
    expect(replay.body.publishableKey).toBe(first.body.publishableKey);
    expect(replay.body).not.toHaveProperty('secretKey');
    expect(JSON.stringify(replay.body)).not.toMatch(/sk_/);

    const keyKey = `apikey-${unique()}`;
    const created = await t.http.post(
      '/v1/api-keys',
      { kind: 'secret' },
      { token: m.secretKey, idempotencyKey: keyKey },
    );
    const again = await t.http.post('/v1/api-keys', { kind: 'secret' }, { token: m.secretKey, idempotencyKey: keyKey });
    expect(again.body.id).toBe(created.body.id);
    expect(again.body).not.toHaveProperty('secret');

    const loginKey = `login-${unique()}`;
    const login = await t.http.post(
      '/v1/auth/login',
      { email: m.adminEmail, password: m.adminPassword },
      { idempotencyKey: loginKey },
    );
    const loginAgain = await t.http.post(
      '/v1/auth/login',
      { email: m.adminEmail, password: m.adminPassword },
      { idempotencyKey: loginKey },
    );
    expect(login.body.token).toMatch(/^ms_/);
    expect(loginAgain.body).not.toHaveProperty('token');
    expect(loginAgain.body.user).toEqual(login.body.user);

    const stored = JSON.stringify(await t.db.dataSource.query('SELECT response_body FROM idempotency_keys'));
    expect(stored).not.toContain(first.body.secretKey);
    expect(stored).not.toContain(created.body.secret);
    expect(stored).not.toContain(login.body.token);
  });

  it('forgets keys after 24 hours', async () => {
    const key = `old-${unique()}`;
    const body = { companyName: 'Old', email: `old-${unique()}@x.example` };
    await t.http.post('/v1/contacts', body, { token: m.secretKey, idempotencyKey: key });
    await t.http.post('/dev/clock', { advance: 'PT24H1M' });
    const later = await t.http.post('/v1/contacts', body, { token: m.secretKey, idempotencyKey: key });
    expect(later.status).toBe(409);
    expect(later.body.error.code).toBe('contact_exists');
    expect(later.headers.get('idempotent-replayed')).toBeNull();
  });
});
