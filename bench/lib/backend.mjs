// Starts the BUILT backend for every bench part (API, payments, wallet, soak) as it is deployed: its
// own process, started with the production command (`node --enable-source-maps backend/dist/main.js`,
// = `npm start -w @customerconnect/backend`), NODE_ENV=production, its JSON logger on (written to a
// file, as a deployment would ship it), the background worker on, CC_WORKERS processes (default: the
// number of cores; PGlite: 1). Its database: a throwaway PostgreSQL database, or PGlite in a temporary
// data directory. Also the fixtures the customer-side benches share.
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { openSync, closeSync, readFileSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createPostgresDatabase, http, redact } from './common.mjs';

const TICKS = 100; // USER_HZ: /proc times are in 1/100 s on Linux

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** The pid and every descendant's (the cluster's primary and its workers). */
function processTree(pid) {
  const out = [pid];
  for (let i = 0; i < out.length; i++) {
    try {
      for (const task of readdirSync(`/proc/${out[i]}/task`)) {
        const kids = readFileSync(`/proc/${out[i]}/task/${task}/children`, 'utf8').trim();
        if (kids) out.push(...kids.split(/\s+/).map(Number));
      }
    } catch {
      /* gone */
    }
  }
  return out;
}

/** CPU seconds (user + system) and resident memory of the whole process tree (Linux /proc). */
export function processUsage(pid) {
  let cpuSeconds = 0;
  let rssBytes = 0;
  const pids = processTree(pid);
  for (const p of pids) {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      cpuSeconds += (Number(f[11]) + Number(f[12])) / TICKS; // utime, stime
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, 'utf8'));
      if (rss) rssBytes += Number(rss[1]) * 1024;
    } catch {
      /* gone */
    }
  }
  return { cpuSeconds, rssBytes, processes: pids.length };
}

/**
 * The environment the bench gives the backend (and nothing of its own): production, a fresh
 * encryption key, limits the load cannot hit, the data directory, PostgreSQL or the embedded
 * database (which production takes only as a single-machine install, CC_ALLOW_EMBEDDED_DB=1).
 */
export function productionEnv({ port, dataDir, databaseUrl, workers, extraEnv = {} }) {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    PORT: String(port),
    PUBLIC_URL: `http://localhost:${port}`,
    CC_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    CC_RATE_LIMIT_PER_SECOND: '1000000',
    CC_RATE_LIMIT_ANONYMOUS_PER_MINUTE: '1000000',
    CC_DATA_DIR: dataDir,
    CC_SEED_DEMO: '0',
    // Production requires a mail server; nothing listens here, so the outbox's mails fail and are retried.
    SMTP_URL: 'smtp://127.0.0.1:9',
    ...(workers ? { CC_WORKERS: String(workers) } : {}),
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { CC_ALLOW_EMBEDDED_DB: '1' }),
    ...extraEnv,
  };
}

/** `nodeArgs`: extra node flags before main.js (e.g. `--cpu-prof`, which NODE_OPTIONS refuses). */
export async function startBackend(root, { databaseUrl, log, workers, env: extraEnv = {}, nodeArgs = [] }) {
  const dist = join(root, 'backend', 'dist');
  const { newId } = await import(pathToFileURL(join(dist, 'platform', 'ids', 'ids.js')).href);
  // A plain SHA-256 is still accepted for a stored token (re-keyed under CC_ENCRYPTION_KEY on first use).
  const hashToken = (token) => createHash('sha256').update(token).digest('hex');

  const dataDir = await mkdtemp(join(tmpdir(), 'cc-bench-data-'));
  const logFile = join(dataDir, 'backend.log');
  let pgDatabase, pool, child;
  const close = async () => {
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    }
    if (pool) await pool.end().catch((err) => log(`closing the pool: ${err.message}`));
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
      const { default: pg } = await import('pg');
      pool = new pg.Pool({ connectionString: pgDatabase.url, max: 2 });
      database = {
        kind: 'postgres',
        serverVersion: pgDatabase.serverVersion,
        description: `PostgreSQL ${pgDatabase.serverVersion} (${redact(databaseUrl)}, throwaway database ${pgDatabase.name})`,
      };
    } else {
      database = { kind: 'embedded', description: 'PGlite (embedded, on disk in a temporary data directory)' };
    }
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const env = productionEnv({ port, dataDir, databaseUrl: pgDatabase?.url, workers, extraEnv });
    const out = openSync(logFile, 'a');
    const t0 = Date.now();
    // Profiling only (BENCH_NODE_ARGS, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`): node:cluster's workers inherit these flags.
    const flags = [...nodeArgs, ...(process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean)];
    child = spawn(process.execPath, ['--enable-source-maps', ...flags, join(dist, 'main.js')], {
      cwd: join(root, 'backend'),
      env,
      stdio: ['ignore', out, out],
    });
    closeSync(out);
    const deadline = Date.now() + 180_000;
    for (;;) {
      if (child.exitCode !== null)
        throw new Error(`the backend exited ${child.exitCode}:\n${readFileSync(logFile, 'utf8').slice(-2000)}`);
      if (Date.now() > deadline)
        throw new Error(`the backend was not ready in 180 s:\n${readFileSync(logFile, 'utf8').slice(-2000)}`);
      const ok = await fetch(`${base}/ready`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok && (!workers || workers === 1 || /processes\)/.test(readFileSync(logFile, 'utf8')))) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const usage = processUsage(child.pid);
    database.processes = usage.processes > 1 ? usage.processes - 1 : 1;
    log(
      `database: ${database.description}; backend ready in ${((Date.now() - t0) / 1000).toFixed(1)} s, ${database.processes} serving process(es), log ${logFile}`,
    );
    const sql = pool
      ? async (text, params) => (await pool.query(text, params)).rows
      : async () => {
          throw new Error('SQL fixtures need PostgreSQL (BENCH_PAY_DATABASE_URL)');
        };
    return {
      base,
      /** PUBLIC_URL: the origin the API takes a same-origin page's requests to come from. */
      publicUrl: env.PUBLIC_URL,
      sql,
      database,
      pgDatabase,
      newId,
      close,
      logFile,
      pid: child.pid,
      usage: () => processUsage(child.pid),
      /** A customer session written straight into the sessions table (as SessionsService issues one). */
      customerSession: async (merchantId, contactId) => {
        const token = `cs_${randomBytes(32).toString('base64url')}`;
        await sql(
          `INSERT INTO sessions (merchant_id, id, kind, token_hash, user_id, contact_id, expires_at, idle_seconds, created_at, revoked_at)
           VALUES ($1, $2, 'customer', $3, NULL, $4, now() + interval '1 hour', 3600, now(), NULL)`,
          [merchantId, newId('ses'), hashToken(token), contactId],
        );
        return token;
      },
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
  return { merchantId: res.json.merchant.id, secretKey: res.json.secretKey, publishableKey: res.json.publishableKey };
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

/**
 * An approved payment request of `amount` (minimumPercent 1) made over HTTP, and `size` clones of
 * it written by SQL (columns read from the catalog, new ids, nothing paid): payments' targets.
 */
export async function approvedPaymentRequests(backend, merchant, customer, { amount, size }) {
  const { base, sql } = backend;
  const template = await http(base, 'POST', '/v1/payment-requests', {
    token: merchant.secretKey,
    body: { contactId: customer.contactId, amount, minimumPercent: 1, memo: 'bench' },
  });
  await http(base, 'POST', `/v1/customer/payment-requests/${template.json.id}/approve`, {
    token: customer.session,
    body: {},
  });
  const cols = (
    await sql(
      `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'payment_requests' ORDER BY ordinal_position`,
    )
  ).map((r) => r.column_name);
  const ids = Array.from({ length: size }, () => backend.newId('pr'));
  const list = cols.map((c) => `"${c}"`).join(', ');
  const select = cols
    .map((c) => (c === 'id' ? 'x.id' : c === 'paid_amount' ? '0' : c === 'status' ? `'approved'` : `p."${c}"`))
    .join(', ');
  await sql(
    `INSERT INTO payment_requests (${list}) SELECT ${select} FROM payment_requests p, unnest($3::text[]) AS x(id) WHERE p.merchant_id = $1 AND p.id = $2`,
    [merchant.merchantId, template.json.id, ids],
  );
  return { template: template.json.id, ids };
}
