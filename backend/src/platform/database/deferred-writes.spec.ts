import { describe, expect, it } from '@jest/globals';
import { combineStatements } from './deferred-writes.js';

describe('combineStatements', () => {
  it('passes one statement through as it is', () => {
    const one = { sql: 'INSERT INTO a (x) VALUES ($1)', params: [1] };
    expect(combineStatements([one])).toEqual([one]);
    expect(combineStatements([])).toEqual([]);
  });

  it('folds several into one WITH, renumbering the parameters in order ($1 and $10 alike)', () => {
    const ten = Array.from({ length: 10 }, (_, i) => `p${i + 1}`);
    const [combined, ...rest] = combineStatements([
      { sql: 'INSERT INTO a (x, y) VALUES ($1, $2)', params: ['a1', 'a2'] },
      { sql: `INSERT INTO b VALUES (${ten.map((_, i) => `$${i + 1}`).join(', ')})`, params: ten },
      { sql: 'UPDATE c SET v = $1 WHERE k = $2', params: ['c1', 'c2'] },
    ]);
    expect(rest).toEqual([]);
    expect(combined!.sql).toBe(
      'WITH w0 AS (INSERT INTO a (x, y) VALUES ($1, $2)), ' +
        'w1 AS (INSERT INTO b VALUES ($3, $4, $5, $6, $7, $8, $9, $10, $11, $12)), ' +
        'w2 AS (UPDATE c SET v = $13 WHERE k = $14) SELECT 1',
    );
    expect(combined!.params).toEqual(['a1', 'a2', ...ten, 'c1', 'c2']);
  });

  it('starts a new statement before PostgreSQL’s parameter limit', () => {
    const row = { sql: 'INSERT INTO t VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)', params: Array(10).fill(0) };
    const batches = combineStatements(Array(5000).fill(row)); // 50,000 parameters
    expect(batches.length).toBe(3);
    expect(batches.every((b) => b.params.length <= 20_000)).toBe(true);
    expect(batches.reduce((n, b) => n + b.params.length, 0)).toBe(50_000);
    const highest = Math.max(...[...batches[0]!.sql.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])));
    expect(highest).toBe(batches[0]!.params.length);
  });
});
