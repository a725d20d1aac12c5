import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const SDK_DIST = join(ROOT, 'sdk', 'dist');
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

/** A file and the compressed copies the SDK build wrote next to it. */
function encodedBodies(file: string): Encoded {
  const copy = (ext: string) => (existsSync(`${file}${ext}`) ? readFileSync(`${file}${ext}`) : undefined);
  const br = copy('.br');
  const gzip = copy('.gz');
  return { identity: readFileSync(file), ...(br ? { br } : {}), ...(gzip ? { gzip } : {}) };
}

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

/**
 * `/sdk/*` (the built SDK: `cc-sdk.js` cached briefly, its hashed alias for a year) and the
 * demo site at `/`, whose pages get the demo merchant's publishable key (read at request time:
 * the demo merchant is seeded after the app is built) and the SDK's URL filled in. Without
 * `demoSite` (production) there is no demo site.
 */
export async function registerStaticSites(
  fastify: FastifyInstance,
  demo: { publishableKey: string },
  demoSite = true,
): Promise<void> {
  const bundle = sdkBundle();
  if (existsSync(SDK_DIST)) {
    await fastify.register(fastifyStatic, {
      root: SDK_DIST,
      prefix: '/sdk/',
      // The build's .br / .gz copies (sdk/scripts/precompress.mjs), by the browser's Accept-Encoding.
      preCompressed: true,
      decorateReply: false,
      cacheControl: false,
      setHeaders: (res) =>
        void (res as unknown as { header(k: string, v: string): void }).header(
          'cache-control',
          'public, max-age=300, stale-while-revalidate=86400',
        ),
    });
    if (bundle) {
      const bodies = encodedBodies(join(SDK_DIST, 'cc-sdk.js'));
      fastify.get(bundle.hashedPath, (req, reply) => {
        const { encoding, body } = pickEncoding(bodies, req.headers['accept-encoding']);
        if (encoding) reply.header('content-encoding', encoding);
        return reply
          .header('vary', 'accept-encoding')
          .header('cache-control', 'public, max-age=31536000, immutable')
          .type('text/javascript; charset=utf-8')
          .send(body);
      });
    }
    fastify.get('/sdk/manifest.json', (_req, reply) =>
      reply.header('cache-control', 'no-cache').send({ script: '/sdk/cc-sdk.js', ...bundle }),
    );
  }
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
