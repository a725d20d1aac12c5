import { randomBytes } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { Encryption } from './encryption.js';

describe('Encryption', () => {
  const enc = new Encryption(randomBytes(32));

  it('round-trips and never stores the plain text', () => {
    const sealed = enc.encrypt('whsec_abc');
    expect(sealed).not.toContain('whsec_abc');
    expect(enc.decrypt(sealed)).toBe('whsec_abc');
  });

  it('refuses a tampered value and another key', () => {
    const sealed = enc.encrypt('secret');
    const parts = sealed.split('.');
    parts[3] = Buffer.from('tampered').toString('base64url');
    expect(() => enc.decrypt(parts.join('.'))).toThrow();
    expect(() => new Encryption(randomBytes(32)).decrypt(sealed)).toThrow();
  });
});
