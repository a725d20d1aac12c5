import { createHash } from 'node:crypto';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppConfig } from '../../config/app-config.js';
import { PLATFORM_ERRORS } from '../errors/codes.js';
import { ApiError } from '../errors/errors.js';
import { isAnonymousRoute } from './auth/decorators.js';

/** Not limited: probes, docs, the SDK and demo files, and the cached public config (matched route paths). */
const UNLIMITED = /^\/(?:health|ready|metrics|docs|openapi\.(?:json|yaml)|sdk\/|assets\/|dev\/|v1\/public\/config)/;

/** The route that matched (its declared path, e.g. `/v1/contacts/:id`), whatever the raw URL's spelling. */
const routeOf = (req: FastifyRequest): string | undefined => req.routeOptions?.url;

/**
 * The credential that buys a per-credential bucket: only on routes that take one. On an
 * anonymous route (sign-up, login, link exchange, publishable-key calls) a sent
 * `Authorization` is ignored, so one's own `sk_` (or a made-up one) never buys a fresh bucket.
 */
const credential = (req: FastifyRequest): string | undefined =>
  isAnonymousRoute(req.routeOptions?.config) ? undefined : req.headers.authorization;

/** The bucket's key: a SHA-256 of the credential (never the credential itself), or the client address. */
const keyOf = (req: FastifyRequest): string => {
  const auth = credential(req);
  return auth ? `cred:${createHash('sha256').update(auth).digest('base64url')}` : `ip:${req.ip}`;
};
/** The key's kind decides its limit and window, so they are read from the key already made, not recomputed. */
const isCredentialKey = (key: string): boolean => key.startsWith('cred:');

/**
 * Rate limits before any database work, decided on the route that matched (so `/%761/auth/login`
 * is counted as `/v1/auth/login`): on a route that takes a credential and with one sent, per
 * credential per second (CC_RATE_LIMIT_PER_SECOND); otherwise per client address per minute
 * (CC_RATE_LIMIT_ANONYMOUS_PER_MINUTE). The client address is the socket's, or the forwarded
 * one only through the proxies CC_TRUST_PROXY names (Fastify's `trustProxy`). Unmatched paths
 * (404) count as anonymous. Past the limit: `429 rate_limited` with Retry-After.
 * Counters are per instance (in memory); behind N instances the effective limit is N×. Failed
 * logins are also limited per account, in the database (see LoginThrottle).
 */
export async function registerRateLimits(fastify: FastifyInstance, config: AppConfig): Promise<void> {
  await fastify.register(rateLimit, {
    global: true,
    hook: 'onRequest',
    allowList: (req) => {
      const route = routeOf(req);
      return req.method === 'OPTIONS' || (route !== undefined && UNLIMITED.test(route));
    },
    keyGenerator: keyOf,
    max: (_req: FastifyRequest, key: string) =>
      isCredentialKey(key) ? config.CC_RATE_LIMIT_PER_SECOND : config.CC_RATE_LIMIT_ANONYMOUS_PER_MINUTE,
    timeWindow: (_req: FastifyRequest, key: string) => (isCredentialKey(key) ? 1_000 : 60_000),
    addHeadersOnExceeding: { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': false, 'x-ratelimit-reset': false },
    errorResponseBuilder: (_req, ctx) => {
      const err = new ApiError(
        PLATFORM_ERRORS.rate_limited,
        `Too many requests; retry in ${Math.ceil(ctx.ttl / 1000)} s.`,
      );
      return Object.assign(err, { statusCode: 429 });
    },
  } as Parameters<typeof rateLimit>[1]);
}
