import 'reflect-metadata';
import { isClusterWorker, isFirstWorker, processCount, runPrimary } from './cluster.js';
import { ConfigError, loadConfig } from './config/app-config.js';
import { createApp } from './create-app.js';
import { openDatabase, type Database } from './database/database.js';
import { EmbeddedDatabaseInUseError } from './database/embedded-lock.js';
import { DEMO_MERCHANT, seedDemoMerchant } from './seed/demo-merchant.js';

const STARTUP_ATTEMPTS = 10;

async function connect(config: ReturnType<typeof loadConfig>): Promise<Database> {
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
  const db = await connect(config);
  const demo = { publishableKey: '' };
  const app = await createApp(config, db, { demo });
  if (config.seedDemo) {
    const seed = await seedDemoMerchant(app, config);
    demo.publishableKey = seed.publishableKey;
    if (isFirstWorker()) printBanner(config.publicUrl, seed.publishableKey, seed.secretKey, db.kind);
  }
  await app.listen({ port: config.PORT, host: '0.0.0.0' });
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

function printBanner(url: string, pk: string, sk: string | undefined, kind: string): void {
  const lines = [
    '',
    `  CustomerConnect is running on the ${kind} database.`,
    '',
    `  Open the demo merchant's site:   ${url}/`,
    `  API reference (Swagger UI):      ${url}/docs`,
    '',
    `  Demo merchant:     ${DEMO_MERCHANT.name}`,
    `  Dashboard login:   ${DEMO_MERCHANT.adminEmail} / ${DEMO_MERCHANT.adminPassword}`,
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
