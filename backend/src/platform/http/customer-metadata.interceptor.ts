import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { map, type Observable } from 'rxjs';
import { ApiError } from '../errors/errors.js';

const CUSTOMER_ROUTES = '/v1/customer/';

/**
 * `metadata` is the merchant's (their own ids and notes), never the customer's: answers under
 * `/v1/customer/*` leave it out wherever it sits (wallet, invoices, payment requests…), and
 * their lists take no metadata filter (it would let a customer probe the merchant's keys).
 */
@Injectable()
export class CustomerMetadataInterceptor implements NestInterceptor {
  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = ctx.switchToHttp().getRequest<FastifyRequest>();
    if (!req.url.startsWith(CUSTOMER_ROUTES)) return next.handle();
    const query = req.query as Record<string, unknown> | undefined;
    if (query && 'metadata' in query) throw new ApiError(422, 'unknown_field', "Unknown field 'metadata'.", 'metadata');
    return next.handle().pipe(map(withoutMetadata));
  }
}

/** A copy of an answer without any `metadata` field, at any depth. */
export function withoutMetadata(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutMetadata);
  if (typeof value !== 'object' || value === null || value instanceof Date) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([k]) => k !== 'metadata')
      .map(([k, v]) => [k, withoutMetadata(v)]),
  );
}
