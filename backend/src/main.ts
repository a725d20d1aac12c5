import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { isClusterWorker, isFirstWorker, processCount, runPrimary } from './cluster.js';
import { ConfigError, loadConfig } from './config/app-config.js';
import type { Database } from './database/database.js';
import { EmbeddedDatabaseInUseError } from './database/embedded-lock.js';

const STARTUP_ATTEMPTS = 10;

async function connect(config: ReturnType<typeof loadConfig>): Promise<Database> {
  const { openDatabase } = await import('./database/database.js');
  for (let attempt = 1; ; attempt++) {
    try {
      return await openDatabase(config);
    } catch (err) {
      if (err instanceof EmbeddedDatabaseInUseError || config.embedded || attempt >= STARTUP_ATTEMPTS) throw err;
      console.error(
        `Database not reachable (${(err as Error).message}); retrying in 3 s (${attempt}/${STARTUP_ATTEMPTS})…`,
      );
      await new Promise((r) => setTimeout(r, 3000));
    }
  }
}

async function main(): Promise<void> {
  const config = loadConfig();
  if (!isClusterWorker()) {
    const { count, note } = processCount(config);
    if (note) console.error(note);
    if (count > 1) {
      const kind = config.embedded ? 'embedded' : 'postgres';
      runPrimary(
        count,
        (n) => `CustomerConnect API listening on ${config.publicUrl} (${kind} database, ${n} processes)`,
      );
      return;
    }
  }
  // The app's modules (Nest, TypeORM, Fastify, every domain module) load only here: a cluster's
  // primary above forks and supervises, and never pays for them.
  // They load while the database opens (PGlite compiles its WebAssembly and reads its files off
  // the main thread): the two waits overlap instead of adding up.
  const phases = new StartupPhases();
  const modules = Promise.all([import('./create-app.js'), import('./seed/demo-merchant.js')]);
  modules.catch(() => undefined); // awaited below; a failure surfaces there
  const db = await connect(config);
  phases.done('database');
  const [{ createApp }, { DEMO_MERCHANT, seedDemoMerchant }] = await modules;
  phases.done('modules');
  const demo = { publishableKey: '' };
  const app = await createApp(config, db, { demo });
  phases.done('app');
  if (config.seedDemo) {
    const seed = await seedDemoMerchant(app, config);
    demo.publishableKey = seed.publishableKey;
    phases.done('seed');
    if (isFirstWorker()) printBanner(config.publicUrl, seed.publishableKey, seed.secretKey, db.kind, DEMO_MERCHANT);
  }
  await app.listen({ port: config.PORT, host: '0.0.0.0' });
  phases.done('listen');
  new Logger('Startup').log(phases.summary());
  if (!config.seedDemo && !isClusterWorker())
    console.log(`CustomerConnect API listening on ${config.publicUrl} (${db.kind} database)`);
  let stopping: Promise<void> | undefined;
  // Once, whichever signal comes first (in a cluster, Ctrl-C reaches a worker twice: its own
  // SIGINT and the primary's SIGTERM).
  const stop = () =>
    (stopping ??= (async () => {
      await app.close();
      await db.close();
      process.exit(0);
    })());
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/**
 * Where a start's seconds go, logged once it listens (`bench/lib/startup.mjs` reads the line):
 * `node` = the process's own start and main.ts's few imports, then each phase since the last.
 */
class StartupPhases {
  private readonly seconds: Record<string, number> = { node: process.uptime() };
  private last = process.uptime();

  done(phase: string): void {
    const now = process.uptime();
    this.seconds[phase] = now - this.last;
    this.last = now;
  }

  summary(): { msg: string; totalSeconds: number; phaseSeconds: Record<string, number> } {
    const round = (n: number) => Math.round(n * 1000) / 1000;
    const phaseSeconds = Object.fromEntries(Object.entries(this.seconds).map(([k, v]) => [k, round(v)]));
    return { msg: 'started', totalSeconds: round(this.last), phaseSeconds };
  }
}

function printBanner(
  url: string,
  pk: string,
  sk: string | undefined,
  kind: string,
  merchant: { name: string; adminEmail: string; adminPassword: string },
): void {
  const lines = [
    '',
    `  CustomerConnect is running on the ${kind} database.`,
    '',
    `  Open the demo merchant's site:   ${url}/`,
    `  API reference (Swagger UI):      ${url}/docs`,
    '',
    `  Demo merchant:     ${merchant.name}`,
    `  Dashboard login:   ${merchant.adminEmail} / ${merchant.adminPassword}`,
    `  Publishable key:   ${pk}`,
    sk
      ? `  Secret key:        ${sk}   (shown this once; keep it)`
      : '  Secret key:        shown once when first seeded; create another with POST /v1/api-keys',
    '',
  ];
  console.log(lines.join('\n'));
}

main().catch((err) => {
  if (err instanceof ConfigError || err instanceof EmbeddedDatabaseInUseError) {
    console.error(`\n${err.message}\n`);
  } else {
    console.error('CustomerConnect could not start:', err);
  }
  process.exit(1);
});
