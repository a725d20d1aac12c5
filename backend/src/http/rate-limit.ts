import { createHash } from 'node:crypto';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppConfig } from '../config/app-config.js';
import { ApiError } from '../common/errors.js';

/** Not limited: probes, docs, the SDK and demo files, and the cached public config. */
const UNLIMITED = /^\/(?:health|ready|metrics|docs|openapi\.(?:json|yaml)|sdk\/|assets\/|dev\/|v1\/public\/config)/;

const credential = (req: FastifyRequest) => req.headers.authorization;

/**
 * Rate limits before any database work, keyed by what the request carries: with a bearer
 * credential, per credential per second (CC_RATE_LIMIT_PER_SECOND); without one (sign-up,
 * login, link exchange, publishable-key calls), per client IP per minute
 * (CC_RATE_LIMIT_ANONYMOUS_PER_MINUTE). Past the limit: `429 rate_limited` with Retry-After.
 * Counters are per instance (in memory); behind N instances the effective limit is N×.
 */
export async function registerRateLimits(fastify: FastifyInstance, config: AppConfig): Promise<void> {
  await fastify.register(rateLimit, {
    global: true,
    hook: 'onRequest',
    allowList: (req) => req.method === 'OPTIONS' || UNLIMITED.test(req.url) || !req.url.startsWith('/v1/'),
    keyGenerator: (req) => {
      const auth = credential(req);
      return auth ? `cred:${createHash('sha256').update(auth).digest('base64url')}` : `ip:${req.ip}`;
    },
    max: (req) => (credential(req) ? config.CC_RATE_LIMIT_PER_SECOND : config.CC_RATE_LIMIT_ANONYMOUS_PER_MINUTE),
    timeWindow: (req: FastifyRequest) => (credential(req) ? 1_000 : 60_000),
    addHeadersOnExceeding: { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': false, 'x-ratelimit-reset': false },
    errorResponseBuilder: (_req, ctx) => {
      const err = new ApiError(429, 'rate_limited', `Too many requests; retry in ${Math.ceil(ctx.ttl / 1000)} s.`);
      return Object.assign(err, { statusCode: 429 });
    },
  } as Parameters<typeof rateLimit>[1]);
}
