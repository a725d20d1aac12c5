import pg from 'pg';

export default async function globalTeardown(): Promise<void> {
  const server = process.env.CC_TEST_DATABASE_URL;
  const name = process.env.CC_TEST_DB_NAME;
  if (!server || !name) return;
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await client.end();
}
