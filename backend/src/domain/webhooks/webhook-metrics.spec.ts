import { describe, expect, it } from '@jest/globals';
import { failureOf } from './webhook-metrics.js';
import type { SendResult } from './webhook-sender.js';

const result = (statusCode: number | null, error: string | null): SendResult => ({
  statusCode,
  error,
  snippet: null,
  durationMs: 5,
});

describe('failureOf (the reason label of a webhook attempt)', () => {
  it('is null for a 2xx and http_status for any other answer', () => {
    expect(failureOf(result(200, null))).toBeNull();
    expect(failureOf(result(204, null))).toBeNull();
    expect(failureOf(result(301, 'HTTP 301'))).toBe('http_status');
    expect(failureOf(result(500, 'HTTP 500'))).toBe('http_status');
  });

  it('names what kept an answer from coming, as the sender words it', () => {
    expect(failureOf(result(null, 'ETIMEDOUT: no answer within 10 s'))).toBe('timeout');
    expect(failureOf(result(null, 'ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:9'))).toBe('connection');
    expect(failureOf(result(null, 'ENOTFOUND: hooks.example has no address'))).toBe('connection');
    expect(
      failureOf(result(null, 'EPRIVATEADDRESS: 10.0.0.5 resolves to 10.0.0.5, a private-network or loopback address')),
    ).toBe('not_allowed');
    expect(failureOf(result(null, 'Could not sign: Unsupported state or unable to authenticate data'))).toBe('signing');
  });
});
