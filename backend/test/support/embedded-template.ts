import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { AppConfig } from '../../src/config/app-config.js';
import { openDatabase, type Database } from '../../src/database/database.js';
import { testRun } from './test-run.js';

let dump: Promise<Blob> | undefined;

/**
 * An in-memory embedded database, started from this jest run's migrated one (a data-directory
 * tarball, `openDatabase`'s `loadDataDir`), so the app's own migration run finds nothing pending.
 * The first worker that needs it migrates its own database as before and writes the dump to a temp
 * file (renamed into place when complete); every later start reads that file instead of running
 * the 18 migrations again (seconds of CPU each). The run's global teardown deletes it.
 */
export async function openMigratedEmbedded(config: AppConfig): Promise<Database> {
  const path = testRun().pgliteDump;
  if (!dump && existsSync(path)) dump = Promise.resolve(new Blob([readFileSync(path)]));
  if (dump) return openDatabase(config, { inMemory: true, loadDataDir: await dump });
  const first = openDatabase(config, { inMemory: true });
  dump = first.then(async (db) => {
    const tarball = await db.dumpDataDir!();
    const partial = `${path}.${process.pid}`;
    writeFileSync(partial, Buffer.from(await tarball.arrayBuffer()));
    renameSync(partial, path);
    return tarball;
  });
  await dump;
  return first;
}
