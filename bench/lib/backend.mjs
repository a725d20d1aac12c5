// Starts the BUILT backend in this process (for every bench part: API, payments, wallet) on a throwaway
// PostgreSQL database or PGlite in memory, and the fixtures the customer-side benches share.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createPostgresDatabase, http, redact } from './api.mjs';

export async function startBackend(root, { databaseUrl, log }) {
  const dist = join(root, 'backend', 'dist');
  const built = (...parts) => import(pathToFileURL(join(dist, ...parts)).href);
  const { loadConfig } = await built('config', 'app-config.js');
  const { openDatabase } = await built('database', 'database.js');
  const { createApp } = await built('create-app.js');
  const { SessionsService } = await built('modules', 'auth', 'sessions.service.js');
  const { newId } = await built('common', 'ids.js');

  const dataDir = await mkdtemp(join(tmpdir(), 'cc-bench-data-'));
  let pgDatabase, db, app;
  const close = async () => {
    if (app) await app.close().catch((err) => log(`closing the app: ${err.message}`));
    if (db) await db.close().catch((err) => log(`closing the database: ${err.message}`));
    if (pgDatabase)
      await pgDatabase.drop().then(
        () => log(`dropped ${pgDatabase.name}`),
        (err) => log(`could not drop ${pgDatabase.name}: ${err.message}`),
      );
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    let database;
    if (databaseUrl) {
      pgDatabase = await createPostgresDatabase(databaseUrl);
      database = {
        kind: 'postgres',
        serverVersion: pgDatabase.serverVersion,
        description: `PostgreSQL ${pgDatabase.serverVersion} (${redact(databaseUrl)}, throwaway database ${pgDatabase.name})`,
      };
    } else {
      database = { kind: 'embedded', description: 'PGlite (embedded, in memory, same process)' };
    }
    log(`database: ${database.description}`);
    const config = loadConfig({
      NODE_ENV: 'development',
      CC_WORKER: '0',
      CC_RATE_LIMIT_PER_SECOND: '1000000',
      CC_RATE_LIMIT_ANONYMOUS_PER_MINUTE: '1000000',
      CC_DATA_DIR: dataDir,
      ...(pgDatabase ? { DATABASE_URL: pgDatabase.url } : {}),
    });
    db = await openDatabase(config, { inMemory: true });
    app = await createApp(config, db, { logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.getHttpServer().address();
    const base = `http://127.0.0.1:${port}`;
    const sql = (text, params) => db.dataSource.query(text, params);
    // Every SQL round trip of the app's query runners, START TRANSACTION and COMMIT included.
    const queries = { count: 0 };
    const runner = db.dataSource.createQueryRunner();
    const proto = Object.getPrototypeOf(runner);
    await runner.release();
    if (!proto.__benchCounted) {
      const original = proto.query;
      proto.query = function counted(...args) {
        queries.count++;
        return original.apply(this, args);
      };
      proto.__benchCounted = true;
    }
    return {
      app,
      db,
      base,
      sql,
      queries,
      database,
      pgDatabase,
      newId,
      close,
      customerSession: async (merchantId, contactId) =>
        (await app.get(SessionsService).createCustomerSession(merchantId, contactId)).token,
    };
  } catch (err) {
    await close();
    throw err;
  }
}

let seq = 0;
/** A merchant signed up over HTTP. */
export async function signUp(base) {
  const n = ++seq;
  const res = await http(base, 'POST', '/v1/merchants', {
    body: {
      name: `Bench Billing ${n} Co`,
      adminEmail: `owner${n}@billing.example`,
      adminPassword: 'bench-password-123',
    },
  });
  return { merchantId: res.json.merchant.id, secretKey: res.json.secretKey };
}

/** A verified contact (credit application, credit check) with a customer session and a card. */
export async function verifiedContactWithCard(backend, merchant) {
  const n = ++seq;
  const application = {
    mode: 'credit_check',
    business: {
      legalName: `Bench Fabrication ${n} LLC`,
      taxId: '12-3456789',
      address: { line1: '100 Industrial Way', city: 'Columbus', region: 'OH', postalCode: '43004', country: 'US' },
      yearsInBusiness: 12,
      annualRevenue: 250_000_000,
    },
    applicant: {
      name: 'Jordan Lee',
      email: `ap${n}@bench-customer.example`,
      phone: '+1 614 555 0100',
      title: 'Controller',
    },
    consent: { agreed: true, name: 'Jordan Lee' },
  };
  const res = await http(backend.base, 'POST', '/v1/credit-applications', {
    token: merchant.secretKey,
    body: application,
  });
  const contactId = res.json.contact.id;
  const session = await backend.customerSession(merchant.merchantId, contactId);
  const card = await http(backend.base, 'POST', '/v1/customer/payment-methods', {
    token: session,
    body: { type: 'card', card: { number: '4242424242424242', expMonth: 12, expYear: 2034, cvc: '123' } },
  });
  return { contactId, session, paymentMethodId: card.json.id };
}
