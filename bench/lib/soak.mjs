// npm run bench -- soak: a mixed load on the backend started as deployed (bench/lib/backend.mjs) for
// BENCH_SOAK_MINUTES (default 10): wallet reads (GET /v1/customer/wallet of a contact with 1,000
// invoices), payments (POST …/payments spread over approved requests), invoice writes (POST
// /v1/invoices), and the worker's jobs (CC_JOBS_INTERVAL_MS=1000: the notices and webhooks those
// writes queue are delivered while the load runs). Every interval (BENCH_SOAK_INTERVAL_SECONDS,
// default 60) it prints requests, errors, p50/p99 latency, the backend's RSS (all its processes)
// and CPU, and the outbox still pending; at the end, verdicts against the goals: zero errors, RSS
// growth under 10 % after the warm-up (the first interval), p99 drift under 20 % (last interval
// against the first after the warm-up). Exit code 1 when a goal is missed.
//   BENCH_SOAK_CONNECTIONS  concurrent clients (default 8)
//   BENCH_SOAK_POOL         approved payment requests cloned for the payments (default 3000; 100 payments each)
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { approvedPaymentRequests, signUp, startBackend, verifiedContactWithCard } from './backend.mjs';
import { insertInvoices } from './wallet.mjs';

const REQUEST_AMOUNT = 1_000_000_000;
const PER_TARGET = 100;
const GROUP = 16;
/** Ten slots: 5 wallet reads, 3 payments, 2 invoice writes. */
const MIX = ['wallet', 'payment', 'wallet', 'invoice', 'wallet', 'payment', 'wallet', 'invoice', 'wallet', 'payment'];

const positive = (name, fallback) => {
  const v = process.env[name];
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!(n > 0)) throw new Error(`${name} must be a positive number, not ${JSON.stringify(v)}`);
  return n;
};

function percentile(sorted, p) {
  if (!sorted.length) return null;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] * 10) / 10;
}

export async function runSoak(root, { databaseUrl, workers, log, machine }) {
  const minutes = positive('BENCH_SOAK_MINUTES', 10);
  const intervalSeconds = positive('BENCH_SOAK_INTERVAL_SECONDS', 60);
  const connections = Math.round(positive('BENCH_SOAK_CONNECTIONS', 8));
  const poolSize = Math.round(positive('BENCH_SOAK_POOL', 3000));
  const backend = await startBackend(root, { databaseUrl, log, workers, env: { CC_JOBS_INTERVAL_MS: '1000' } });
  try {
    const { base, sql } = backend;
    const merchant = await signUp(base);
    const customer = await verifiedContactWithCard(backend, merchant);
    await insertInvoices(backend, merchant.merchantId, customer.contactId, 1000, 'SOAK');
    const { ids } = await approvedPaymentRequests(backend, merchant, customer, {
      amount: REQUEST_AMOUNT,
      size: poolSize,
    });
    log(
      `soak: ${minutes} min, ${connections} clients, intervals of ${intervalSeconds} s; pool of ${poolSize} requests`,
    );

    let slot = 0;
    let paymentSlot = 0;
    let invoiceNo = 0;
    const merchantAuth = { authorization: `Bearer ${merchant.secretKey}`, 'content-type': 'application/json' };
    const customerAuth = { authorization: `Bearer ${customer.session}` };
    const requestOf = {
      wallet: () => [`${base}/v1/customer/wallet`, { headers: customerAuth }],
      payment: () => {
        const n = paymentSlot++;
        const index = GROUP * Math.floor(n / (GROUP * PER_TARGET)) + (n % GROUP);
        if (index >= ids.length) throw new Error('the pool of payment requests ran out; raise BENCH_SOAK_POOL');
        return [
          `${base}/v1/customer/payment-requests/${ids[index]}/payments`,
          {
            method: 'POST',
            headers: { ...customerAuth, 'content-type': 'application/json', 'idempotency-key': `soak-${n}` },
            body: JSON.stringify({ amount: REQUEST_AMOUNT / PER_TARGET, paymentMethodId: customer.paymentMethodId }),
          },
        ];
      },
      invoice: () => [
        `${base}/v1/invoices`,
        {
          method: 'POST',
          headers: merchantAuth,
          body: JSON.stringify({ contactId: customer.contactId, number: `SOAK-W-${++invoiceNo}`, amount: 125_00 }),
        },
      ],
    };

    const fresh = () => ({ latencies: [], byOp: {}, errors: 0, samples: [] });
    let current = fresh();
    const intervals = [];
    const started = performance.now();
    const end = started + minutes * 60_000;
    let cpu0 = backend.usage().cpuSeconds;

    const record = (op, ms, error) => {
      current.latencies.push(ms);
      const o = (current.byOp[op] ??= { requests: 0, errors: 0 });
      o.requests++;
      if (error) {
        o.errors++;
        current.errors++;
        if (current.samples.length < 3) current.samples.push(`${op}: ${error}`);
      }
    };
    const client = async () => {
      while (performance.now() < end) {
        const op = MIX[slot++ % MIX.length];
        const t0 = performance.now();
        try {
          const [url, init] = requestOf[op]();
          const res = await fetch(url, init);
          const text = await res.text();
          record(op, performance.now() - t0, res.ok ? null : `${res.status} ${text.slice(0, 160)}`);
        } catch (err) {
          record(op, performance.now() - t0, err.message);
        }
      }
    };
    const close = async () => {
      const done = current;
      current = fresh();
      const usage = backend.usage();
      const [{ n: pending }] = await sql(`SELECT count(*)::int AS n FROM outbox_messages WHERE status = 'pending'`);
      const sorted = done.latencies.sort((a, b) => a - b);
      const i = {
        interval: intervals.length + 1,
        atSeconds: Math.round((performance.now() - started) / 1000),
        requests: sorted.length,
        byOp: done.byOp,
        errors: done.errors,
        errorSamples: done.samples,
        latencyMs: { p50: percentile(sorted, 50), p99: percentile(sorted, 99) },
        rssMiB: Math.round((usage.rssBytes / 1048576) * 10) / 10,
        cpus: Math.round(((usage.cpuSeconds - cpu0) / intervalSeconds) * 100) / 100,
        outboxPending: pending,
      };
      cpu0 = usage.cpuSeconds;
      intervals.push(i);
      const ops = Object.entries(i.byOp)
        .map(([k, v]) => `${k} ${v.requests}`)
        .join(', ');
      log(
        `  ${String(i.atSeconds).padStart(5)} s  ${String(i.requests).padStart(6)} req (${ops})  errors ${i.errors}  p50 ${i.latencyMs.p50} ms  p99 ${i.latencyMs.p99} ms  RSS ${i.rssMiB} MiB  backend ${i.cpus} CPUs  outbox pending ${i.outboxPending}${i.errorSamples.length ? `  e.g. ${i.errorSamples[0]}` : ''}`,
      );
    };
    let closing = Promise.resolve();
    const ticker = setInterval(() => (closing = closing.then(close)), intervalSeconds * 1000);
    await Promise.all(Array.from({ length: connections }, client));
    clearInterval(ticker);
    await closing;
    if (current.latencies.length > 0 && intervals.length === 0) await close();

    const errors = intervals.reduce((s, i) => s + i.errors, 0);
    const pct = (a, b) => Math.round(((a - b) / b) * 1000) / 10;
    const [, first, ...rest] = intervals;
    const last = rest.at(-1) ?? first;
    const rssGrowth = first && last !== first ? pct(last.rssMiB, first.rssMiB) : null;
    const p99Drift = first && last !== first ? pct(last.latencyMs.p99, first.latencyMs.p99) : null;
    const verdicts = {
      errors: { value: errors, goal: 0, met: errors === 0 },
      rssGrowthPercent: { value: rssGrowth, goal: '< 10', met: rssGrowth === null ? null : rssGrowth < 10 },
      p99DriftPercent: { value: p99Drift, goal: '< 20', met: p99Drift === null ? null : p99Drift < 20 },
    };
    const word = (m) => (m === null ? 'n/a (needs 3 intervals: one warm-up, two to compare)' : m ? 'met' : 'NOT met');
    console.log(
      [
        '',
        `Soak  ${minutes} min, ${connections} clients, ${backend.database.processes} backend process(es), ${backend.database.description}`,
        `      ${machine.cpu} ×${machine.cpus}, Node ${machine.node}, load average ${machine.loadAverage1mAtStart} at start`,
        `  errors              ${errors}  (goal 0): ${word(verdicts.errors.met)}`,
        `  RSS growth          ${rssGrowth ?? '–'} % after the warm-up interval (goal < 10 %): ${word(verdicts.rssGrowthPercent.met)}`,
        `  p99 drift           ${p99Drift ?? '–'} % last interval against the first after warm-up (goal < 20 %): ${word(verdicts.p99DriftPercent.met)}`,
        `  written             bench/results/soak-latest.json`,
      ].join('\n'),
    );
    const outDir = join(root, 'bench', 'results');
    await mkdir(outDir, { recursive: true });
    const settings = { minutes, intervalSeconds, connections, poolSize, mix: MIX, jobsIntervalMs: 1000 };
    await writeFile(
      join(outDir, 'soak-latest.json'),
      `${JSON.stringify({ date: new Date().toISOString(), machine, database: backend.database, settings, intervals, verdicts }, null, 2)}\n`,
    );
    return Object.values(verdicts).every((v) => v.met !== false);
  } finally {
    await backend.close();
  }
}
