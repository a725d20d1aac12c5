import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { DataSource } from 'typeorm';
import { PLATFORM_ERRORS } from '../errors/codes.js';
import { ApiError } from '../errors/errors.js';
import { readSdkBuild, registerRelease, SdkReleases, type SdkBuild, type StoredFile } from './sdk-releases.js';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
export const SDK_DIST = join(ROOT, 'sdk', 'elements', 'dist');
/** Its package.json: the release's version. */
export const SDK_PACKAGE_JSON = join(ROOT, 'sdk', 'elements', 'package.json');
/** The merchant console's bundle (`@customerconnect/console`), served beside the SDK at `/sdk/cc-console.js`. */
export const CONSOLE_DIST = join(ROOT, 'sdk', 'console', 'dist');
export const DEMO_DIR = join(ROOT, 'demo', 'public');
/** The hosted pages of the product itself: the wallet for merchants without a walletUrl, and the dashboard. */
export const HOSTED_DIR = join(ROOT, 'backend', 'public');

export interface SdkBundle {
  /** `/sdk/cc-sdk.<hash>.js` */
  hashedPath: string;
  /** Subresource Integrity value (`sha384-…`). */
  integrity: string;
}

/** Reads the built single-file SDK once and names its content-hashed alias. */
export function sdkBundle(): SdkBundle | null {
  const file = join(SDK_DIST, 'cc-sdk.js');
  if (!existsSync(file)) return null;
  const body = readFileSync(file);
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  return {
    hashedPath: `/sdk/cc-sdk.${hash}.js`,
    integrity: `sha384-${createHash('sha384').update(body).digest('base64')}`,
  };
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8' };

type Encoded = { identity: Buffer; br?: Buffer; gzip?: Buffer };

/** Brotli, else gzip, when the client accepts it (and did not refuse it with q=0). */
export function pickEncoding(
  bodies: Encoded,
  acceptEncoding: string | string[] | undefined,
): { encoding?: 'br' | 'gzip'; body: Buffer } {
  const accepted = new Set(
    String(acceptEncoding ?? '')
      .split(',')
      .map((part) => part.trim().split(';'))
      .filter(([, q]) => !q || !/^\s*q=0(?:\.0*)?\s*$/.test(q))
      .map(([name]) => name!.trim().toLowerCase()),
  );
  if (bodies.br && accepted.has('br')) return { encoding: 'br', body: bodies.br };
  if (bodies.gzip && accepted.has('gzip')) return { encoding: 'gzip', body: bodies.gzip };
  return { body: bodies.identity };
}

/** What the static sites need besides the files: where releases are kept, and this build. */
export interface StaticSitesOptions {
  demo: { publishableKey: string };
  dataSource: DataSource;
  publicUrl: string;
  /** The SDK build this instance serves as its release (default: the one in sdk/elements/dist). */
  sdkBuild?: SdkBuild | null;
  /** Serve the demo merchant's site at `/` (off in production). */
  demoSite?: boolean;
}

const IMMUTABLE = 'public, max-age=31536000, immutable';
const SHORT = 'public, max-age=300, stale-while-revalidate=86400';

function sendStored(req: FastifyRequest, reply: FastifyReply, file: StoredFile, cache: string) {
  const { encoding, body } = pickEncoding(file, req.headers['accept-encoding']);
  if (encoding) reply.header('content-encoding', encoding);
  return reply.header('vary', 'accept-encoding').header('cache-control', cache).type(file.contentType).send(body);
}

/**
 * `/sdk/*` (the built SDK: `cc-sdk.js` cached briefly, every stored release under its version
 * for a year, the evergreen `/sdk/v1/…`, `releases.json`, the old hashed aliases) and the demo
 * site at `/`, whose pages get the demo merchant's publishable key (read at request time: the
 * demo merchant is seeded after the app is built) and the SDK's URL filled in. Without
 * `demoSite` (production) there is no demo site.
 */
export async function registerStaticSites(fastify: FastifyInstance, options: StaticSitesOptions): Promise<void> {
  const { demo, demoSite = true } = options;
  const bundle = sdkBundle();
  const build = options.sdkBuild === undefined ? readSdkBuild(SDK_DIST, SDK_PACKAGE_JSON) : options.sdkBuild;
  const current = build ? await registerRelease(options.dataSource, build) : null;
  const releases = new SdkReleases(options.dataSource, current, options.publicUrl);
  if (existsSync(SDK_DIST)) {
    await fastify.register(fastifyStatic, {
      root: existsSync(CONSOLE_DIST) ? [SDK_DIST, CONSOLE_DIST] : SDK_DIST,
      prefix: '/sdk/',
      // The builds' .br / .gz copies (sdk/elements/scripts/precompress.mjs), by the browser's Accept-Encoding.
      preCompressed: true,
      decorateReply: false,
      cacheControl: false,
      setHeaders: (res) =>
        void (res as unknown as { header(k: string, v: string): void }).header('cache-control', SHORT),
    });
  }
  const notFound = (reply: FastifyReply) =>
    reply.status(404).send(new ApiError(PLATFORM_ERRORS.resource_missing, 'No such SDK file.').toBody());
  // Stored releases: a version starts with a digit (the npm files' folders do not).
  fastify.get<{ Params: { version: string; '*': string } }>('/sdk/:version(^\\d[\\w.+-]*$)/*', async (req, reply) => {
    const file = await releases.file(req.params.version, req.params['*']);
    return file ? sendStored(req, reply, file, IMMUTABLE) : notFound(reply);
  });
  /** A file of `version`, else (a chunk) of the stored release that has it: a page that loaded an unversioned entry just before an upgrade still gets the chunks it names. */
  const fileOrOlderChunk = async (version: string | null, name: string) => {
    const file = version ? await releases.file(version, name) : null;
    const older = file ? null : await releases.releaseWithChunk(name);
    return older ? releases.file(older, name) : file;
  };
  fastify.get<{ Params: { major: string; '*': string } }>('/sdk/v:major(^\\d+$)/*', async (req, reply) => {
    const file = await fileOrOlderChunk(await releases.evergreen(Number(req.params.major)), req.params['*']);
    return file ? sendStored(req, reply, file, SHORT) : notFound(reply);
  });
  // The chunks of the unversioned /sdk/cc-sdk.js: this release's, or an older one's (see above).
  fastify.get<{ Params: { '*': string } }>('/sdk/chunks/*', async (req, reply) => {
    const file = await fileOrOlderChunk(current, `chunks/${req.params['*']}`);
    return file ? sendStored(req, reply, file, IMMUTABLE) : notFound(reply);
  });
  // The content-hashed alias of pages pasted before versioned URLs: every stored release keeps it.
  // The chunks it imports (relative to its URL: /sdk/chunks/…) are answered by the route above
  // with that release's bytes: chunk names are content hashes, so no other version's can match.
  fastify.get<{ Params: { hash: string } }>('/sdk/cc-sdk.:hash(^[0-9a-f]{12}$).js', async (req, reply) => {
    const version = await releases.byLegacyHash(req.params.hash);
    const file = version ? await releases.file(version, 'cc-sdk.js') : null;
    return file ? sendStored(req, reply, file, IMMUTABLE) : notFound(reply);
  });
  fastify.get('/sdk/releases.json', async (_req, reply) =>
    reply.header('cache-control', 'public, max-age=300').send(await releases.document()),
  );
  // What the console's embed page offers: the evergreen URL, and this release pinned (with `integrity`).
  fastify.get('/sdk/manifest.json', (_req, reply) =>
    reply.header('cache-control', 'no-cache').send({
      script: '/sdk/cc-sdk.js',
      ...bundle,
      ...(current ? { version: current, evergreen: '/sdk/v1/cc-sdk.js', pinned: `/sdk/${current}/cc-sdk.js` } : {}),
    }),
  );
  registerHostedPages(fastify, bundle);
  if (!demoSite || !existsSync(DEMO_DIR)) return;
  const fill = (html: string) =>
    html
      .replaceAll('__CC_PUBLISHABLE_KEY__', demo.publishableKey)
      .replaceAll('__CC_SDK_SRC__', bundle?.hashedPath ?? '/sdk/cc-sdk.js');
  const pages = new Map<string, string>();
  for (const name of readdirSync(DEMO_DIR)) {
    if (extname(name) === '.html')
      pages.set(name, withPartials(readFileSync(join(DEMO_DIR, name), 'utf8'), join(DEMO_DIR, 'partials')));
  }
  for (const [name, html] of pages) {
    const paths = name === 'index.html' ? ['/', '/index.html'] : [`/${name}`, `/${name.replace(/\.html$/, '')}`];
    for (const p of paths)
      fastify.get(p, (_req, reply) => reply.type(TYPES['.html']!).header('cache-control', 'no-cache').send(fill(html)));
  }
  const assets = join(DEMO_DIR, 'assets');
  if (existsSync(assets))
    await fastify.register(fastifyStatic, { root: assets, prefix: '/assets/', decorateReply: false, index: false });
}

/**
 * Server-side includes for static pages: `<!--#include header -->` is replaced by
 * `partials/header.html`, so the pages share one header and footer without a build step.
 */
export function withPartials(html: string, dir: string): string {
  return html.replace(/<!--#include ([a-z0-9-]+) -->/g, (_m, name: string) => {
    const file = join(dir, `${name}.html`);
    return existsSync(file) ? readFileSync(file, 'utf8').trimEnd() : `<!-- missing partial ${name} -->`;
  });
}

/**
 * `/wallet` (the hosted wallet: `<cc-wallet>` exchanges the link's cc_token; no referrer leaves
 * the page, so the token never reaches another site) and `/dashboard` (the merchant console).
 */
function registerHostedPages(fastify: FastifyInstance, bundle: SdkBundle | null): void {
  const page = (name: string) =>
    readFileSync(join(HOSTED_DIR, name), 'utf8').replaceAll('__CC_SDK_SRC__', bundle?.hashedPath ?? '/sdk/cc-sdk.js');
  const send =
    (html: string) =>
    (
      _req: unknown,
      reply: { header(k: string, v: string): unknown; type(t: string): unknown; send(b: string): unknown },
    ) => {
      reply.header('referrer-policy', 'no-referrer');
      reply.header('cache-control', 'no-store');
      reply.type('text/html; charset=utf-8');
      return reply.send(html);
    };
  const wallet = page('wallet.html');
  const dashboard = page('dashboard.html');
  fastify.get('/wallet', send(wallet));
  fastify.get('/dashboard', send(dashboard));
  fastify.get('/dashboard/*', send(dashboard));
  fastify.get('/hosted/hosted.css', (_req, reply) =>
    reply
      .type('text/css')
      .header('cache-control', 'public, max-age=300')
      .send(readFileSync(join(HOSTED_DIR, 'hosted.css'))),
  );
}
