/** The body of an API error: `{ error: { type, code, message, param? } }`, plus any extra fields (`paymentId`). */
export interface ApiErrorBody {
  type: string;
  code: string;
  message: string;
  param?: string;
  [field: string]: unknown;
}

/**
 * An error from the CustomerConnect API, or from reaching it. Branch on `code`, never on
 * `message`. `status` is 0 when no HTTP answer arrived (`network_error`) or no request
 * could be made (`publishable_key_missing`).
 */
export class CcApiError extends Error {
  override readonly name = 'CcApiError';
  readonly status: number;
  readonly type: string;
  readonly code: string;
  /** The request field the error is about, as a path (`business.address.city`). */
  readonly param?: string;
  /** The whole error object, for codes that carry more (`paymentId` with `payment_error`). */
  readonly body: ApiErrorBody;

  constructor(status: number, body: ApiErrorBody, options?: ErrorOptions) {
    super(body.message, options);
    this.status = status;
    this.body = body;
    this.type = body.type;
    this.code = body.code;
    if (body.param !== undefined) this.param = body.param;
  }

  /** Reads the error envelope of a failed response; a body that is not one still gives a typed error. */
  static async fromResponse(response: Response): Promise<CcApiError> {
    const envelope: unknown = await response.json().catch(() => undefined);
    const error = (envelope as { error?: unknown } | undefined)?.error;
    if (isErrorBody(error)) return new CcApiError(response.status, error);
    return new CcApiError(response.status, {
      type: 'api_error',
      code: 'unexpected_response',
      message: `The server answered ${response.status} without an error body.`,
    });
  }

  static network(cause: unknown): CcApiError {
    return new CcApiError(
      0,
      { type: 'api_error', code: 'network_error', message: 'The CustomerConnect API could not be reached.' },
      { cause },
    );
  }
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  const body = value as Partial<ApiErrorBody> | null | undefined;
  return typeof body?.type === 'string' && typeof body.code === 'string' && typeof body.message === 'string';
}
