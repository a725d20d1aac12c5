import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { startApp, type TestApp } from './support/app.js';

/**
 * The schema is keyed to be distributed by merchant (Citus-style, see docs/scaling.md): `merchant_id`
 * leads every tenant table's primary key and every foreign key between tenant tables. Only the
 * reference tables below (replicated whole to every node) have no merchant.
 */
/**
 * Tables that belong to no merchant: the merchants themselves, platform policy, migrations, the SDK
 * releases every merchant's pages load, failed-login counts (kept per account e-mail, before any
 * merchant is known) and the payment simulator's own ledger (it stands for the processor's side).
 * docs/scaling.md lists them as reference tables.
 */
const REFERENCE_TABLES = [
  'merchants',
  'underwriting_policies',
  'migrations',
  'sdk_releases',
  'sdk_release_files',
  'login_failures',
  'simulated_charges',
];

/**
 * Unique indexes that do not contain merchant_id: global lookups (log-in by e-mail, a token to its
 * merchant). A distributed table cannot enforce them; docs/scaling.md says how each moves to a lookup
 * table before the Citus step. Add nothing here without a row there.
 */
const GLOBAL_LOOKUPS = [
  'users_email_key',
  'api_keys_token_hash_key',
  'api_keys_publishable_key_key',
  'sessions_token_hash_key',
  'password_resets_token_hash_key',
  'wallet_links_token_hash_key',
];

/** Every breach of the rule in the connected database, each a sentence naming the table and the fix. */
async function distributionProblems(db: DataSource): Promise<string[]> {
  const problems: string[] = [];
  const tables: { table: string; merchant_not_null: boolean | null; pk_first: string | null; pk: string | null }[] =
    await db.query(`
      SELECT c.relname AS table,
             (SELECT a.attnotnull FROM pg_attribute a
               WHERE a.attrelid = c.oid AND a.attname = 'merchant_id' AND NOT a.attisdropped) AS merchant_not_null,
             (SELECT a.attname FROM pg_constraint k JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1]
               WHERE k.conrelid = c.oid AND k.contype = 'p') AS pk_first,
             (SELECT pg_get_constraintdef(k.oid) FROM pg_constraint k WHERE k.conrelid = c.oid AND k.contype = 'p') AS pk
        FROM pg_class c
       WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')
       ORDER BY c.relname`);
  const reference = new Set(REFERENCE_TABLES);
  for (const t of tables) {
    if (reference.has(t.table)) continue;
    const where = `table "${t.table}" (a tenant table: not in REFERENCE_TABLES of backend/test/distribution-keys.test.ts)`;
    if (t.merchant_not_null !== true)
      problems.push(`${where} needs a column "merchant_id text NOT NULL REFERENCES merchants(id)"`);
    if (t.pk_first !== 'merchant_id')
      problems.push(
        `${where} has ${t.pk ?? 'no primary key'}: make it PRIMARY KEY (merchant_id, ...) in a new migration` +
          ' (ids stay globally unique; the entity lists merchantId as a @PrimaryColumn)',
      );
  }
  const fks: { name: string; table: string; ref: string; first: string; ref_first: string; def: string }[] =
    await db.query(`
      SELECT k.conname AS name, c.relname AS table, r.relname AS ref, a.attname AS first, ra.attname AS ref_first,
             pg_get_constraintdef(k.oid) AS def
        FROM pg_constraint k
        JOIN pg_class c ON c.oid = k.conrelid
        JOIN pg_class r ON r.oid = k.confrelid
        JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1]
        JOIN pg_attribute ra ON ra.attrelid = k.confrelid AND ra.attnum = k.confkey[1]
       WHERE k.contype = 'f' AND c.relnamespace = current_schema()::regnamespace
       ORDER BY c.relname, k.conname`);
  for (const fk of fks) {
    if (reference.has(fk.ref)) continue;
    if (reference.has(fk.table))
      problems.push(`reference table "${fk.table}" has ${fk.name} (${fk.def}) into tenant table "${fk.ref}": drop it`);
    else if (fk.first !== 'merchant_id' || fk.ref_first !== 'merchant_id')
      problems.push(
        `table "${fk.table}" has foreign key ${fk.name} (${fk.def}): make it ` +
          `FOREIGN KEY (merchant_id, ...) REFERENCES ${fk.ref} (merchant_id, ...)`,
      );
  }
  const uniques: { name: string; table: string; def: string; has_merchant: boolean }[] = await db.query(`
      SELECT i.relname AS name, c.relname AS table, pg_get_indexdef(x.indexrelid) AS def,
             EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'merchant_id'
                        AND a.attnum = ANY (string_to_array(x.indkey::text, ' ')::int2[])) AS has_merchant
        FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class c ON c.oid = x.indrelid
       WHERE x.indisunique AND NOT x.indisprimary AND c.relnamespace = current_schema()::regnamespace
       ORDER BY c.relname, i.relname`);
  const lookups = new Set(GLOBAL_LOOKUPS);
  for (const u of uniques) {
    if (reference.has(u.table) || u.has_merchant || lookups.has(u.name)) continue;
    problems.push(
      `table "${u.table}" has unique index ${u.name} without merchant_id (${u.def}): add merchant_id to it ` +
        '(a distributed table can only enforce uniqueness within one merchant)',
    );
  }
  return problems;
}

describe('distribution keys (every tenant table is keyed by merchant)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(async () => t?.close());

  it('finds no table, foreign key or unique index that breaks the rule', async () => {
    expect(await distributionProblems(t.db.dataSource)).toEqual([]);
  });

  it('lists only tables that exist, so the lists cannot go stale', async () => {
    const rows: { relname: string }[] = await t.db.dataSource.query(
      `SELECT relname FROM pg_class WHERE relnamespace = current_schema()::regnamespace AND relname = ANY ($1)`,
      [[...REFERENCE_TABLES, ...GLOBAL_LOOKUPS]],
    );
    expect(rows.map((r) => r.relname).sort()).toEqual([...REFERENCE_TABLES, ...GLOBAL_LOOKUPS].sort());
  });

  it('names a table that breaks the rule, and says what to fix', async () => {
    const q = t.db.dataSource;
    await q.query(
      `CREATE TABLE example_attempts (id text PRIMARY KEY, merchant_id text NOT NULL, invoice_number text)`,
    );
    await q.query(`CREATE TABLE example_notes (merchant_id text NOT NULL, id text NOT NULL, attempt_id text NOT NULL,
                     PRIMARY KEY (merchant_id, id), CONSTRAINT example_notes_attempt_fk FOREIGN KEY (attempt_id) REFERENCES example_attempts (id))`);
    await q.query(`CREATE UNIQUE INDEX example_attempts_number_key ON example_attempts (invoice_number)`);
    try {
      const problems = await distributionProblems(q);
      expect(problems).toEqual([
        expect.stringMatching(
          /^table "example_attempts" .* has PRIMARY KEY \(id\): make it PRIMARY KEY \(merchant_id, \.\.\.\)/,
        ),
        expect.stringMatching(
          /^table "example_notes" has foreign key example_notes_attempt_fk .*: make it FOREIGN KEY \(merchant_id, \.\.\.\) REFERENCES example_attempts \(merchant_id, \.\.\.\)$/,
        ),
        expect.stringMatching(
          /^table "example_attempts" has unique index example_attempts_number_key without merchant_id/,
        ),
      ]);
    } finally {
      await q.query('DROP TABLE example_notes, example_attempts');
    }
  });
});
