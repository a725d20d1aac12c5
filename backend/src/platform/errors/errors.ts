export type ErrorType =
  | 'invalid_request'
  | 'authentication'
  | 'permission'
  | 'not_found'
  | 'conflict'
  | 'rate_limited'
  | 'api_error'
  | 'payment_error';

const STATUS_TYPE: Record<number, ErrorType> = {
  400: 'invalid_request',
  401: 'authentication',
  402: 'payment_error',
  403: 'permission',
  404: 'not_found',
  405: 'invalid_request',
  409: 'conflict',
  413: 'invalid_request',
  415: 'invalid_request',
  422: 'invalid_request',
  429: 'rate_limited',
  500: 'api_error',
  503: 'api_error',
};

/**
 * A domain error with a stable `code` clients branch on (never on `message`).
 * The global filter turns it into `{ error: { type, code, message, param? } }`.
 */
export class ApiError extends Error {
  readonly type: ErrorType;
  /** Response headers that go with the error (e.g. `retry-after` on a 429). */
  headers?: Record<string, string>;
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly param?: string,
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
    this.type = STATUS_TYPE[status] ?? 'api_error';
  }

  toBody() {
    return {
      error: {
        type: this.type,
        code: this.code,
        message: this.message,
        ...(this.param ? { param: this.param } : {}),
        ...this.extra,
      },
    };
  }
}

export const invalidParam = (param: string, message: string, code = 'parameter_invalid') =>
  new ApiError(422, code, message, param);
export const missingParam = (param: string) => new ApiError(422, 'parameter_missing', `${param} is required.`, param);
export const notFound = (what: string, id?: string) =>
  new ApiError(404, 'resource_missing', id ? `No ${what} with id '${id}'.` : `No such ${what}.`, id ? 'id' : undefined);
export const conflict = (code: string, message: string, param?: string) => new ApiError(409, code, message, param);
export const forbidden = (code: string, message: string) => new ApiError(403, code, message);
export const unauthenticated = (code: string, message: string) => new ApiError(401, code, message);
