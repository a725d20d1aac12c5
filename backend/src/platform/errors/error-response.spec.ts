import { describe, expect, it } from '@jest/globals';
import { QueryFailedError } from 'typeorm';
import { toErrorResponse } from './error-response.js';
import { PLATFORM_ERRORS } from './codes.js';
import { ApiError } from './errors.js';

describe('toErrorResponse', () => {
  it('hides the internals of an unknown error behind a generic 500 naming the request id', () => {
    const res = toErrorResponse(
      new TypeError("Cannot read properties of undefined (reading 'password_hash')"),
      'req_abc',
    );
    expect(res.status).toBe(500);
    expect(res.unexpected).toBe(true);
    expect(res.body.error.type).toBe('api_error');
    expect(res.body.error.code).toBe('internal_error');
    expect(res.body.error.message).toContain('req_abc');
    expect(JSON.stringify(res.body)).not.toMatch(/password_hash|TypeError|undefined/);
  });

  it('maps every way a lost database shows up to 503 database_unavailable', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const adminShutdown = new QueryFailedError(
      'SELECT 1',
      [],
      Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
    );
    const terminated = new Error('Connection terminated unexpectedly');
    const wrapped = new Error('outer', { cause: Object.assign(new Error('x'), { code: '08006' }) });
    for (const err of [refused, adminShutdown, terminated, wrapped]) {
      const res = toErrorResponse(err, 'req_x');
      expect(res.status).toBe(503);
      expect(res.body.error).toMatchObject({ type: 'api_error', code: 'database_unavailable' });
    }
  });

  it('keeps a domain error as it is', () => {
    const res = toErrorResponse(
      new ApiError(PLATFORM_ERRORS.idempotency_key_reused, 'new key', 'Idempotency-Key'),
      'x',
    );
    expect(res).toMatchObject({
      status: 409,
      unexpected: false,
      body: {
        error: { type: 'conflict', code: 'idempotency_key_reused', message: 'new key', param: 'Idempotency-Key' },
      },
    });
  });

  it('does not call a constraint violation a database outage', () => {
    const unique = new QueryFailedError('INSERT', [], Object.assign(new Error('duplicate key'), { code: '23505' }));
    expect(toErrorResponse(unique, 'req_x').status).toBe(500);
  });
});
