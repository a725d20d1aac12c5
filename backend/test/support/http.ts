import { checkerFor } from './openapi-check.js';

export interface HttpResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export interface RequestOptions {
  token?: string;
  publishableKey?: string;
  origin?: string;
  idempotencyKey?: string;
  headers?: Record<string, string>;
  /** Send this string as the body as is (for malformed JSON). */
  raw?: string;
  /** Skip checking the answer against the OpenAPI document (only for answers no document can describe). */
  unchecked?: boolean;
}

/**
 * A small fetch-based client: tests talk to the backend over real HTTP, and every answer is checked against
 * the schema the OpenAPI document gives for that operation and status (`openapi-check.ts`).
 */
export class HttpClient {
  constructor(
    readonly baseUrl: string,
    private readonly checkAnswers = true,
  ) {}

  async request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    o: RequestOptions = {},
  ): Promise<HttpResponse<T>> {
    const headers: Record<string, string> = { ...o.headers };
    if (body !== undefined || o.raw !== undefined) headers['content-type'] = 'application/json';
    if (o.token) headers.authorization = `Bearer ${o.token}`;
    if (o.publishableKey) headers['cc-publishable-key'] = o.publishableKey;
    if (o.origin) headers.origin = o.origin;
    if (o.idempotencyKey) headers['idempotency-key'] = o.idempotencyKey;
    const res = await fetch(this.baseUrl + path, {
      method,
      headers,
      body: o.raw ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON */
    }
    if (this.checkAnswers && !o.unchecked && res.headers.get('content-type')?.startsWith('application/json')) {
      const problems = (await checkerFor(this.baseUrl)).check(method, path, res.status, parsed);
      if (problems.length) throw new Error(`The answer does not match the OpenAPI document:\n${problems.join('\n')}`);
    }
    return { status: res.status, headers: res.headers, body: parsed as T };
  }

  get<T = any>(path: string, o?: RequestOptions) {
    return this.request<T>('GET', path, undefined, o);
  }
  post<T = any>(path: string, body?: unknown, o?: RequestOptions) {
    return this.request<T>('POST', path, body ?? {}, o);
  }
  patch<T = any>(path: string, body?: unknown, o?: RequestOptions) {
    return this.request<T>('PATCH', path, body ?? {}, o);
  }
  delete<T = any>(path: string, o?: RequestOptions) {
    return this.request<T>('DELETE', path, undefined, o);
  }
}
