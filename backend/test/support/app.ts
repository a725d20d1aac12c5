import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig, type AppConfig } from '../../src/config/app-config.js';
import { createApp } from '../../src/create-app.js';
import { openDatabase, type Database } from '../../src/database/database.js';
import { HttpClient } from './http.js';

export interface TestApp {
  app: NestFastifyApplication;
  db: Database;
  config: AppConfig;
  http: HttpClient;
  baseUrl: string;
  close(): Promise<void>;
}

/** True when the suite runs against the real PostgreSQL server (CI), false on embedded PGlite. */
export const onRealPostgres = () => Boolean(process.env.CC_TEST_DB_URL);

/**
 * The whole backend on a real socket: real PostgreSQL when CC_TEST_DATABASE_URL is set
 * (the database global-setup made), else an in-memory embedded PostgreSQL for this file.
 */
export async function startApp(env: Record<string, string> = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cc-test-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    CC_WORKER: '0',
    CC_DATA_DIR: dataDir,
    CC_RATE_LIMIT_ANONYMOUS_PER_MINUTE: '100000',
    CC_RATE_LIMIT_PER_SECOND: '100000',
    CC_PLATFORM_ADMIN_TOKEN: 'platform-token-for-tests-0123456789',
    PUBLIC_URL: 'http://localhost:3999',
    ...(process.env.CC_TEST_DB_URL ? { DATABASE_URL: process.env.CC_TEST_DB_URL } : {}),
    ...env,
  });
  const db = await openDatabase(config, { inMemory: true });
  const app = await createApp(config, db, { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address() as { port: number };
  const baseUrl = `http://127.0.0.1:${address.port}`;
  return {
    app, db, config, baseUrl,
    http: new HttpClient(baseUrl),
    close: async () => {
      await app.close();
      await db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
