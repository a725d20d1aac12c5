import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loadConfig } from '../src/config/app-config.js';
import { openDatabase, type Database } from '../src/database/database.js';
import { EmbeddedDatabaseInUseError, lockDataDir } from '../src/database/embedded-lock.js';

const embedded = (dir: string) => loadConfig({ NODE_ENV: 'test', CC_DATA_DIR: dir });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('embedded PostgreSQL (PGlite)', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openDatabase(embedded(mkdtempSync(join(tmpdir(), 'cc-pglite-'))), { inMemory: true });
    await db.dataSource.query('CREATE TABLE counters (id int PRIMARY KEY, n int NOT NULL)');
    await db.dataSource.query('INSERT INTO counters VALUES (1, 0)');
  });
  afterAll(async () => db?.close());

  it('keeps two concurrent transactions apart on its single session', async () => {
    const order: string[] = [];
    const first = db.dataSource.transaction(async (em) => {
      order.push('first:start');
      await em.query('UPDATE counters SET n = n + 1 WHERE id = 1');
      await sleep(50); // the second transaction starts meanwhile and must wait its turn
      order.push('first:rollback');
      throw new Error('roll me back');
    });
    const second = db.dataSource.transaction(async (em) => {
      order.push('second:start');
      await em.query('UPDATE counters SET n = n + 10 WHERE id = 1');
      order.push('second:commit');
    });
    await expect(first).rejects.toThrow('roll me back');
    await second;
    expect(order).toEqual(['first:start', 'first:rollback', 'second:start', 'second:commit']);
    const [row] = await db.dataSource.query('SELECT n FROM counters WHERE id = 1');
    expect(row.n).toBe(10); // the rollback undid only its own work; the commit kept only its own
  });

  it('serialises many racing read-modify-write transactions without losing one', async () => {
    await db.dataSource.query('UPDATE counters SET n = 0 WHERE id = 1');
    await Promise.all(
      Array.from({ length: 20 }, () =>
        db.dataSource.transaction(async (em) => {
          const [{ n }] = await em.query('SELECT n FROM counters WHERE id = 1');
          await sleep(1);
          await em.query('UPDATE counters SET n = $1 WHERE id = 1', [n + 1]);
        }),
      ),
    );
    const [row] = await db.dataSource.query('SELECT n FROM counters WHERE id = 1');
    expect(row.n).toBe(20);
  });
});

describe('the embedded data directory', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cc-data-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps its data across restarts', async () => {
    const first = await openDatabase(embedded(dir));
    await first.dataSource.query(
      `INSERT INTO merchants (id, name, settings, created_at) VALUES ('mer_persist', 'Persisted', '{}', now())`,
    );
    await first.close();
    const second = await openDatabase(embedded(dir));
    const rows = await second.dataSource.query(`SELECT name FROM merchants WHERE id = 'mer_persist'`);
    await second.close();
    expect(rows).toEqual([{ name: 'Persisted' }]);
    // The first open creates an on-disk cluster and runs every migration: seconds on an idle
    // machine, but two minutes were seen with both CI lanes and other work on two cores.
  }, 180_000);

  it('refuses a second process with a clear message, and takes over a lock left by a dead one', async () => {
    const holder: ChildProcess = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      writeFileSync(join(dir, 'pglite.lock'), String(holder.pid));
      expect(() => lockDataDir(dir)).toThrow(EmbeddedDatabaseInUseError);
      expect(() => lockDataDir(dir)).toThrow(
        new RegExp(`in use by another CustomerConnect process \\(pid ${holder.pid}\\)`),
      );
      await expect(openDatabase(embedded(dir))).rejects.toThrow(EmbeddedDatabaseInUseError);
    } finally {
      holder.kill();
    }
    await new Promise((r) => holder.once('exit', r));
    const release = lockDataDir(dir);
    expect(readFileSync(join(dir, 'pglite.lock'), 'utf8')).toBe(String(process.pid));
    release();
  });
});
