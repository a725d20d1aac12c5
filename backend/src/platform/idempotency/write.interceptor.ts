import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants.js';
import { Reflector } from '@nestjs/core';
import type { FastifyReply } from 'fastify';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { idempotencyScope } from '../http/auth/auth-context.js';
import { NO_TRANSACTION_KEY, OWN_TRANSACTIONS_KEY, type RequestWithAuth } from '../http/auth/decorators.js';
import { CommitThenThrow, Db } from '../database/db.js';
import { ReplayedError, toErrorResponse } from '../errors/error-response.js';
import { PLATFORM_ERRORS as E } from '../errors/codes.js';
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
    const own = this.reflector.get<boolean>(OWN_TRANSACTIONS_KEY, ctx.getHandler()) ?? false;
    const header = req.headers['idempotency-key'];
    if (req.method !== 'POST' || header === undefined)
      return own
        ? next.handle()
        : from(this.db.transaction(() => lastValueFrom(next.handle(), { defaultValue: undefined })));

    const key = Array.isArray(header) ? header[0]! : header;
    if (!key || key.length > 255)
      throw new ApiError(E.parameter_invalid, 'Idempotency-Key must be 1 to 255 characters.', 'Idempotency-Key');
    const auth = req.auth ?? { kind: 'anonymous' as const };
    const scope = idempotencyScope(auth, req.ip);
    const merchantId = 'merchantId' in auth ? auth.merchantId : null;
    const hashed = this.idempotency.requestHash(req.method, req.url.split('?', 1)[0]!, req.body);
    const hash = hashed.hash;
    const status = this.reflector.get<number>(HTTP_CODE_METADATA, ctx.getHandler()) ?? 201;
    const reply = ctx.switchToHttp().getResponse<FastifyReply>();
    if (own) {
      const work = () => lastValueFrom(next.handle(), { defaultValue: undefined });
      return from(
        this.ownTransactions({ scope, key, hash, hashed, merchantId, status, reply, requestId: req.id }, work),
      );
    }

    const run = async () => {
      try {
        return await this.db.transaction(async () => {
          const claim = await this.idempotency.claim(scope, key, hashed, merchantId);
          if (claim.state === 'mismatch') {
            throw new ApiError(E.idempotency_key_reused, undefined, 'Idempotency-Key');
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
        if (!(err instanceof ReplayedError) && !(err instanceof ApiError && err.is(E.idempotency_key_reused))) {
          const res = toErrorResponse(err, req.id);
          if (rememberable(res.status))
            await this.idempotency.rememberFailure(scope, key, hash, merchantId, res.status, res.body);
        }
        throw err;
      }
    };
    return from(run().then((r) => ('replayed' in r ? r.replayed : r.fresh)));
  }

  /**
   * A route with its own transactions: the key is claimed and committed first (a row with no
   * answer yet), the work runs under it, then its answer is stored. A retry that finds the key
   * without an answer (the first run is under way, or crashed) runs the work again: the work
   * finds what the first run recorded (a payment finds its attempt by the key derived from this
   * one). A transient answer (5xx, 429, a registry entry marked `transient` such as `payment_processing`) gives the claim back.
   */
  private async ownTransactions(
    c: {
      scope: string;
      key: string;
      hash: string;
      hashed: { hash: string; legacy?: () => string };
      merchantId: string | null;
      status: number;
      reply: FastifyReply;
      requestId: string;
    },
    work: () => Promise<unknown>,
  ): Promise<unknown> {
    // One autocommit statement (no BEGIN/COMMIT around it): the claim commits on its own either way.
    const claim = await this.idempotency.claim(c.scope, c.key, c.hashed, c.merchantId);
    if (claim.state === 'mismatch') {
      throw new ApiError(E.idempotency_key_reused, undefined, 'Idempotency-Key');
    }
    if (claim.state === 'replay' && claim.row.statusCode !== 0) {
      c.reply.header('idempotent-replayed', 'true');
      if (claim.row.statusCode >= 400) throw new ReplayedError(claim.row.statusCode, claim.row.responseBody as never);
      return claim.row.responseBody;
    }
    const early = { merchantId: c.merchantId, statusCode: c.status, answered: false };
    try {
      const body = await withIdempotencyKey(c.scope, c.key, c.hash, work, early);
      if (!early.answered) await this.idempotency.complete(c.merchantId, c.scope, c.key, c.status, body ?? null);
      return body;
    } catch (err) {
      const res = toErrorResponse(err, c.requestId);
      const transient = err instanceof ApiError && err.def.transient;
      if (rememberable(res.status) && !transient)
        await this.idempotency.complete(c.merchantId, c.scope, c.key, res.status, res.body);
      else await this.idempotency.release(c.merchantId, c.scope, c.key);
      throw err;
    }
  }
}
