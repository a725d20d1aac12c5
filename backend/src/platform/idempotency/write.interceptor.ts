import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants.js';
import { Reflector } from '@nestjs/core';
import type { FastifyReply } from 'fastify';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { idempotencyScope } from '../http/auth/auth-context.js';
import { NO_TRANSACTION_KEY, type RequestWithAuth } from '../http/auth/decorators.js';
import { CommitThenThrow, Db } from '../database/db.js';
import { ReplayedError, toErrorResponse } from '../errors/error-response.js';
import { ApiError } from '../errors/errors.js';
import { IdempotencyService, withIdempotencyKey } from './idempotency.service.js';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Answers worth remembering for a replay: the client's own mistakes, not overload or our outages. */
const rememberable = (status: number) => status >= 400 && status < 500 && status !== 429;

/**
 * Every write runs in ONE transaction. On POST, an `Idempotency-Key` is claimed in that same
 * transaction and the answer stored with the work, so a replay can never run the work twice.
 */
@Injectable()
export class WriteInterceptor implements NestInterceptor {
  constructor(
    private readonly db: Db,
    private readonly idempotency: IdempotencyService,
    private readonly reflector: Reflector,
  ) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = ctx.switchToHttp().getRequest<RequestWithAuth>();
    if (!WRITES.has(req.method) || this.reflector.get<boolean>(NO_TRANSACTION_KEY, ctx.getHandler()))
      return next.handle();
    const header = req.headers['idempotency-key'];
    if (req.method !== 'POST' || header === undefined)
      return from(this.db.transaction(() => lastValueFrom(next.handle(), { defaultValue: undefined })));

    const key = Array.isArray(header) ? header[0]! : header;
    if (!key || key.length > 255)
      throw new ApiError(400, 'parameter_invalid', 'Idempotency-Key must be 1 to 255 characters.', 'Idempotency-Key');
    const auth = req.auth ?? { kind: 'anonymous' as const };
    const scope = idempotencyScope(auth, req.ip);
    const merchantId = 'merchantId' in auth ? auth.merchantId : null;
    const hashed = this.idempotency.requestHash(req.method, req.url.split('?', 1)[0]!, req.body);
    const hash = hashed.hash;
    const status = this.reflector.get<number>(HTTP_CODE_METADATA, ctx.getHandler()) ?? 201;
    const reply = ctx.switchToHttp().getResponse<FastifyReply>();

    const run = async () => {
      try {
        return await this.db.transaction(async () => {
          const claim = await this.idempotency.claim(scope, key, hashed, merchantId);
          if (claim.state === 'mismatch') {
            throw new ApiError(
              409,
              'idempotency_key_reused',
              'This Idempotency-Key was used with another request; use a new key for a new request.',
              'Idempotency-Key',
            );
          }
          if (claim.state === 'replay') {
            reply.header('idempotent-replayed', 'true');
            if (claim.row.statusCode >= 400)
              throw new ReplayedError(claim.row.statusCode, claim.row.responseBody as never);
            return { replayed: claim.row.responseBody };
          }
          let body: unknown;
          try {
            body = await withIdempotencyKey(scope, key, hash, () =>
              lastValueFrom(next.handle(), { defaultValue: undefined }),
            );
          } catch (err) {
            if (err instanceof CommitThenThrow) {
              const res = toErrorResponse(err.error, req.id);
              await this.idempotency.complete(merchantId, scope, key, res.status, res.body);
            }
            throw err;
          }
          await this.idempotency.complete(merchantId, scope, key, status, body ?? null);
          return { fresh: body };
        });
      } catch (err) {
        if (!(err instanceof ReplayedError) && !(err instanceof ApiError && err.code === 'idempotency_key_reused')) {
          const res = toErrorResponse(err, req.id);
          if (rememberable(res.status))
            await this.idempotency.rememberFailure(scope, key, hash, merchantId, res.status, res.body);
        }
        throw err;
      }
    };
    return from(run().then((r) => ('replayed' in r ? r.replayed : r.fresh)));
  }
}
