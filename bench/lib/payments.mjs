// Payments per second through POST /v1/customer/payment-requests/:id/payments on PostgreSQL,
// side by side with pgbench's built-in TPC-B-like script on the same server, in alternating
// rounds of the same run. Two payment workloads:
//   spread     consecutive payments go to different payment requests (no shared row)
//   one row    every connection pays the same request (its row lock serializes them)
// Fixtures: one verified contact with a card, one approved request of 1,000,000,000 minor units
// with minimumPercent 1 made over HTTP, cloned by SQL into a pool; each payment is 1 %
// (10,000,000), so a request takes exactly 100 payments.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { Worker } from 'node:worker_threads';
import { summarize } from './common.mjs';
import { approvedPaymentRequests, signUp, startBackend, verifiedContactWithCard } from './backend.mjs';

const run = promisify(execFile);
const WORKER = new URL('./payment-load-worker.mjs', import.meta.url);
const REQUEST_AMOUNT = 1_000_000_000;
const PAYMENT_AMOUNT = REQUEST_AMOUNT / 100;
const PER_TARGET = 100;

export function findPgbench() {
  for (const p of ['/usr/lib/postgresql/15/bin/pgbench']) if (existsSync(p)) return p;
  for (const dir of (process.env.PATH ?? '').split(':'))
    if (dir && existsSync(`${dir}/pgbench`)) return `${dir}/pgbench`;
  return null;
}

/** True when a client can connect (and the reason when not). */
export async function reachable(url) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return { ok: true };
  } catch (err) {
    return { ok: false, reason: err.message || String(err) };
  } finally {
    await client.end().catch(() => undefined);
  }
}

function payLoad(workerData) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { workerData });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) =>
      code === 0 ? undefined : reject(new Error(`payment load worker exited with ${code}`)),
    );
  });
}

async function pgbenchDatabase(serverUrl, pgbench, scale, log) {
  const { default: pg } = await import('pg');
  const name = `cc_pgbench_${Date.now()}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  log(`pgbench -i -s ${scale} on throwaway database ${name}`);
  await run(pgbench, ['-i', '-s', String(scale), '-q', url.toString()], { maxBuffer: 1 << 24 });
  return {
    name,
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

async function pgbenchRound(pgbench, url, { clients, threads, seconds }) {
  const { stdout } = await run(pgbench, ['-c', String(clients), '-j', String(threads), '-T', String(seconds), url], {
    maxBuffer: 1 << 24,
  });
  const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(stdout) ?? /tps = ([\d.]+)/.exec(stdout);
  const tx = /number of transactions actually processed: (\d+)/.exec(stdout);
  const lat = /latency average = ([\d.]+) ms/.exec(stdout);
  if (!tps) throw new Error(`could not read tps from pgbench's output:\n${stdout}`);
  return {
    tps: Number(tps[1]),
    transactions: tx ? Number(tx[1]) : null,
    latencyAverageMs: lat ? Number(lat[1]) : null,
    seconds,
  };
}

/**
 * Transactions committed or rolled back in the app's database so far (the server's statistics;
 * flushed by each backend within a second, so read after a pause).
 */
async function transactions(sql) {
  await new Promise((r) => setTimeout(r, 1500));
  const [row] = await sql(
    `SELECT pg_stat_clear_snapshot(), (SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database())::bigint AS n`,
  );
  return Number(row.n);
}

/** Row counts of every table of the app's database (exact, unlike the lagging statistics views). */
async function rowCounts(sql) {
  const tables = await sql(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`);
  const counts = {};
  for (const { tablename } of tables)
    counts[tablename] = Number((await sql(`SELECT count(*)::int AS n FROM "${tablename}"`))[0].n);
  return counts;
}

export async function measurePayments(
  root,
  {
    databaseUrl,
    pgbench,
    connections,
    pgbenchClients,
    pgbenchThreads,
    pgbenchScale,
    workers,
    warmupSeconds,
    durationSeconds,
    rounds,
    poolSize,
    group,
    log,
  },
) {
  const backend = await startBackend(root, { databaseUrl, log, workers });
  let pgb;
  try {
    const { base, sql } = backend;
    const merchant = await signUp(base);
    const customer = await verifiedContactWithCard(backend, merchant);
    const { template, ids } = await approvedPaymentRequests(backend, merchant, customer, {
      amount: REQUEST_AMOUNT,
      size: poolSize,
    });
    // One payment over plain fetch first: proves the route answers 201 for this body.
    const probe = await fetch(`${base}/v1/customer/payment-requests/${template}/payments`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${customer.session}`,
        'content-type': 'application/json',
        'idempotency-key': 'bench-probe',
      },
      body: JSON.stringify({ amount: PAYMENT_AMOUNT, paymentMethodId: customer.paymentMethodId }),
    });
    if (probe.status !== 201)
      throw new Error(`probe payment answered ${probe.status}: ${(await probe.text()).slice(0, 300)}`);
    await probe.arrayBuffer().catch(() => undefined);

    log(
      `payments: merchant ${merchant.merchantId}, contact ${customer.contactId}, ${poolSize} approved requests of ${REQUEST_AMOUNT} (minimum 1 %), payments of ${PAYMENT_AMOUNT}`,
    );

    pgb = await pgbenchDatabase(databaseUrl, pgbench, pgbenchScale, log);

    const keyPrefix = `bench-${Date.now()}`;
    let offset = 0; // the first request no run has touched yet
    let keys = 0;
    const common = {
      base,
      token: customer.session,
      paymentMethodId: customer.paymentMethodId,
      perTarget: PER_TARGET,
      amount: PAYMENT_AMOUNT,
      connections,
    };
    // Each run pays fresh requests only: its own slice of the pool, slots counted from 0.
    const cpu = { spread: 0, oneRow: 0 };
    const pay = async (g, seconds, into) => {
      const c0 = backend.usage().cpuSeconds;
      const r = await payLoad({
        ...common,
        group: g,
        targets: ids.slice(offset),
        start: 0,
        keyPrefix: `${keyPrefix}-${keys++}`,
        duration: seconds,
      });
      if (r.exhausted)
        throw new Error(`payments: the pool of ${poolSize} payment requests ran out; raise BENCH_PAY_POOL`);
      offset += g * Math.ceil(r.next / (g * PER_TARGET));
      if (into) cpu[into] += backend.usage().cpuSeconds - c0;
      return r.raw;
    };

    log(`payments: warm-up ${warmupSeconds} s (spread), ${connections} connections`);
    await pay(group, warmupSeconds);
    const before = await rowCounts(sql);
    const transactionsBefore = await transactions(sql);
    const roundSeconds = Math.max(1, Math.round(durationSeconds / rounds));
    const raws = { spread: [], oneRow: [] };
    const pgbenchRounds = [];
    const steps = [
      [
        'pgbench',
        async () =>
          pgbenchRounds.push(
            await pgbenchRound(pgbench, pgb.url, {
              clients: pgbenchClients,
              threads: pgbenchThreads,
              seconds: roundSeconds,
            }),
          ),
      ],
      ['spread', async () => raws.spread.push(await pay(group, roundSeconds, 'spread'))],
      ['oneRow', async () => raws.oneRow.push(await pay(1, roundSeconds, 'oneRow'))],
    ];
    log(
      `measuring ${rounds} rounds of ${roundSeconds} s: pgbench -c ${pgbenchClients} -j ${pgbenchThreads}, payments spread over ${group} requests, payments on one request (order alternating)`,
    );
    for (let round = 0; round < rounds; round++) {
      for (const [name, step] of round % 2 ? [...steps].reverse() : steps) {
        await step();
        log(`  round ${round + 1} ${name} done`);
      }
    }
    const transactionsDuring = (await transactions(sql)) - transactionsBefore;
    const after = await rowCounts(sql);

    const results = {};
    for (const name of ['spread', 'oneRow']) {
      const r = summarize(raws[name], { url: base, connections, duration: roundSeconds * rounds });
      if (r.non2xx || r.errors || r.timeouts) {
        throw new Error(
          `payments (${name}): ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts (status codes ${JSON.stringify(r.statusCodes)})`,
        );
      }
      // The backend's processes' CPU (all of them) per second of this workload: CPUs kept busy.
      r.serverCpus = Math.round((cpu[name] / (roundSeconds * rounds)) * 100) / 100;
      results[name] = r;
    }
    // Per payment written (the payments table's growth): includes payments whose answer a
    // round's end cut off, which autocannon does not count but the server committed.
    const written = after.payments - before.payments;
    const rowsPerPayment = {};
    for (const [table, n] of Object.entries(after)) {
      const d = n - (before[table] ?? 0);
      if (d) rowsPerPayment[table] = Math.round((d / written) * 100) / 100;
    }
    const pgSeconds = pgbenchRounds.reduce((s, r) => s + r.seconds, 0);
    const pgTps = pgbenchRounds.every((r) => r.transactions != null)
      ? pgbenchRounds.reduce((s, r) => s + r.transactions, 0) / pgSeconds
      : pgbenchRounds.reduce((s, r) => s + r.tps, 0) / pgbenchRounds.length;
    const pgbenchResult = {
      command: `pgbench -c ${pgbenchClients} -j ${pgbenchThreads} -T ${roundSeconds} (×${rounds}) after pgbench -i -s ${pgbenchScale}`,
      scale: pgbenchScale,
      tps: pgTps,
      roundsTps: pgbenchRounds.map((r) => Math.round(r.tps)),
      latencyAverageMs: pgbenchRounds.map((r) => r.latencyAverageMs),
    };
    return {
      database: backend.database,
      settings: {
        connections,
        pgbenchClients,
        pgbenchThreads,
        pgbenchScale,
        serverProcesses: backend.database.processes,
        warmupSeconds,
        roundSeconds,
        rounds,
        poolSize,
        group,
        requestAmount: REQUEST_AMOUNT,
        paymentAmount: PAYMENT_AMOUNT,
        paymentsPerRequest: PER_TARGET,
      },
      spread: { label: `POST …/payments, spread over ${group} requests`, ...results.spread },
      oneRow: { label: 'POST …/payments, all on one request', ...results.oneRow },
      pgbench: pgbenchResult,
      rowsWrittenPerPayment: rowsPerPayment,
      perPayment: {
        paymentsWritten: written,
        // Transactions of the app's database (pgbench has its own database; the bench's few
        // fixture queries are included) per payment written.
        databaseTransactions: Math.round((transactionsDuring / written) * 10) / 10,
        // The backend's CPU (every process of it; not the load generator, not PostgreSQL) per payment.
        serverCpuMsPerPayment: Math.round((((cpu.spread + cpu.oneRow) * 1000) / written) * 100) / 100,
      },
      ratio: {
        spreadOverPgbench: results.spread.requestsPerSecond / pgTps,
        oneRowOverPgbench: results.oneRow.requestsPerSecond / pgTps,
        oneRowOverSpread: results.oneRow.requestsPerSecond / results.spread.requestsPerSecond,
      },
      targetMet: results.spread.requestsPerSecond / pgTps >= 0.5,
    };
  } finally {
    if (pgb)
      await pgb.drop().then(
        () => log(`dropped ${pgb.name}`),
        (err) => log(`could not drop ${pgb.name}: ${err.message}`),
      );
    await backend.close();
  }
}
