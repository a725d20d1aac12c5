import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { loadConfig } from '../../src/config/app-config.js';
import { openDatabase } from '../../src/database/database.js';
import { testRun } from './test-run.js';

/** The PostgreSQL server tests may create databases on (CI's at 127.0.0.1:5432 unless told otherwise). */
export const serverUrl = () =>
  new URL(process.env.CC_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');

async function admin<T>(work: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl().toString() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const urlOf = (name: string) => {
  const url = serverUrl();
  url.pathname = `/${name}`;
  return url;
};

/** An arbitrary constant: the advisory lock under which one jest worker migrates the template. */
const TEMPLATE_LOCK = 7_316_002;
let template: Promise<string> | undefined;

/**
 * This jest run's migrated template database (named after the run, created by the first worker
 * that needs it, dropped by the run's global teardown): `CREATE DATABASE … TEMPLATE` copies it in
 * a few milliseconds, where migrating a fresh database takes hundreds.
 */
function migratedTemplate(): Promise<string> {
  template ??= admin(async (c) => {
    const name = testRun().templateDatabase;
    await c.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK]);
    try {
      const found = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (found.rowCount) return name;
      // Migrated under a scratch name, renamed when complete: no worker ever copies half a schema.
      const building = `${name}_building`;
      await c.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
      await c.query(`CREATE DATABASE ${building}`);
      const db = await openDatabase(loadConfig({ NODE_ENV: 'test', DATABASE_URL: urlOf(building).toString() }));
      await db.close();
      await c.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
      return name;
    } finally {
      await c.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK]);
    }
  });
  return template;
}

export interface ScratchOptions {
  /**
   * Start from this run's migrated template (the app's own migration run then finds nothing
   * pending). Off by default: tests of migrating, and of the built backend's first start, need an
   * empty database.
   */
  migrated?: boolean;
}

/** A fresh, uniquely named database on the real server; `drop()` removes it. */
export async function scratchDatabase(
  prefix: string,
  options: ScratchOptions = {},
): Promise<{ url: URL; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const from = options.migrated ? ` TEMPLATE ${await migratedTemplate()}` : '';
  await admin((c) => c.query(`CREATE DATABASE ${name}${from}`));
  return {
    url: urlOf(name),
    drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}
