import pg from 'pg';

/**
 * With CC_TEST_DATABASE_URL (a PostgreSQL server URL), the suite runs against a fresh,
 * uniquely named database created here and dropped in global-teardown; without it, every
 * test file runs on its own in-memory embedded PostgreSQL (PGlite).
 */
export default async function globalSetup(): Promise<void> {
  const server = process.env.CC_TEST_DATABASE_URL;
  if (!server) return;
  const name = `cc_test_${process.pid}_${Date.now().toString(36)}`;
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  process.env.CC_TEST_DB_NAME = name;
  process.env.CC_TEST_DB_URL = url.toString();
  console.log(`\nbackend tests: PostgreSQL database ${name}`);
}
