import { expect } from '@open-wc/testing';
import { ApiClient } from './api-client.js';
import { CcApiError } from './api-error.js';

interface Call {
  url: string;
  init: RequestInit;
  headers: Headers;
}

/** A client whose fetch records each call and answers `response`. */
function recordingClient(
  response: () => Response | Promise<Response>,
  options: Partial<ConstructorParameters<typeof ApiClient>[0]> = {},
) {
  const calls: Call[] = [];
  const client = new ApiClient({
    apiBase: 'https://api.example.test/',
    publishableKey: 'pk_test_abc',
    fetch: async (input, init = {}) => {
      calls.push({ url: String(input), init, headers: new Headers(init.headers) });
      return response();
    },
    ...options,
  });
  return { client, calls };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('the request succeeded');
}

describe('ApiClient', () => {
  it('sends GETs with the publishable key and no idempotency key', async () => {
    const { client, calls } = recordingClient(() => json({ data: [], hasMore: false }));
    const page = await client.get('/v1/customer/invoices', {
      query: { limit: 10, startingAfter: undefined, overdue: true },
    });
    expect(page).to.deep.equal({ data: [], hasMore: false });
    expect(calls[0]!.url).to.equal('https://api.example.test/v1/customer/invoices?limit=10&overdue=true');
    expect(calls[0]!.init.method).to.equal('GET');
    expect(calls[0]!.init.credentials).to.equal('omit');
    expect(calls[0]!.headers.get('CC-Publishable-Key')).to.equal('pk_test_abc');
    expect(calls[0]!.headers.get('Authorization')).to.equal(null);
    expect(calls[0]!.headers.has('Idempotency-Key')).to.equal(false);
  });

  it('sends a fresh UUID Idempotency-Key on every POST, or the one given', async () => {
    const { client, calls } = recordingClient(() => json({ id: 'app_1' }));
    await client.post('/v1/credit-applications', { mode: 'credit_check' });
    await client.post('/v1/credit-applications', { mode: 'credit_check' });
    await client.post('/v1/credit-applications', { mode: 'credit_check' }, { idempotencyKey: 'retry-1' });
    const keys = calls.map((call) => call.headers.get('Idempotency-Key'));
    expect(keys[0]).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(keys[1]).to.not.equal(keys[0]);
    expect(keys[2]).to.equal('retry-1');
    expect(calls[0]!.headers.get('Content-Type')).to.equal('application/json');
    expect(calls[0]!.init.body).to.equal('{"mode":"credit_check"}');
  });

  it('uses the customer session as a bearer token instead of the publishable key', async () => {
    const { client, calls } = recordingClient(() => new Response(null, { status: 204 }));
    const result = await client.withSession('cs_test_123').delete('/v1/customer/payment-methods/pm_1');
    expect(result).to.equal(undefined);
    expect(calls[0]!.headers.get('Authorization')).to.equal('Bearer cs_test_123');
    expect(calls[0]!.headers.has('CC-Publishable-Key')).to.equal(false);
  });

  it('parses the error envelope into a CcApiError with status, type, code, message and param', async () => {
    const envelope = {
      error: {
        type: 'invalid_request',
        code: 'parameter_invalid',
        message: 'City is required.',
        param: 'business.address.city',
      },
    };
    const { client } = recordingClient(() => json(envelope, 422));
    const error = await rejection(client.post('/v1/credit-applications', {}));
    expect(error).to.be.instanceOf(CcApiError);
    expect(error).to.include({
      status: 422,
      type: 'invalid_request',
      code: 'parameter_invalid',
      message: 'City is required.',
      param: 'business.address.city',
    });
  });

  it('keeps the extra fields of an error, such as paymentId', async () => {
    const envelope = {
      error: { type: 'payment_error', code: 'card_declined', message: 'Declined.', paymentId: 'pay_1' },
    };
    const { client } = recordingClient(() => json(envelope, 402));
    const error = (await rejection(client.post('/v1/customer/invoices/inv_1/payments', {}))) as CcApiError;
    expect(error.code).to.equal('card_declined');
    expect(error.param).to.equal(undefined);
    expect(error.body['paymentId']).to.equal('pay_1');
  });

  it('turns an answer without an envelope into unexpected_response', async () => {
    const { client } = recordingClient(() => new Response('<h1>Bad gateway</h1>', { status: 502 }));
    const error = await rejection(client.get('/v1/public/config'));
    expect(error).to.be.instanceOf(CcApiError).and.include({ status: 502, code: 'unexpected_response' });
  });

  it('turns a failed fetch into network_error', async () => {
    const { client } = recordingClient(() => Promise.reject(new TypeError('Failed to fetch')));
    const error = await rejection(client.get('/v1/public/config'));
    expect(error).to.be.instanceOf(CcApiError).and.include({ status: 0, code: 'network_error' });
    expect((error as CcApiError).cause).to.be.instanceOf(TypeError);
  });

  it('reports an unreachable API as network_error over real fetch', async () => {
    const client = new ApiClient({ apiBase: 'http://127.0.0.1:9', publishableKey: 'pk_test_abc' });
    const error = await rejection(client.getPublicConfig());
    expect(error).to.be.instanceOf(CcApiError).and.include({ code: 'network_error' });
  });

  it('lets an abort through as an AbortError, not an API error', async () => {
    const controller = new AbortController();
    const { client } = recordingClient(() => {
      controller.abort();
      return Promise.reject(new DOMException('aborted', 'AbortError'));
    });
    const error = await rejection(client.get('/v1/public/config', { signal: controller.signal }));
    expect(error).to.not.be.instanceOf(CcApiError);
    expect((error as DOMException).name).to.equal('AbortError');
  });

  it('reads the real error envelope of the public config endpoint', async () => {
    const client = new ApiClient({ apiBase: location.origin, publishableKey: 'pk_test_unknown' });
    const error = await rejection(client.getPublicConfig());
    expect(error)
      .to.be.instanceOf(CcApiError)
      .and.include({ status: 401, type: 'authentication', code: 'invalid_credentials' });
  });

  it('reads authentication_required when no credential is sent', async () => {
    const client = new ApiClient({ apiBase: location.origin });
    const error = await rejection(client.getPublicConfig());
    expect(error)
      .to.be.instanceOf(CcApiError)
      .and.include({ status: 401, type: 'authentication', code: 'authentication_required' });
  });
});
