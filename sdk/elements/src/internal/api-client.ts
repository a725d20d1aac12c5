import { CcApiError } from './api-error.js';
import type { PublicConfig } from './public-config.js';
import { randomId } from './random-id.js';

export interface ApiClientOptions {
  /** Origin (and optional path prefix) of the API, without `/v1`. */
  apiBase: string;
  /** `pk_...`: sent as `CC-Publishable-Key` when there is no session. */
  publishableKey?: string | undefined;
  /** `cs_...`: a customer session, sent as `Authorization: Bearer`. */
  sessionToken?: string | undefined;
  /** For tests and unusual hosts; defaults to the global `fetch`. */
  fetch?: typeof fetch;
}

export type QueryValue = string | number | boolean | undefined;

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
  /** Defaults to a fresh UUID on every POST; pass one to retry a POST safely. */
  idempotencyKey?: string;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** Typed fetch wrapper for the CustomerConnect API. Failures reject with {@link CcApiError}. */
export class ApiClient {
  readonly apiBase: string;
  readonly publishableKey?: string;
  readonly sessionToken?: string;
  readonly #options: ApiClientOptions;

  constructor(options: ApiClientOptions) {
    this.#options = options;
    this.apiBase = options.apiBase.replace(/\/+$/, '');
    if (options.publishableKey) this.publishableKey = options.publishableKey;
    if (options.sessionToken) this.sessionToken = options.sessionToken;
  }

  /** The same API and key, acting for a customer session. */
  withSession(sessionToken: string): ApiClient {
    return new ApiClient({ ...this.#options, sessionToken });
  }

  getPublicConfig(options?: RequestOptions): Promise<PublicConfig> {
    return this.get<PublicConfig>('/v1/public/config', options);
  }

  get<T>(path: string, options?: RequestOptions): Promise<T> {
    return this.request<T>('GET', path, undefined, options);
  }

  post<T>(path: string, body?: unknown, options?: RequestOptions): Promise<T> {
    return this.request<T>('POST', path, body, options);
  }

  patch<T>(path: string, body: unknown, options?: RequestOptions): Promise<T> {
    return this.request<T>('PATCH', path, body, options);
  }

  delete<T>(path: string, options?: RequestOptions): Promise<T> {
    return this.request<T>('DELETE', path, undefined, options);
  }

  async request<T>(method: Method, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
    const fetchFn = this.#options.fetch ?? fetch;
    let response: Response;
    try {
      response = await fetchFn(this.#url(path, options.query), {
        method,
        headers: this.#headers(method, body, options),
        body: body === undefined ? null : JSON.stringify(body),
        credentials: 'omit',
        signal: options.signal ?? null,
      });
    } catch (error) {
      if (options.signal?.aborted) throw error;
      throw CcApiError.network(error);
    }
    if (!response.ok) throw await CcApiError.fromResponse(response);
    if (response.status === 204) return undefined as T;
    try {
      return (await response.json()) as T;
    } catch (error) {
      if (options.signal?.aborted) throw error;
      throw new CcApiError(
        response.status,
        {
          type: 'api_error',
          code: 'unexpected_response',
          message: 'The server answered with a body that is not JSON.',
        },
        { cause: error },
      );
    }
  }

  #url(path: string, query: Record<string, QueryValue> = {}): string {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(query)) {
      if (value !== undefined) params.set(name, String(value));
    }
    const search = params.size ? `?${params}` : '';
    return `${this.apiBase}${path}${search}`;
  }

  #headers(method: Method, body: unknown, options: RequestOptions): Headers {
    const headers = new Headers({ Accept: 'application/json' });
    if (body !== undefined) headers.set('Content-Type', 'application/json');
    if (this.sessionToken) headers.set('Authorization', `Bearer ${this.sessionToken}`);
    else if (this.publishableKey) headers.set('CC-Publishable-Key', this.publishableKey);
    if (method === 'POST') headers.set('Idempotency-Key', options.idempotencyKey ?? randomId());
    return headers;
  }
}
