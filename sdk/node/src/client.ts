import { randomUUID } from 'node:crypto';
import { CustomerConnectError } from './errors.js';
import type { AnswerOf, ItemOf, ListPaths, Method, PathsWith, RequestOptions } from './types.js';

export interface ClientOptions {
  /** A secret key (`sk_…`), a dashboard session (`ms_…`) or a customer session (`cs_…`). */
  apiKey?: string;
  /** The API's base URL, e.g. `https://api.example.com` (default `http://localhost:3000`). */
  baseUrl?: string;
  /** Retries after a network error or a 5xx answer (with the same `Idempotency-Key`). Default 2. */
  maxRetries?: number;
  /** First backoff in milliseconds, doubled on each retry. Default 500. */
  retryDelayMs?: number;
  /** Per-attempt time limit in milliseconds. Default 30,000. */
  timeoutMs?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A typed client for the CustomerConnect API. Every POST carries an `Idempotency-Key`, and a retry after a network
 * error or a 5xx sends the same key, so the server does the work once. Errors throw `CustomerConnectError`.
 */
export class CustomerConnect {
  readonly baseUrl: string;
  private readonly maxRetries: number;
  private readonly retryDelayMs: number;
  private readonly timeoutMs: number;

  constructor(private readonly options: ClientOptions) {
    this.baseUrl = (options.baseUrl ?? 'http://localhost:3000').replace(/\/$/, '');
    this.maxRetries = options.maxRetries ?? 2;
    this.retryDelayMs = options.retryDelayMs ?? 500;
    this.timeoutMs = options.timeoutMs ?? 30_000;
  }

  get<P extends PathsWith<'get'>>(path: P, o: RequestOptions<P, 'get'> = {}): Promise<AnswerOf<P, 'get'>> {
    return this.request('get', path, o) as Promise<AnswerOf<P, 'get'>>;
  }
  post<P extends PathsWith<'post'>>(path: P, o: RequestOptions<P, 'post'> = {}): Promise<AnswerOf<P, 'post'>> {
    return this.request('post', path, o) as Promise<AnswerOf<P, 'post'>>;
  }
  patch<P extends PathsWith<'patch'>>(path: P, o: RequestOptions<P, 'patch'> = {}): Promise<AnswerOf<P, 'patch'>> {
    return this.request('patch', path, o) as Promise<AnswerOf<P, 'patch'>>;
  }
  put<P extends PathsWith<'put'>>(path: P, o: RequestOptions<P, 'put'> = {}): Promise<AnswerOf<P, 'put'>> {
    return this.request('put', path, o) as Promise<AnswerOf<P, 'put'>>;
  }
  delete<P extends PathsWith<'delete'>>(path: P, o: RequestOptions<P, 'delete'> = {}): Promise<AnswerOf<P, 'delete'>> {
    return this.request('delete', path, o) as Promise<AnswerOf<P, 'delete'>>;
  }

  /** Every item of a list, page after page (`startingAfter` = the last id, while `hasMore`). */
  async *list<P extends ListPaths>(path: P, o: RequestOptions<P, 'get'> = {}): AsyncGenerator<ItemOf<P>> {
    let startingAfter: string | undefined;
    for (;;) {
      const query = { ...(o.query as object), ...(startingAfter ? { startingAfter } : {}) };
      const page = (await this.request('get', path, { ...o, query } as RequestOptions<P, 'get'>)) as {
        data: ItemOf<P>[];
        hasMore: boolean;
      };
      for (const item of page.data) yield item;
      const last = page.data.at(-1) as { id?: string } | undefined;
      if (!page.hasMore || !last?.id) return;
      startingAfter = last.id;
    }
  }

  /** One call, retried after a network error or a 5xx with the same Idempotency-Key. */
  async request<P extends string, M extends Method>(
    method: M,
    path: P,
    o: RequestOptions<P, M> = {},
  ): Promise<unknown> {
    const url = this.baseUrl + fill(path, o.path as Record<string, string> | undefined) + queryString(o.query);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.options.apiKey) headers.authorization = `Bearer ${this.options.apiKey}`;
    if (method === 'post') headers['idempotency-key'] = o.idempotencyKey ?? randomUUID();
    const body = o.body === undefined ? (method === 'post' ? '{}' : undefined) : JSON.stringify(o.body);
    if (body !== undefined) headers['content-type'] = 'application/json';
    for (let attempt = 0; ; attempt++) {
      let res: Response;
      try {
        res = await fetch(url, {
          method: method.toUpperCase(),
          headers,
          body,
          signal: AbortSignal.timeout(this.timeoutMs),
        });
      } catch (err) {
        if (attempt < this.maxRetries) {
          await sleep(this.retryDelayMs * 2 ** attempt);
          continue;
        }
        const message = `No answer from ${this.baseUrl}: ${(err as Error).message}`;
        throw new CustomerConnectError(0, 'connection_error', 'network_error', message);
      }
      if (res.status >= 500 && attempt < this.maxRetries) {
        await res.body?.cancel();
        const retryAfter = Number(res.headers.get('retry-after'));
        await sleep(retryAfter > 0 ? Math.min(retryAfter * 1000, 30_000) : this.retryDelayMs * 2 ** attempt);
        continue;
      }
      const text = await res.text();
      const parsed = text ? safeJson(text) : undefined;
      if (res.ok) return parsed;
      const e = (parsed as { error?: Record<string, unknown> } | undefined)?.error ?? {};
      const text_ = (v: unknown) => (typeof v === 'string' ? v : undefined);
      throw new CustomerConnectError(
        res.status,
        text_(e.type) ?? 'api_error',
        text_(e.code) ?? `http_${res.status}`,
        text_(e.message) ?? `HTTP ${res.status}`,
        text_(e.param),
        e,
      );
    }
  }
}

function fill(path: string, params: Record<string, string> | undefined): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined) throw new TypeError(`Missing path parameter "${name}" for ${path}`);
    return encodeURIComponent(value);
  });
}

function queryString(query: object | undefined): string {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null) continue;
    if (key === 'metadata' && typeof value === 'object')
      for (const [k, v] of Object.entries(value as Record<string, string>)) q.append(`metadata[${k}]`, String(v));
    else q.append(key, String(value));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
