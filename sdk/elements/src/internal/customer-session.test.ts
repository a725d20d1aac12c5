import { expect } from '@open-wc/testing';
import { CcApiError } from './api-error.js';
import { CustomerSessions } from './customer-session.js';

const base = 'https://api.example';
const expired = new CcApiError(401, { type: 'authentication', code: 'session_expired', message: 'Expired.' });

describe('CustomerSessions', () => {
  it('keeps a session across instances through the given storage, never a link token', () => {
    const storage = new Map<string, string>();
    const fake = {
      getItem: (k: string) => storage.get(k) ?? null,
      setItem: (k: string, v: string) => void storage.set(k, v),
      removeItem: (k: string) => void storage.delete(k),
    } as Storage;
    const sessions = new CustomerSessions(() => fake);
    sessions.adopt(base, 'cs_one', '2030-01-01T00:00:00.000Z');
    sessions.rememberEmail(base, 'ap@buyer.example');
    expect(new CustomerSessions(() => fake).get(base)).to.deep.equal({
      state: 'active',
      token: 'cs_one',
      expiresAt: '2030-01-01T00:00:00.000Z',
      email: 'ap@buyer.example',
    });
    sessions.expire(base, expired, 'cs_one');
    expect(JSON.parse(storage.get(`cc-customer-session:${base}`)!)).to.deep.equal({
      expired: true,
      email: 'ap@buyer.example',
    });
    sessions.adopt(base, 'cs_one');
    expect(sessions.get(base).state, 'a refused token is not adopted again').to.equal('expired');
  });

  it('ignores a late 401 for an older token, and works when storage is blocked', () => {
    const sessions = new CustomerSessions(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    sessions.adopt(base, 'cs_new');
    sessions.expire(base, expired, 'cs_old');
    expect(sessions.get(base)).to.deep.include({ state: 'active', token: 'cs_new' });
  });
});
