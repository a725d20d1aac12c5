import { randomBytes } from 'node:crypto';
import pg from 'pg';

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

/** A fresh, uniquely named database on the real server; `drop()` removes it. */
export async function scratchDatabase(prefix: string): Promise<{ url: URL; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  const url = serverUrl();
  url.pathname = `/${name}`;
  return {
    url,
    drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}
