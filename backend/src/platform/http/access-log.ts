import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { pino, type DestinationStream } from 'pino';

/** An incoming `X-Request-Id` worth keeping: what a load balancer or caller would send (no spaces, no quotes). */
const INCOMING_ID = /^[A-Za-z0-9._:@/+=-]{1,128}$/;

/**
 * The request's id: the caller's `X-Request-Id` when it sent a sensible one (so one id follows a
 * request through the load balancer, the API and the caller's own logs), else a fresh `req_…`.
 */
export function requestId(req: IncomingMessage): string {
  const incoming = req.headers['x-request-id'];
  const id = Array.isArray(incoming) ? incoming[0] : incoming;
  return id && INCOMING_ID.test(id) ? id : `req_${randomBytes(12).toString('base64url')}`;
}

/**
 * One JSON line per answered request through pino: request id, method, route pattern, path,
 * status, duration. Neither headers nor bodies are logged (so no credential, cookie, password or
 * card number can be); the redaction below is the second line of defence should a field be added.
 */
export function registerAccessLog(fastify: FastifyInstance, destination: DestinationStream, level = 'info'): void {
  const log = pino(
    {
      level,
      base: undefined,
      messageKey: 'msg',
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: {
        paths: ['authorization', 'cookie', 'headers.authorization', 'headers.cookie', 'body', 'password', 'card'],
        censor: '[redacted]',
      },
    },
    destination,
  );
  fastify.addHook('onResponse', async (req, reply) => {
    log.info(
      {
        requestId: req.id,
        method: req.method,
        route: req.routeOptions.url ?? null,
        path: req.url.split('?', 1)[0],
        status: reply.statusCode,
        durationMs: Math.round(reply.elapsedTime * 100) / 100,
      },
      'request',
    );
  });
}
