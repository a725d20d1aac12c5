import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { DataSource, type DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { lockDataDir } from './embedded-lock.js';
import { entities } from './entities.js';
import { migrations } from './migrations/index.js';
import { SnakeNamingStrategy } from './naming-strategy.js';
import { pgliteDriver } from './pglite-driver.js';

export interface Database {
  dataSource: DataSource;
  kind: 'postgres' | 'embedded';
  close(): Promise<void>;
  /** Embedded only: the data directory as a tarball, for `loadDataDir` (tests start from a migrated one). */
  dumpDataDir?(): Promise<Blob>;
}

const common = {
  type: 'postgres' as const,
  entities,
  migrations,
  namingStrategy: new SnakeNamingStrategy(),
  synchronize: false,
};

/** An arbitrary constant: the advisory lock that serialises migrations across instances. */
const MIGRATION_LOCK = 7_316_001;

export interface OpenOptions {
  /** Embedded only: keep the database in memory (throwaway, for tests). */
  inMemory?: boolean;
  /** Embedded only: start from this dump instead of an empty database (fast test setup). */
  loadDataDir?: Blob;
}

/** `DATABASE_URL` → PostgreSQL through `pg`; unset → PGlite under `CC_DATA_DIR`. Runs pending migrations. */
export async function openDatabase(config: AppConfig, options: OpenOptions = {}): Promise<Database> {
  const db = config.DATABASE_URL
    ? await openPostgres(config.DATABASE_URL)
    : await openEmbedded(config.CC_DATA_DIR, options);
  if (db.kind === 'embedded') await db.dataSource.runMigrations({ transaction: 'each' });
  else await migrateExclusively(db.dataSource);
  return db;
}

async function openPostgres(url: string): Promise<Database> {
  const opts: DataSourceOptions = {
    ...common,
    url,
    poolSize: 20,
    connectTimeoutMS: 5000,
    applicationName: 'customerconnect',
  };
  const dataSource = await new DataSource(opts).initialize();
  return { dataSource, kind: 'postgres', close: () => destroy(dataSource) };
}

async function openEmbedded(dir: string, options: OpenOptions): Promise<Database> {
  const unlock = options.inMemory ? () => undefined : lockDataDir(dir);
  try {
    const pglite = await PGlite.create({
      dataDir: options.inMemory ? undefined : join(dir, 'pgdata'),
      loadDataDir: options.loadDataDir,
    });
    const dataSource = await new DataSource({
      ...common,
      driver: pgliteDriver(pglite),
      database: 'postgres',
    }).initialize();
    return {
      dataSource,
      kind: 'embedded',
      dumpDataDir: () => pglite.dumpDataDir('none'),
      close: async () => {
        await destroy(dataSource);
        await pglite.close();
        unlock();
      },
    };
  } catch (err) {
    unlock();
    throw err;
  }
}

/**
 * Runs pending migrations; with several instances starting at once, one migrates and the
 * others wait. (Not for PGlite: its one connection is held by the lock's runner.)
 */
async function migrateExclusively(dataSource: DataSource): Promise<void> {
  const runner = dataSource.createQueryRunner();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
  }
}

/** Idempotent: Nest's TypeORM module may already have closed it on app shutdown. */
async function destroy(dataSource: DataSource): Promise<void> {
  if (dataSource.isInitialized) await dataSource.destroy();
}
