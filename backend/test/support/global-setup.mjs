import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Once per jest run, before any worker starts (workers inherit these variables): the names of this
 * run's migrated template database on the PostgreSQL server and of its migrated PGlite dump. Both
 * are made by the first worker that needs them (test/support/postgres.ts, embedded-template.ts),
 * so a run that needs neither pays for neither; global-teardown.mjs removes them.
 */
export default function globalSetup() {
  const run = `${process.pid}_${randomBytes(4).toString('hex')}`;
  process.env.CC_TEST_TEMPLATE_DATABASE = `cc_template_${run}`;
  process.env.CC_TEST_PGLITE_DUMP = join(tmpdir(), `cc-test-${run}.pglite.tar`);
}
