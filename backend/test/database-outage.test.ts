import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startApp, type TestApp } from './support/app.js';
import { signUpMerchant, type SignedUpMerchant } from './support/factories.js';
import { scratchDatabase, serverUrl } from './support/postgres.js';
import { TcpProxy } from './support/tcp-proxy.js';

/**
 * A lost database is an outage, not a bug: 503 database_unavailable, /ready 503,
 * and the app recovers by itself. Needs a PostgreSQL server (the CI one at 127.0.0.1:5432,
 * or CC_TEST_DATABASE_URL); it reaches it through a proxy the test can cut.
 */
describe('when the database goes away', () => {
  const server = serverUrl();
  const proxy = new TcpProxy(server.hostname, Number(server.port || 5432));
  let t: TestApp;
  let m: SignedUpMerchant;
  let scratch: Awaited<ReturnType<typeof scratchDatabase>>;

  beforeAll(async () => {
    scratch = await scratchDatabase('cc_outage', { migrated: true });
    await proxy.start();
    const url = new URL(scratch.url.toString());
    url.port = String(proxy.port);
    t = await startApp({ DATABASE_URL: url.toString() });
    m = await signUpMerchant(t.http);
  });

  afterAll(async () => {
    await t?.close();
    await proxy.stop();
    await scratch?.drop();
  });

  it('answers 503 database_unavailable, /ready 503, /health 200, then recovers on its own', async () => {
    expect((await t.http.get('/v1/contacts', { token: m.secretKey })).status).toBe(200);
    await proxy.stop();

    const during = await t.http.get('/v1/contacts', { token: m.secretKey });
    expect(during.status).toBe(503);
    expect(during.body.error).toEqual({ type: 'api_error', code: 'database_unavailable', message: expect.any(String) });
    const write = await t.http.post(
      '/v1/contacts',
      { companyName: 'Lost', email: 'lost@x.example' },
      { token: m.secretKey },
    );
    expect(write.status).toBe(503);
    const signUp = await t.http.post('/v1/merchants', {
      name: 'X',
      adminEmail: 'outage@x.example',
      adminPassword: 'long enough pw',
    });
    expect(signUp.status).toBe(503);
    expect((await t.http.get('/ready')).status).toBe(503);
    expect((await t.http.get('/health')).status).toBe(200);

    await proxy.start();
    let recovered = 0;
    for (let i = 0; i < 50 && recovered !== 200; i++) {
      recovered = (await t.http.get('/v1/contacts', { token: m.secretKey })).status;
      if (recovered !== 200) await new Promise((r) => setTimeout(r, 200));
    }
    expect(recovered).toBe(200);
    expect((await t.http.get('/ready')).status).toBe(200);
    const after = await t.http.post(
      '/v1/contacts',
      { companyName: 'Back', email: 'back@x.example' },
      { token: m.secretKey },
    );
    expect(after.status).toBe(201);
  }, 60_000);
});
