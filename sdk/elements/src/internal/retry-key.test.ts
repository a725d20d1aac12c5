import { expect } from '@open-wc/testing';
import { CcApiError } from './api-error.js';
import { RetryKey } from './retry-key.js';

const refused = new CcApiError(422, { type: 'invalid_request', code: 'parameter_invalid', message: 'No.' });

describe('RetryKey', () => {
  it('keeps the key only to resend the same body after a network error', () => {
    const retry = new RetryKey();
    const first = retry.next({ a: 1 });
    retry.failed(CcApiError.network(new TypeError('Failed to fetch')));
    expect(retry.next({ a: 1 }), 'same body after a network error').to.equal(first);
    retry.failed(CcApiError.network(new TypeError('Failed to fetch')));
    expect(retry.next({ a: 2 }), 'another body').to.not.equal(first);
  });

  it('keeps the key after a server error or a 429: the work rolled back, maybe after the card was charged', () => {
    const retry = new RetryKey();
    const first = retry.next({ a: 1 });
    retry.failed(new CcApiError(500, { type: 'api_error', code: 'internal_error', message: 'Something went wrong.' }));
    expect(retry.next({ a: 1 })).to.equal(first);
    retry.failed(new CcApiError(429, { type: 'rate_limit', code: 'rate_limited', message: 'Slow down.' }));
    expect(retry.next({ a: 1 })).to.equal(first);
  });

  it('uses a new key after an answer, even a refusal', () => {
    const retry = new RetryKey();
    const first = retry.next({ a: 1 });
    retry.failed(refused);
    expect(retry.next({ a: 1 })).to.not.equal(first);
    const second = retry.next({ a: 1 });
    expect(retry.next({ a: 1 }), 'after a success').to.not.equal(second);
  });
});
