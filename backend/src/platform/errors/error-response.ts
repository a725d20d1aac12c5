import { HttpException } from '@nestjs/common';
import { isDatabaseUnavailable } from './database-errors.js';
import { ApiError } from './errors.js';

export interface ErrorResponse {
  status: number;
  body: ReturnType<ApiError['toBody']>;
  /** True when the error is ours to fix (logged with its stack). */
  unexpected: boolean;
  headers?: Record<string, string>;
}

/** A stored error answer replayed for a repeated Idempotency-Key. */
export class ReplayedError extends Error {
  constructor(
    readonly status: number,
    readonly body: ReturnType<ApiError['toBody']>,
  ) {
    super('replayed');
  }
}

const FASTIFY_CODES: Record<string, [number, string, string]> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'unsupported_media_type', 'Send JSON with Content-Type: application/json.'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'payload_too_large', 'The request body is too large.'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'invalid_json', 'The body is empty but Content-Type is application/json.'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'invalid_json', 'The body is not valid JSON.'],
};

/** Maps any thrown value to the error envelope of api.md; unknown errors say nothing of their internals. */
export function toErrorResponse(err: unknown, requestId: string): ErrorResponse {
  if (err instanceof ReplayedError) return { status: err.status, body: err.body, unexpected: false };
  if (err instanceof ApiError)
    return {
      status: err.status,
      body: err.toBody(),
      unexpected: false,
      ...(err.headers ? { headers: err.headers } : {}),
    };
  if (isDatabaseUnavailable(err)) {
    const e = new ApiError(503, 'database_unavailable', 'The database cannot be reached right now; retry shortly.');
    return { status: 503, body: e.toBody(), unexpected: false, headers: { 'retry-after': '5' } };
  }
  // Nest wraps Fastify's body-parser errors in an HttpException whose cause carries the code.
  const code = (err as { code?: string })?.code ?? (err as { cause?: { code?: string } })?.cause?.code;
  const fastify = code ? FASTIFY_CODES[code] : undefined;
  if (fastify || (err as Error)?.name === 'SyntaxError') {
    const [status, c, message] = fastify ?? FASTIFY_CODES.FST_ERR_CTP_INVALID_JSON_BODY!;
    return { status, body: new ApiError(status, c, message).toBody(), unexpected: false };
  }
  if (err instanceof HttpException && err.getStatus() < 500) {
    const status = err.getStatus();
    const c = status === 404 ? 'route_not_found' : status === 405 ? 'method_not_allowed' : 'invalid_request';
    return {
      status,
      body: new ApiError(status, c, status === 404 ? 'No such route.' : err.message).toBody(),
      unexpected: false,
    };
  }
  const statusCode = (err as { statusCode?: number })?.statusCode;
  if (statusCode && statusCode >= 400 && statusCode < 500) {
    return {
      status: statusCode,
      body: new ApiError(statusCode, 'invalid_request', 'The request could not be read.').toBody(),
      unexpected: false,
    };
  }
  const e = new ApiError(
    500,
    'internal_error',
    `Something went wrong on our side. Quote request id ${requestId} if you contact support.`,
  );
  return { status: 500, body: e.toBody(), unexpected: true };
}
