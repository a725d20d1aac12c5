import { createHmac } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { signatureHeader, verifySignature } from './signature.js';

describe('CC-Signature', () => {
  const body = '{"id":"evt_1","type":"contact.verified","createdAt":"2026-01-01T00:00:00.000Z","data":{}}';

  it('is t=<seconds>,v1=<hex HMAC-SHA256 of "t.body">', () => {
    const expected = createHmac('sha256', 'whsec_test').update(`1767225600.${body}`).digest('hex');
    expect(signatureHeader('whsec_test', body, 1767225600)).toBe(`t=1767225600,v1=${expected}`);
  });

  it('verifies with the same secret and body only', () => {
    const header = signatureHeader('whsec_a', body, 1767225600);
    expect(verifySignature('whsec_a', body, header)).toBe(true);
    expect(verifySignature('whsec_b', body, header)).toBe(false);
    expect(verifySignature('whsec_a', body + ' ', header)).toBe(false);
    expect(verifySignature('whsec_a', body, header.replace('t=1767225600', 't=1767225601'))).toBe(false);
    expect(verifySignature('whsec_a', body, 'garbage')).toBe(false);
  });

  it('carries one v1= per live secret during a rotation, newest first; either verifies', () => {
    const header = signatureHeader(['whsec_new', 'whsec_old'], body, 1767225600);
    const v1 = (s: string) => createHmac('sha256', s).update(`1767225600.${body}`).digest('hex');
    expect(header).toBe(`t=1767225600,v1=${v1('whsec_new')},v1=${v1('whsec_old')}`);
    expect(verifySignature('whsec_new', body, header)).toBe(true);
    expect(verifySignature('whsec_old', body, header)).toBe(true);
    expect(verifySignature('whsec_other', body, header)).toBe(false);
  });
});
