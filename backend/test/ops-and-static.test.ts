import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { get as httpGet } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CONSOLE_DIST, SDK_DIST, SDK_PACKAGE_JSON } from '../src/platform/http/static-sites.js';
import { PRODUCTION_ENV, startApp, type TestApp } from './support/app.js';
import { signUpMerchant } from './support/factories.js';

describe('operations, documentation and static files', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startApp()));
  afterAll(async () => t?.close());

  it('reports health and readiness', async () => {
    expect(await t.http.get('/health')).toMatchObject({ status: 200, body: { status: 'ok' } });
    expect(await t.http.get('/ready')).toMatchObject({ status: 200, body: { status: 'ready' } });
  });

  it('exposes request counts and latencies by route in Prometheus text', async () => {
    const m = await signUpMerchant(t.http);
    await t.http.get('/v1/contacts', { token: m.secretKey });
    const res = await t.http.get('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(res.body).toMatch(/cc_http_requests_total\{method="GET",route="\/v1\/contacts",status="200"\} [1-9]/);
    expect(res.body).toMatch(/cc_http_request_duration_seconds_bucket\{le="0.1",method="GET",route="\/v1\/contacts"\}/);
  });

  it('serves an OpenAPI 3 document generated from the code, and Swagger UI', async () => {
    const doc = await t.http.get('/openapi.json');
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    for (const path of [
      '/v1/merchants',
      '/v1/merchant/settings',
      '/v1/auth/login',
      '/v1/contacts',
      '/v1/contacts/{id}',
      '/v1/users',
      '/v1/api-keys',
      '/v1/public/config',
    ]) {
      expect(doc.body.paths).toHaveProperty([path]);
    }
    expect(doc.body.components.schemas.CreateContactDto.required).toEqual(
      expect.arrayContaining(['companyName', 'email']),
    );
    const ui = await t.http.get('/docs');
    expect(ui.status).toBe(200);
    expect(ui.body).toContain('swagger');
  });

  it('sends security headers', async () => {
    const res = await t.http.get('/health');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=/);
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });

  it('serves the SDK to every site, with a content-hashed alias cached for a year', async () => {
    const body = readFileSync(join(SDK_DIST, 'cc-sdk.js'), 'utf8');
    const plain = await t.http.get('/sdk/cc-sdk.js');
    expect(plain.status).toBe(200);
    expect(plain.body).toBe(body);
    expect(plain.headers.get('access-control-allow-origin')).toBe('*');
    expect(plain.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(plain.headers.get('content-type')).toMatch(/javascript/);

    const manifest = await t.http.get('/sdk/manifest.json');
    const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
    const { version } = JSON.parse(readFileSync(SDK_PACKAGE_JSON, 'utf8'));
    expect(manifest.body).toEqual({
      script: '/sdk/cc-sdk.js',
      hashedPath: `/sdk/cc-sdk.${hash}.js`,
      integrity: `sha384-${createHash('sha384').update(body).digest('base64')}`,
      version,
      evergreen: '/sdk/v1/cc-sdk.js',
      pinned: `/sdk/${version}/cc-sdk.js`,
    });
    for (const path of ['/sdk/v1/cc-sdk.js', `/sdk/${version}/cc-sdk.js`])
      expect([path, (await t.http.get(path)).body]).toEqual([path, body]);
    const hashed = await t.http.get(manifest.body.hashedPath);
    expect(hashed.status).toBe(200);
    expect(hashed.body).toBe(body);
    expect(hashed.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(hashed.headers.get('access-control-allow-origin')).toBe('*');
  });

  it("answers /sdk/* scripts with a script's headers only, and pages with the page headers", async () => {
    const { hashedPath, version } = (await t.http.get('/sdk/manifest.json')).body;
    const chunk = readdirSync(join(SDK_DIST, 'chunks')).find((name) => name.endsWith('.js'));
    const paths = ['/sdk/cc-sdk.js', hashedPath, '/sdk/v1/cc-sdk.js', `/sdk/${version}/cc-sdk.js`];
    paths.push(`/sdk/chunks/${chunk}`, `/sdk/v1/chunks/${chunk}`, `/sdk/${version}/chunks/${chunk}`);
    for (const path of paths) {
      const res = await fetch(t.baseUrl + path, { headers: { 'accept-encoding': 'br' } });
      const headers = Object.fromEntries(res.headers);
      expect([path, res.status]).toEqual([path, 200]);
      expect([path, headers]).toEqual([
        path,
        expect.objectContaining({
          'content-type': expect.stringMatching(/javascript/),
          'content-encoding': 'br',
          'cache-control': expect.stringMatching(/^public, max-age=/),
          vary: expect.stringMatching(/accept-encoding/i),
          'access-control-allow-origin': '*',
          'cross-origin-resource-policy': 'cross-origin',
          'x-content-type-options': 'nosniff',
        }),
      ]);
      for (const page of [
        'content-security-policy',
        'x-frame-options',
        'cross-origin-opener-policy',
        'origin-agent-cluster',
        'referrer-policy',
        'x-dns-prefetch-control',
        'x-download-options',
        'x-permitted-cross-domain-policies',
        'x-xss-protection',
        'request-id',
        'last-modified',
        'accept-ranges',
        'keep-alive',
      ])
        expect([path, page, headers[page]]).toEqual([path, page, undefined]);
      expect(await res.text()).toBe(
        readFileSync(join(SDK_DIST, path.includes('/chunks/') ? `chunks/${chunk}` : 'cc-sdk.js'), 'utf8'),
      );
    }
    for (const path of ['/', '/v1/public/config', '/wallet']) {
      const res = await fetch(t.baseUrl + path);
      expect([path, res.headers.get('content-security-policy')]).toEqual([
        path,
        expect.stringContaining("script-src 'self'"),
      ]);
      expect([path, res.headers.get('x-frame-options')]).toEqual([path, 'SAMEORIGIN']);
      expect([path, res.headers.get('request-id')]).toEqual([path, expect.stringMatching(/\S/)]);
    }
  });

  it('serves the SDK bundles compressed (Brotli, else gzip) to browsers that accept it', async () => {
    const body = readFileSync(join(SDK_DIST, 'cc-sdk.js'), 'utf8');
    const { hashedPath } = (await t.http.get('/sdk/manifest.json')).body;
    for (const path of ['/sdk/cc-sdk.js', hashedPath, '/sdk/cc-console.js']) {
      const expected = path === '/sdk/cc-console.js' ? readFileSync(join(CONSOLE_DIST, 'cc-console.js'), 'utf8') : body;
      for (const [accept, encoding] of [
        ['gzip, deflate, br', 'br'],
        ['gzip', 'gzip'],
        ['br;q=0, gzip', 'gzip'],
        ['identity', null],
      ] as const) {
        const res = await fetch(t.baseUrl + path, { headers: { 'accept-encoding': accept } });
        expect([path, accept, res.headers.get('content-encoding')]).toEqual([path, accept, encoding]);
        expect(res.headers.get('vary')?.toLowerCase()).toContain('accept-encoding');
        expect(await res.text()).toBe(expected); // fetch decodes it: the same bytes, the same integrity
      }
    }
    const overTheWire = (path: string) =>
      new Promise<number>((resolve, reject) =>
        httpGet(t.baseUrl + path, { headers: { 'accept-encoding': 'br' } }, (res) => {
          let size = 0;
          res
            .on('data', (chunk: Buffer) => (size += chunk.length))
            .on('end', () => resolve(size))
            .on('error', reject);
        }).on('error', reject),
      );
    // cc-sdk.js is a 2 KB loader now: compressed, but the ratio is the chunks' (the largest here).
    expect(await overTheWire(hashedPath)).toBeLessThan(Buffer.byteLength(body) / 2);
    const [largest] = readdirSync(join(SDK_DIST, 'chunks'))
      .filter((name) => name.endsWith('.js'))
      .map((name) => ({ name, size: statSync(join(SDK_DIST, 'chunks', name)).size }))
      .sort((a, b) => b.size - a.size);
    expect(await overTheWire(`/sdk/chunks/${largest!.name}`)).toBeLessThan(largest!.size / 3); // what goes over the wire
  });

  it('serves the demo site at / with the SDK script filled in', async () => {
    const res = await t.http.get('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(res.body).toContain('Northwind');
    expect(res.body).toMatch(/src="\/sdk\/cc-sdk\.[0-9a-f]{12}\.js"/);
    expect(res.body).not.toContain('__CC_SDK_SRC__');
  });

  it('serves the hosted wallet without a referrer, and the dashboard shell', async () => {
    const wallet = await t.http.get('/wallet?cc_token=wl_example');
    expect(wallet.status).toBe(200);
    expect(wallet.headers.get('referrer-policy')).toBe('no-referrer');
    expect(wallet.body).toContain('<cc-wallet');
    expect(wallet.body).toMatch(/src="\/sdk\/cc-sdk\.[0-9a-f]{12}\.js"/);
    const dashboard = await t.http.get('/dashboard/contacts');
    expect(dashboard.status).toBe(200);
    expect(dashboard.body).toContain('<cc-merchant-console');
  });

  it('moves the clock forward for tests and demos', async () => {
    const before = await t.http.get('/dev/clock');
    const moved = await t.http.post('/dev/clock', { advance: 'P3D' });
    expect(moved.status).toBe(200);
    const diff = Date.parse(moved.body.now) - Date.parse(before.body.now);
    expect(diff).toBeGreaterThanOrEqual(3 * 86400_000);
    expect(diff).toBeLessThan(3 * 86400_000 + 60_000);
    const bad = await t.http.post('/dev/clock', { advance: 'three days' });
    expect(bad.status).toBe(422);
    expect(bad.body.error.param).toBe('advance');
  });
});

describe('in production', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startApp(PRODUCTION_ENV)));
  afterAll(async () => t?.close());

  it('has no /dev endpoints', async () => {
    expect((await t.http.get('/dev/clock')).status).toBe(404);
    expect((await t.http.post('/dev/clock', { advance: 'P1D' })).status).toBe(404);
    expect((await t.http.get('/dev/mailbox')).status).toBe(404);
  });
});
