import { describe, expect, it } from '@jest/globals';
import { processCount } from './cluster.js';
import { ConfigError, loadConfig } from './config/app-config.js';

describe('processCount (CC_WORKERS)', () => {
  const pg = { DATABASE_URL: 'postgres://x/y' };

  it('defaults to the number of cores with PostgreSQL', () => {
    expect(processCount(loadConfig(pg), 6)).toEqual({ count: 6 });
    expect(processCount(loadConfig({ ...pg, CC_WORKERS: '3' }), 6)).toEqual({ count: 3 });
  });

  it('keeps the embedded database in one process, and says so only when more were asked for', () => {
    expect(processCount(loadConfig({}), 6)).toEqual({ count: 1, note: undefined });
    const forced = processCount(loadConfig({ CC_WORKERS: '4' }), 6);
    expect(forced.count).toBe(1);
    expect(forced.note).toContain('CC_WORKERS=4 ignored: the embedded database (PGlite) runs in one process');
  });

  it('refuses a CC_WORKERS that is not a whole number from 1 to 256', () => {
    for (const bad of ['0', 'two', '1.5', '257'])
      expect(() => loadConfig({ ...pg, CC_WORKERS: bad })).toThrow(ConfigError);
  });
});
