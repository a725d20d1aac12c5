import { HttpException } from '@nestjs/common';
import { isDatabaseUnavailable } from './database-errors.js';
import { PLATFORM_ERRORS as E } from './codes.js';
import { ApiError } from './errors.js';
import type { ErrorDef } from './registry.js';

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

const FASTIFY_CODES: Record<string, [ErrorDef, string]> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [E.unsupported_media_type, 'Send JSON with Content-Type: application/json.'],
  FST_ERR_CTP_BODY_TOO_LARGE: [E.payload_too_large, 'The request body is too large.'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [E.invalid_json, 'The body is empty but Content-Type is application/json.'],
  FST_ERR_CTP_INVALID_JSON_BODY: [E.invalid_json, 'The body is not valid JSON.'],
};

/** The entry for a framework error's 4xx status (the framework's own words are kept as the message). */
const BY_STATUS: Partial<Record<number, ErrorDef>> = {
  404: E.route_not_found,
  413: E.payload_too_large,
  415: E.unsupported_media_type,
  429: E.rate_limited,
};

const answer = (e: ApiError): ErrorResponse => ({ status: e.status, body: e.toBody(), unexpected: false });

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
    const e = new ApiError(E.database_unavailable);
    return { status: 503, body: e.toBody(), unexpected: false, headers: { 'retry-after': '5' } };
  }
  // Nest wraps Fastify's body-parser errors in an HttpException whose cause carries the code.
  const code = (err as { code?: string })?.code ?? (err as { cause?: { code?: string } })?.cause?.code;
  const fastify = code ? FASTIFY_CODES[code] : undefined;
  if (fastify || (err as Error)?.name === 'SyntaxError') {
    const [def, message] = fastify ?? FASTIFY_CODES.FST_ERR_CTP_INVALID_JSON_BODY!;
    return answer(new ApiError(def, message));
  }
  if (err instanceof HttpException && err.getStatus() < 500) {
    const def = BY_STATUS[err.getStatus()] ?? E.invalid_request;
    return answer(new ApiError(def, def === E.route_not_found ? 'No such route.' : err.message));
  }
  const statusCode = (err as { statusCode?: number })?.statusCode;
  if (statusCode && statusCode >= 400 && statusCode < 500)
    return answer(new ApiError(BY_STATUS[statusCode] ?? E.invalid_request, 'The request could not be read.'));
  const e = new ApiError(
    E.internal_error,
    `Something went wrong on our side. Quote request id ${requestId} if you contact support.`,
  );
  return { status: 500, body: e.toBody(), unexpected: true };
}
