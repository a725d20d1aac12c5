import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/** Widget-side paths a merchant's page on another origin calls from the browser. */
export const isWidgetPath = (path: string) =>
  path.startsWith('/v1/public/') || path === '/v1/credit-applications' || path.startsWith('/v1/customer/');

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
    reply.header('request-id', req.id);
    const path = req.url.split('?', 1)[0]!;
    if (path.startsWith('/sdk/')) {
      reply.header('cross-origin-resource-policy', 'cross-origin').header('access-control-allow-origin', '*');
      return;
    }
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
}
