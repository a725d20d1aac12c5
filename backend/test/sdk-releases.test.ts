// SDK releases: every release a deployment has served stays served, byte for byte, after an
// upgrade (kept in the database, so every instance answers for it): the pinned URL with its
// `integrity`, the evergreen /sdk/v1/ URL, /sdk/releases.json and the old hashed alias.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '../src/config/app-config.js';
import { createApp } from '../src/create-app.js';
import { openDatabase } from '../src/database/database.js';
import type { ReleasesDocument, SdkBuild } from '../src/platform/http/sdk-releases.js';
import { SDK_DIST } from '../src/platform/http/static-sites.js';
import { scratchDatabase } from './support/postgres.js';

const built = readFileSync(join(SDK_DIST, 'cc-sdk.js'));
const chunkA = 'export const a = 1;\n';
const releaseA: SdkBuild = {
  version: '1.0.0',
  files: [
    { name: 'cc-sdk.js', body: built, contentType: 'text/javascript; charset=utf-8' },
    { name: 'chunks/only-in-a-1.js', body: Buffer.from(chunkA), contentType: 'text/javascript; charset=utf-8' },
  ],
};
const withBody = (version: string, extra: string): SdkBuild => ({
  version,
  files: [
    {
      name: 'cc-sdk.js',
      body: Buffer.concat([built, Buffer.from(extra)]),
      contentType: 'text/javascript; charset=utf-8',
    },
  ],
});
const sri = (body: Buffer) => `sha384-${createHash('sha384').update(body).digest('base64')}`;

// Each start opens the database and registers a release: slow on a busy machine.
jest.setTimeout(300_000);

describe('SDK releases across upgrades', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cc-releases-'));
  let scratch: { url: URL; drop(): Promise<void> } | null = null;
  let running: { app: NestFastifyApplication; close(): Promise<void>; baseUrl: string } | null = null;

  /** One start of the backend on the same database (the deployment), serving `build` as its release. */
  async function start(build: SdkBuild) {
    await running?.close();
    const config = loadConfig({
      NODE_ENV: 'test',
      CC_WORKER: '0',
      CC_DATA_DIR: dataDir,
      PUBLIC_URL: 'https://cc.example',
      ...(scratch ? { DATABASE_URL: scratch.url.toString() } : {}),
    });
    const db = await openDatabase(config);
    const app = await createApp(config, db, { logger: false, sdkBuild: build });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.getHttpServer().address() as { port: number };
    running = { app, baseUrl: `http://127.0.0.1:${port}`, close: async () => (await app.close(), await db.close()) };
    return running;
  }
  const get = (path: string, headers: Record<string, string> = {}) => fetch(running!.baseUrl + path, { headers });
  const bytes = async (res: Response) => Buffer.from(await res.arrayBuffer());
  const releasesDoc = async () => (await (await get('/sdk/releases.json')).json()) as ReleasesDocument;

  beforeAll(async () => {
    if (process.env.CC_TEST_DATABASE_URL) scratch = await scratchDatabase('cc_releases');
  });
  afterAll(async () => {
    await running?.close();
    await scratch?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps serving a pinned release, byte for byte with its integrity, after the next version is deployed', async () => {
    await start(releaseA);
    const first = await releasesDoc();
    expect(first.current).toBe('1.0.0');
    const pinnedA = first.releases[0]!.files['cc-sdk.js']!;
    expect(pinnedA).toEqual({ url: 'https://cc.example/sdk/1.0.0/cc-sdk.js', integrity: sri(built) });
    const manifest = (await (await get('/sdk/manifest.json')).json()) as Record<string, unknown>;
    expect(manifest).toMatchObject({
      version: '1.0.0',
      evergreen: '/sdk/v1/cc-sdk.js',
      pinned: '/sdk/1.0.0/cc-sdk.js',
    });
    const hashedAlias = `/sdk/cc-sdk.${createHash('sha256').update(built).digest('hex').slice(0, 12)}.js`;

    const releaseB = withBody('1.0.1', '\n// 1.0.1\n');
    await start(releaseB); // the upgrade: a new start of the deployment with other files

    const pinned = await get('/sdk/1.0.0/cc-sdk.js', { 'accept-encoding': 'identity' });
    expect(pinned.status).toBe(200);
    const body = await bytes(pinned);
    expect(body.equals(built)).toBe(true);
    expect(sri(body)).toBe(pinnedA.integrity);
    expect(pinned.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(pinned.headers.get('access-control-allow-origin')).toBe('*');
    expect(pinned.headers.get('content-type')).toMatch(/^text\/javascript/);
    const br = await get('/sdk/1.0.0/cc-sdk.js', { 'accept-encoding': 'br, gzip' });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect((await bytes(br)).equals(built)).toBe(true); // fetch decodes it: the same bytes

    const alias = await get(hashedAlias);
    expect(alias.status).toBe(200);
    expect((await bytes(alias)).equals(built)).toBe(true);

    const evergreen = await get('/sdk/v1/cc-sdk.js');
    expect(evergreen.status).toBe(200);
    expect((await bytes(evergreen)).equals(releaseB.files[0]!.body)).toBe(true);
    expect(evergreen.headers.get('cache-control')).toMatch(/max-age=300\b/);

    const after = await releasesDoc();
    expect(after.current).toBe('1.0.1');
    expect(after.releases.map((r) => r.version)).toEqual(['1.0.1', '1.0.0']);
    expect(after.releases[1]!.files['cc-sdk.js']).toEqual(pinnedA);
    // A chunk of release A: under its version, and from the evergreen URL for pages that loaded A's entry.
    for (const path of ['/sdk/1.0.0/chunks/only-in-a-1.js', '/sdk/v1/chunks/only-in-a-1.js'])
      expect([path, (await bytes(await get(path))).toString()]).toEqual([path, chunkA]);
  });

  it("keeps an old release's chunks inside its own folder: the pinned entry, its hashed alias and the evergreen pages of before the upgrade", async () => {
    const chunkOld = 'export const old = 1;\n';
    const entryOld = Buffer.from('import("./chunks/old-x1.js");\n// 1.2.0\n');
    const releaseOld: SdkBuild = {
      version: '1.2.0',
      files: [
        { name: 'cc-sdk.js', body: entryOld, contentType: 'text/javascript; charset=utf-8' },
        { name: 'chunks/old-x1.js', body: Buffer.from(chunkOld), contentType: 'text/javascript; charset=utf-8' },
      ],
    };
    await start(releaseOld);
    await start(withBody('1.2.1', '\n// 1.2.1\n')); // the upgrade
    // The old hashed alias still answers the old entry; its `./chunks/…` resolves to /sdk/chunks/.
    const hash = createHash('sha256').update(entryOld).digest('hex').slice(0, 12);
    const alias = await get(`/sdk/cc-sdk.${hash}.js`);
    expect([alias.status, (await bytes(alias)).equals(entryOld)]).toEqual([200, true]);
    // Every URL an old page may ask for the old chunk at (pinned, evergreen, alias) answers it, byte for byte.
    for (const path of ['/sdk/1.2.0/chunks/old-x1.js', '/sdk/v1/chunks/old-x1.js', '/sdk/chunks/old-x1.js']) {
      const res = await get(path, { 'accept-encoding': 'br' });
      expect([path, res.status, (await bytes(res)).toString()]).toEqual([path, 200, chunkOld]);
    }
    expect((await get('/sdk/1.2.1/chunks/old-x1.js')).status).toBe(404); // never another release's chunk
  });

  it('never replaces pinned bytes: other bytes under a stored version become <version>+<hash>', async () => {
    const releaseB = withBody('1.0.1', '\n// 1.0.1\n');
    const rebuilt = withBody('1.0.1', '\n// 1.0.1, rebuilt\n');
    await start(rebuilt);
    const doc = await releasesDoc();
    expect(doc.current).toMatch(/^1\.0\.1\+[0-9a-f]{12}$/);
    const original = await get('/sdk/1.0.1/cc-sdk.js');
    expect((await bytes(original)).equals(releaseB.files[0]!.body)).toBe(true);
    const again = await get(`/sdk/${doc.current}/cc-sdk.js`);
    expect((await bytes(again)).equals(rebuilt.files[0]!.body)).toBe(true);
    await start(rebuilt); // the same bytes again are the same release
    expect((await releasesDoc()).releases).toHaveLength(doc.releases.length);
  });

  it('answers 404 for a release or file it never served', async () => {
    for (const path of [
      '/sdk/9.9.9/cc-sdk.js',
      '/sdk/1.0.0/nope.js',
      '/sdk/v7/cc-sdk.js',
      '/sdk/cc-sdk.0123456789ab.js',
    ])
      expect([path, (await get(path)).status]).toEqual([path, 404]);
  });
});
