import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig, type AppConfig } from '../../src/config/app-config.js';
import { createApp, type CreateAppOptions } from '../../src/create-app.js';
import { openDatabase, type Database } from '../../src/database/database.js';
import { openMigratedEmbedded } from './embedded-template.js';
import { HttpClient } from './http.js';
import { scratchDatabase } from './postgres.js';

export interface TestApp {
  app: NestFastifyApplication;
  db: Database;
  config: AppConfig;
  http: HttpClient;
  baseUrl: string;
  close(): Promise<void>;
}

/** What a production start requires (api.md: the env var table), for `startApp({ ...PRODUCTION_ENV })`. */
export const PRODUCTION_ENV: Record<string, string> = {
  NODE_ENV: 'production',
  CC_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
  SMTP_URL: 'smtp://127.0.0.1:2525',
  CC_ALLOW_EMBEDDED_DB: '1',
};

/**
 * The whole backend on a real socket: with CC_TEST_DATABASE_URL, on a fresh database of that
 * PostgreSQL server (dropped on close); else on an in-memory embedded PostgreSQL. Either way
 * each app has a database of its own, so workers in one test file never see another's rows, and
 * it starts as a copy of the run's migrated one (a template database, a PGlite dump): the app's
 * own migration run finds nothing pending.
 */
export async function startApp(env: Record<string, string> = {}, options: CreateAppOptions = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cc-test-'));
  const scratch =
    process.env.CC_TEST_DATABASE_URL && !env.DATABASE_URL ? await scratchDatabase('cc_test', { migrated: true }) : null;
  const config = loadConfig({
    NODE_ENV: 'test',
    CC_WORKER: '0',
    CC_DATA_DIR: dataDir,
    CC_RATE_LIMIT_ANONYMOUS_PER_MINUTE: '100000',
    CC_RATE_LIMIT_PER_SECOND: '100000',
    // Test receivers listen on 127.0.0.1; the blocklist itself is tested with this at 0.
    CC_WEBHOOKS_ALLOW_PRIVATE: '1',
    CC_PLATFORM_ADMIN_TOKEN: 'platform-token-for-tests-0123456789',
    PUBLIC_URL: 'http://localhost:3999',
    ...(scratch ? { DATABASE_URL: scratch.url.toString() } : {}),
    ...env,
  });
  const db = config.embedded ? await openMigratedEmbedded(config) : await openDatabase(config);
  const app = await createApp(config, db, { logger: false, ...options });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address() as { port: number };
  const baseUrl = `http://127.0.0.1:${address.port}`;
  return {
    app,
    db,
    config,
    baseUrl,
    http: new HttpClient(baseUrl),
    close: async () => {
      await app.close();
      await db.close();
      await scratch?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Two backend instances on one fresh database of the real PostgreSQL server (as production
 * runs several stateless instances): for the tests of what must happen exactly once.
 */
export async function twoInstances(
  prefix: string,
  env: Record<string, string> = {},
): Promise<{ a: TestApp; b: TestApp; close(): Promise<void> }> {
  const scratch = await scratchDatabase(prefix, { migrated: true });
  const started: TestApp[] = [];
  const close = async () => {
    for (const app of started) await app.close();
    await scratch.drop();
  };
  try {
    started.push(await startApp({ ...env, DATABASE_URL: scratch.url.toString() }));
    started.push(await startApp({ ...env, DATABASE_URL: scratch.url.toString() }));
  } catch (err) {
    await close();
    throw err;
  }
  return { a: started[0]!, b: started[1]!, close };
}
