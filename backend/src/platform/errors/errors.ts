import { PLATFORM_ERRORS } from './codes.js';
import type { ErrorDef, ErrorStatus, ErrorType } from './registry.js';

export type { ErrorDef, ErrorType } from './registry.js';

/**
 * A domain error with a stable `code` clients branch on (never on `message`), made from a registry
 * entry ({@link ErrorDef}): its code, status and type come from there, never from the throw site.
 * The global filter turns it into `{ error: { type, code, message, param? } }`.
 */
export class ApiError extends Error {
  readonly status: ErrorStatus;
  readonly code: string;
  readonly type: ErrorType;
  /** Response headers that go with the error (e.g. `retry-after` on a 429). */
  headers?: Record<string, string>;
  constructor(
    readonly def: ErrorDef,
    message: string = def.message,
    readonly param?: string,
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
    this.status = def.status;
    this.code = def.code;
    this.type = def.type;
  }

  /** True when this error is that registry entry. */
  is(def: ErrorDef): boolean {
    return this.def === def;
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

/** `422 parameter_invalid` (or another 422 entry) naming the field at fault. */
export const invalidParam = (param: string, message: string, def: ErrorDef = PLATFORM_ERRORS.parameter_invalid) =>
  new ApiError(def, message, param);
export const missingParam = (param: string) =>
  new ApiError(PLATFORM_ERRORS.parameter_missing, `${param} is required.`, param);
export const notFound = (what: string, id?: string) =>
  new ApiError(
    PLATFORM_ERRORS.resource_missing,
    id ? `No ${what} with id '${id}'.` : `No such ${what}.`,
    id ? 'id' : undefined,
  );
