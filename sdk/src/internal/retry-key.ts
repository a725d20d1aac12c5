import { CcApiError } from './api-error.js';
import { randomId } from './random-id.js';

/**
 * The `Idempotency-Key` for one submit attempt: a new key for every attempt, except that
 * resubmitting the same body after a network error (the answer may have been lost after
 * the server acted) reuses the key, so the server answers the first result instead of
 * acting twice.
 */
export class RetryKey {
  #last?: { body: string; key: string; retryable: boolean } | undefined;

  /** The key for sending `body` now. */
  next(body: unknown): string {
    const json = JSON.stringify(body);
    const last = this.#last;
    const key = last?.retryable && last.body === json ? last.key : randomId();
    this.#last = { body: json, key, retryable: false };
    return key;
  }

  /** Call when the attempt failed; only a network error keeps the key for a retry. */
  failed(error: unknown): void {
    if (this.#last) this.#last.retryable = error instanceof CcApiError && error.code === 'network_error';
  }
}
