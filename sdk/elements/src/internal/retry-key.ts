import { CcApiError } from './api-error.js';
import { randomId } from './random-id.js';

/**
 * The `Idempotency-Key` for one submit attempt: a new key for every attempt, except that
 * resubmitting the same body after a network error (the answer may have been lost after
 * the server acted), a server error (5xx: the server rolled back, maybe after the processor
 * charged) or a 429 reuses the key — the server then answers the first result, or redoes the
 * work with the processor getting the same key, instead of acting twice. Any other answer
 * (a success, a refusal) is final for its key.
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

  /** Call when the attempt failed; a network error, a 5xx or a 429 keeps the key for a retry. */
  failed(error: unknown): void {
    if (this.#last)
      this.#last.retryable =
        error instanceof CcApiError && (error.code === 'network_error' || error.status >= 500 || error.status === 429);
  }
}
