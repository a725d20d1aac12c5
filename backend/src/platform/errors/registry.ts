/**
 * The registry of error codes: every error the API answers is an entry here (or in an area's file
 * under `src/errors/`), named, with its wire `code`, HTTP `status`, `type`, default message and a
 * line saying when it is answered (the table in docs/api-conventions.md is generated from these).
 * `ApiError` takes only an {@link ErrorDef}, and only {@link defineErrors} makes one, so a code can
 * no longer be written as a string at a throw site: a misspelt name is a compile error.
 */
export type ErrorType =
  | 'invalid_request'
  | 'authentication'
  | 'permission'
  | 'not_found'
  | 'conflict'
  | 'rate_limited'
  | 'api_error'
  | 'payment_error';

/** The `type` each status answers (api.md): the one table, so an entry cannot disagree with it. */
export const STATUS_TYPE = {
  400: 'invalid_request',
  401: 'authentication',
  402: 'payment_error',
  403: 'permission',
  404: 'not_found',
  409: 'conflict',
  413: 'invalid_request',
  415: 'invalid_request',
  422: 'invalid_request',
  429: 'rate_limited',
  500: 'api_error',
  503: 'api_error',
} as const satisfies Record<number, ErrorType>;

export type ErrorStatus = keyof typeof STATUS_TYPE;

/** What an area writes for one entry; the entry's name is its wire code unless `code` says otherwise. */
export interface ErrorEntry {
  readonly status: ErrorStatus;
  /** The message when the throw site gives none. */
  readonly message: string;
  /** When it is answered, for the docs table (Markdown, one line). */
  readonly when: string;
  /** The wire code, when two entries share one (each with its own status), e.g. `terms_locked`. */
  readonly code?: string;
  /** Not remembered for an Idempotency-Key: the same request may get another answer later. */
  readonly transient?: boolean;
}

declare const registered: unique symbol;

/** One registered error; only {@link defineErrors} makes them (the brand keeps object literals out). */
export interface ErrorDef<C extends string = string> {
  readonly name: string;
  readonly area: string;
  readonly code: C;
  readonly status: ErrorStatus;
  readonly type: ErrorType;
  readonly message: string;
  readonly when: string;
  readonly transient: boolean;
  readonly [registered]: true;
}

type CodeOf<K extends string, E> = E extends { code: infer C extends string } ? C : K;

export type ErrorArea<T extends Record<string, ErrorEntry>> = {
  readonly [K in keyof T & string]: ErrorDef<CodeOf<K, T[K]>>;
};

/** An area's entries, frozen and branded; `area` titles them in the docs. */
export function defineErrors<const T extends Record<string, ErrorEntry>>(area: string, entries: T): ErrorArea<T> {
  const out: Record<string, object> = {};
  for (const [name, e] of Object.entries(entries)) {
    out[name] = Object.freeze({
      name,
      area,
      code: e.code ?? name,
      status: e.status,
      type: STATUS_TYPE[e.status],
      message: e.message,
      when: e.when,
      transient: e.transient ?? false,
    });
  }
  return Object.freeze(out) as ErrorArea<T>;
}

/** Every entry of the areas given, in order (for the docs table, the OpenAPI enum and the checks). */
export function allErrors(areas: readonly object[]): ErrorDef[] {
  return areas.flatMap((a) => Object.values(a) as ErrorDef[]);
}
