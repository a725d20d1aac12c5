import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from './app-config.js';

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      PORT: 3000,
      CC_JOBS_INTERVAL_MS: 15000,
      CC_RATE_LIMIT_ANONYMOUS_PER_MINUTE: 60,
      CC_RATE_LIMIT_PER_SECOND: 100,
      CC_TRUST_PROXY: false,
      MAIL_FROM: 'CustomerConnect <no-reply@localhost>',
    });
    expect(c.embedded).toBe(true);
    expect(c.seedDemo).toBe(true);
    expect(c.publicUrl).toBe('http://localhost:3000');
    expect(loadConfig({ DATABASE_URL: 'postgres://x/y' }).seedDemo).toBe(false);
    expect(loadConfig({ PORT: '4000' }).publicUrl).toBe('http://localhost:4000');
  });

  it('lists every bad variable in one clear error', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', CC_JOBS_INTERVAL_MS: '-5', SMTP_URL: 'mail server', CC_TRUST_PROXY: 'yes please' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toMatch(/PORT="?eighty"?/);
    expect(message).toContain('CC_JOBS_INTERVAL_MS');
    expect(message).toContain('SMTP_URL');
    expect(message).toContain('CC_TRUST_PROXY must be a number of proxy hops or a comma-separated list');
  });

  it('reads CC_TRUST_PROXY as hops or named proxies, never as "trust everyone"', () => {
    expect(loadConfig({ CC_TRUST_PROXY: '0' }).CC_TRUST_PROXY).toBe(false);
    expect(loadConfig({ CC_TRUST_PROXY: '1' }).CC_TRUST_PROXY).toBe(1);
    expect(loadConfig({ CC_TRUST_PROXY: '10.0.0.1, 10.1.0.0/16,fd00::/8' }).CC_TRUST_PROXY).toEqual([
      '10.0.0.1',
      '10.1.0.0/16',
      'fd00::/8',
    ]);
    for (const bad of ['true', '10.0.0.0/33', 'proxy.internal'])
      expect(() => loadConfig({ CC_TRUST_PROXY: bad })).toThrow(/CC_TRUST_PROXY must be/);
  });

  it('requires a 32-byte encryption key in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/CC_ENCRYPTION_KEY: required/);
    expect(() => loadConfig({ CC_ENCRYPTION_KEY: Buffer.alloc(16).toString('base64') })).toThrow(/exactly 32 bytes/);
    expect(
      loadConfig({
        NODE_ENV: 'production',
        CC_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'),
        DATABASE_URL: 'postgres://db.internal/cc',
        SMTP_URL: 'smtp://mail.internal:25',
      }).isProduction,
    ).toBe(true);
  });

  it('refuses a production start without DATABASE_URL (unless CC_ALLOW_EMBEDDED_DB=1) and SMTP_URL, naming each', () => {
    const error = (() => {
      try {
        loadConfig({ NODE_ENV: 'production' });
      } catch (err) {
        return (err as Error).message;
      }
      return '';
    })();
    for (const name of ['DATABASE_URL', 'SMTP_URL', 'CC_ENCRYPTION_KEY']) expect(error).toContain(`${name}: required`);
    const embedded = loadConfig({
      NODE_ENV: 'production',
      CC_ALLOW_EMBEDDED_DB: '1',
      SMTP_URL: 'smtp://mail.internal:25',
      CC_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'),
    });
    expect(embedded.embedded).toBe(true);
    expect(embedded.seedDemo).toBe(false);
    expect(embedded.demoSite).toBe(false);
  });
});
