import { rmSync } from 'node:fs';
import pg from 'pg';

/** The server test/support/postgres.ts creates databases on (its serverUrl). */
const SERVER = process.env.CC_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** After the run: drops the template database (if a worker made one) and deletes the PGlite dump. */
export default async function globalTeardown() {
  const { CC_TEST_TEMPLATE_DATABASE: template, CC_TEST_PGLITE_DUMP: dump } = process.env;
  if (dump) rmSync(dump, { force: true });
  if (!template) return;
  const client = new pg.Client({ connectionString: SERVER });
  try {
    await client.connect();
  } catch {
    return; // no server, so no template on it
  }
  try {
    for (const name of [template, `${template}_building`])
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
