import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/** Widget-side paths a merchant's page on another origin calls from the browser. */
export const isWidgetPath = (path: string) =>
  path.startsWith('/v1/public/') || path === '/v1/credit-applications' || path.startsWith('/v1/customer/');

/**
 * The only headers a `/sdk/*` answer (a script, or a release's JSON) carries: what the browser
 * needs to decode, cache and run it on another site. The page headers (CSP, frame options, COOP,
 * referrer policy, HSTS, …) govern documents and the API, not a script, and each script of a
 * merchant's page would otherwise pay about 1 KB for them (the size budget is over the wire).
 */
const SDK_HEADERS = new Set([
  'content-type',
  'content-encoding',
  'content-length',
  'cache-control',
  'etag',
  'vary',
  'access-control-allow-origin',
  'cross-origin-resource-policy',
  'x-content-type-options',
  'location',
  'retry-after',
]);

const isSdkPath = (url: string) => url.startsWith('/sdk/');

const ALLOW_HEADERS = 'Authorization, Content-Type, CC-Publishable-Key, Idempotency-Key';
const EXPOSE_HEADERS = 'Request-Id, Idempotent-Replayed, Retry-After';

/**
 * Security headers (helmet) and CORS. CORS opens only the widget paths: `/v1/customer/*`
 * (bearer tokens, no cookies) to any origin; publishable-key calls are then held to the
 * merchant's allowedOrigins by the auth guard. `/sdk/*` is loadable by every site.
 */
export async function registerSecurity(fastify: FastifyInstance): Promise<void> {
  await fastify.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'self'"],
      },
    },
    crossOriginResourcePolicy: { policy: 'same-site' },
  });

  fastify.addHook('onRequest', async (req, reply) => {
    const path = req.url.split('?', 1)[0]!;
    if (isSdkPath(path)) {
      reply.header('cross-origin-resource-policy', 'cross-origin').header('access-control-allow-origin', '*');
      return;
    }
    reply.header('request-id', req.id);
    const origin = req.headers.origin;
    if (!origin || !isWidgetPath(path)) return;
    reply
      .header('access-control-allow-origin', path.startsWith('/v1/customer/') ? '*' : origin)
      .header('vary', 'Origin')
      .header('access-control-expose-headers', EXPOSE_HEADERS)
      .header('cross-origin-resource-policy', 'cross-origin');
    if (req.method === 'OPTIONS') {
      await reply
        .header('access-control-allow-methods', 'GET, POST, DELETE, OPTIONS')
        .header('access-control-allow-headers', ALLOW_HEADERS)
        .header('access-control-max-age', '600')
        .status(204)
        .send();
    }
  });

  // Last, once every hook and the static files' plugin have set theirs: keep only the script's.
  fastify.addHook('onSend', async (req, reply, payload) => {
    if (!isSdkPath(req.url)) return payload;
    for (const name of Object.keys(reply.getHeaders())) if (!SDK_HEADERS.has(name)) reply.removeHeader(name);
    // An explicit `connection` keeps Node from adding `Keep-Alive: timeout=…` to every script.
    if (req.raw.httpVersion === '1.1' && !/close/i.test(String(req.headers.connection ?? '')))
      reply.header('connection', 'keep-alive');
    return payload;
  });
}
