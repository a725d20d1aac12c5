import type { paths } from './schema.js';

/** Typing from the generated `schema.d.ts` (openapi-typescript): paths, bodies, answers. */
export type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';
export type PathsWith<M extends Method> = {
  [P in keyof paths]: paths[P] extends Record<M, infer O> ? ([O] extends [never | undefined] ? never : P) : never;
}[keyof paths];

type Op<P, M extends Method> = P extends keyof paths ? (paths[P] extends Record<M, infer O> ? O : never) : never;
type Json<C> = C extends { content: { 'application/json': infer T } } ? T : never;

export type BodyOf<P, M extends Method> =
  Op<P, M> extends { requestBody?: infer B }
    ? undefined extends B
      ? Json<NonNullable<B>> | undefined
      : Json<B>
    : never;
export type QueryOf<P, M extends Method> = Op<P, M> extends { parameters: { query?: infer Q } } ? Q : never;
export type PathParamsOf<P, M extends Method> = Op<P, M> extends { parameters: { path?: infer Q } } ? Q : never;
export type AnswerOf<P, M extends Method> =
  Op<P, M> extends { responses: infer R }
    ? { [K in keyof R]: K extends 200 | 201 | 202 | 204 ? Json<R[K]> : never }[keyof R]
    : never;

/** The item type of a list answer `{ data: T[], hasMore }`. */
export type ItemOf<P> = AnswerOf<P, 'get'> extends { data: Array<infer T> } ? T : never;
export type ListPaths = {
  [P in PathsWith<'get'>]: AnswerOf<P, 'get'> extends { data: unknown[]; hasMore: boolean } ? P : never;
}[PathsWith<'get'>];

export interface RequestOptions<P, M extends Method> {
  /** Values for `{id}`-style segments of the path. */
  path?: PathParamsOf<P, M>;
  /** Query parameters; `metadata: { key: value }` is sent as `metadata[key]=value`. */
  query?: QueryOf<P, M> & { metadata?: Record<string, string> };
  body?: BodyOf<P, M>;
  /** The POST's `Idempotency-Key` (default: a new random one, kept across this call's retries). */
  idempotencyKey?: string;
}
