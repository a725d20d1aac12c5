// npm run bench (= npm run build && node bench/run.mjs): SDK bundle size against a bare Lit
// element, and API request rate of GET /v1/contacts against GET /health, each with its
// baseline measured in the same run. Prints a table and writes bench/results/latest.json.
// `npm run bench -- soak` runs the soak instead (bench/lib/soak.mjs: mixed load, per-minute RSS,
// p99 and errors, verdicts). The backend runs as deployed: its own process(es), started with the
// production command, logger on (bench/lib/backend.mjs).
// What the numbers mean and the recorded figures: docs/performance.md.
//
// Environment:
//   BENCH_WORKERS        CC_WORKERS of the measured backend (default: unset = the number of cores;
//                        PGlite always runs one process)
//   BENCH_PGBENCH_SCALE  pgbench -i -s (default 10, and never below the 8 clients: pgbench's
//                        documentation asks for a scale ≥ clients)
//   BENCH_DATABASE_URL   a PostgreSQL server URL; a throwaway database is created on it and
//                        dropped afterwards. Unset: embedded PGlite in memory.
//   BENCH_CONNECTIONS    autocannon connections (default 10)
//   BENCH_WARMUP         warm-up seconds per route (default 2)
//   BENCH_DURATION       measured seconds per route (default 8)
//   BENCH_ROUNDS         rounds the measured time is split into, alternating the order of
//                        the two routes (default 2: health, contacts, contacts, health)
//   BENCH_PAY_DATABASE_URL  PostgreSQL server for the payments and wallet benches (default:
//                        BENCH_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres
//                        when reachable; payments are skipped with the reason otherwise and the
//                        wallet bench runs on PGlite)
//   BENCH_PAY_CONNECTIONS   autocannon connections posting payments (default 8 = pgbench -c)
//   BENCH_PAY_DURATION   measured seconds per payment workload and for pgbench (default 10)
//   BENCH_PAY_POOL       approved payment requests cloned for the payments (default 600)
//   BENCH_OVERVIEW_SMALL, BENCH_OVERVIEW_LARGE  open invoices of the overview bench's merchant
//                        (default 10000 and 1000000; PostgreSQL only, on BENCH_PAY_DATABASE_URL's server)
//   BENCH_STARTUP_RUNS   restarts timed per mode on an existing PGlite data directory (default 3)
//   BENCH_ONLY           comma-separated subset of bundle,api,startup,payments,wallet,overview (default: all)
import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureApi } from './lib/api.mjs';
import { measureBundles } from './lib/bundle-size.mjs';
import { findPgbench, measurePayments, reachable } from './lib/payments.mjs';
import { measureOverview } from './lib/overview.mjs';
import { measureWallet } from './lib/wallet.mjs';
import { runSoak } from './lib/soak.mjs';
import { measureStartup, startupLines } from './lib/startup.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const int = (name, fallback) => {
  const v = process.env[name];
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer, not ${JSON.stringify(v)}`);
  return n;
};
const log = (msg) => console.error(`[bench] ${msg}`);
/** The commit measured, `+dirty` when sdk/ or backend/ has uncommitted changes (others work there). */
const revision = () => {
  try {
    const git = (...args) =>
      execFileSync('git', ['-C', root, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return git('rev-parse', '--short', 'HEAD') + (git('status', '--porcelain', '--', 'sdk', 'backend') ? '+dirty' : '');
  } catch {
    return 'unknown';
  }
};

const started = Date.now();
const machine = {
  cpu: cpus()[0]?.model.trim() ?? 'unknown',
  cpus: cpus().length,
  node: process.version,
  platform: `${process.platform}-${process.arch}`,
  loadAverage1mAtStart: Math.round(loadavg()[0] * 100) / 100,
};
log(`${machine.cpu} ×${machine.cpus}, Node ${machine.node}, load average ${machine.loadAverage1mAtStart}`);
if (machine.loadAverage1mAtStart > machine.cpus / 2)
  log(
    `WARNING: the machine is busy (1-min load average ${machine.loadAverage1mAtStart} on ${machine.cpus} CPUs); request rates will be low and noisy`,
  );

const workers = process.env.BENCH_WORKERS ? int('BENCH_WORKERS', 1) : undefined;
const DEFAULT_PG = 'postgres://postgres@127.0.0.1:5432/postgres';
const pgUrl = process.env.BENCH_PAY_DATABASE_URL || process.env.BENCH_DATABASE_URL || DEFAULT_PG;
if (process.argv[2] === 'soak') {
  const r = await reachable(pgUrl);
  if (!r.ok) throw new Error(`the soak needs PostgreSQL: ${redactUrl(pgUrl)} is not reachable (${r.reason})`);
  const ok = await runSoak(root, { databaseUrl: pgUrl, workers, log, machine });
  process.exit(ok ? 0 : 1);
}

const only = new Set(
  (process.env.BENCH_ONLY || 'bundle,api,startup,payments,wallet,overview').split(',').map((v) => v.trim()),
);
const loadNow = () => Math.round(loadavg()[0] * 100) / 100;
let bundle = null;
if (only.has('bundle')) {
  log('bundling the bare Lit baseline and reading sdk/elements/dist/cc-sdk.js');
  bundle = await measureBundles(root, log);
}
const api = only.has('api')
  ? await measureApi(root, {
      databaseUrl: process.env.BENCH_DATABASE_URL || undefined,
      connections: int('BENCH_CONNECTIONS', 10),
      warmupSeconds: int('BENCH_WARMUP', 2),
      durationSeconds: int('BENCH_DURATION', 8),
      rounds: int('BENCH_ROUNDS', 2),
      contacts: 50,
      workers,
      log,
    })
  : null;

const startup = only.has('startup')
  ? { ...(await measureStartup(root, { runs: int('BENCH_STARTUP_RUNS', 3), log })), loadAverage1m: loadNow() }
  : null;

// PostgreSQL for payments and the wallet (both write fixtures by SQL on the app's database).
let pgSkip = null;
if (only.has('payments') || only.has('wallet') || only.has('overview')) {
  const r = await reachable(pgUrl);
  if (!r.ok) pgSkip = `PostgreSQL at ${redactUrl(pgUrl)} is not reachable (${r.reason})`;
}
let payments = null;
if (only.has('payments')) {
  const pgbench = findPgbench();
  if (pgSkip) payments = { skipped: pgSkip };
  else if (!pgbench) payments = { skipped: 'pgbench not found (/usr/lib/postgresql/15/bin/pgbench or on PATH)' };
  else {
    const loadAverage1mAtStart = loadNow();
    payments = await measurePayments(root, {
      databaseUrl: pgUrl,
      pgbench,
      connections: int('BENCH_PAY_CONNECTIONS', 8),
      pgbenchClients: 8,
      pgbenchThreads: 2,
      pgbenchScale: Math.max(8, int('BENCH_PGBENCH_SCALE', 10)),
      workers,
      warmupSeconds: int('BENCH_WARMUP', 2),
      durationSeconds: int('BENCH_PAY_DURATION', 10),
      rounds: int('BENCH_ROUNDS', 2),
      poolSize: int('BENCH_PAY_POOL', 600),
      group: 16,
      log,
    });
    payments.loadAverage1m = { start: loadAverage1mAtStart, end: loadNow() };
  }
  if (payments.skipped) log(`payments skipped: ${payments.skipped}`);
}
let wallet = null;
if (only.has('wallet') && pgSkip) wallet = { skipped: pgSkip };
else if (only.has('wallet')) {
  const loadAverage1mAtStart = loadNow();
  wallet = await measureWallet(root, {
    databaseUrl: pgUrl,
    workers,
    connections: int('BENCH_CONNECTIONS', 10),
    warmupSeconds: int('BENCH_WARMUP', 2),
    durationSeconds: int('BENCH_DURATION', 8),
    rounds: int('BENCH_ROUNDS', 2),
    many: 10_000,
    few: 10,
    log,
  });
  wallet.loadAverage1m = { start: loadAverage1mAtStart, end: loadNow() };
}
let overview = null;
if (only.has('overview')) {
  if (pgSkip) overview = { skipped: pgSkip };
  else
    overview = await measureOverview(root, {
      databaseUrl: pgUrl,
      small: int('BENCH_OVERVIEW_SMALL', 10_000),
      large: int('BENCH_OVERVIEW_LARGE', 1_000_000),
      samples: 21,
      log,
    });
}

machine.loadAverage1mAtEnd = Math.round(loadavg()[0] * 100) / 100;
const result = {
  date: new Date().toISOString(),
  revision: revision(),
  machine,
  bundle,
  api,
  startup,
  payments,
  wallet,
  overview,
  elapsedSeconds: Math.round((Date.now() - started) / 100) / 10,
};
const outDir = join(root, 'bench', 'results');
await mkdir(outDir, { recursive: true });
await writeFile(join(outDir, 'latest.json'), `${JSON.stringify(result, null, 2)}\n`);

// ---- the table ---------------------------------------------------------------------------
const num = (n) => Math.round(n).toLocaleString('en-US');
const x = (r) => (r == null ? 'n/a' : `${r.toFixed(2)}×`);
const ms = (n) => `${n} ms`;
const row = (cells, widths) =>
  cells
    .map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i])))
    .join('  ')
    .trimEnd();
/** One measured route: its rate, p50, p99 and the rate of each round. */
const rateRow = (r, widths) =>
  row(
    [
      `  ${r.label}`,
      num(r.requestsPerSecond),
      ms(r.latencyMs.p50),
      ms(r.latencyMs.p99),
      `  ${r.roundsRequestsPerSecond.map(num).join(' / ')}`,
    ],
    widths,
  );

const lines = [];
lines.push('');
lines.push(`CustomerConnect bench  ${result.date}  (revision ${result.revision})`);
lines.push(`machine   ${machine.cpu} ×${machine.cpus}, ${machine.platform}, Node ${machine.node}`);
lines.push(
  `load      1-min average ${machine.loadAverage1mAtStart} at start, ${machine.loadAverage1mAtEnd} at end (the bench's own included)`,
);
if (machine.loadAverage1mAtStart > machine.cpus / 2)
  lines.push('WARNING   the machine was busy during the run: request rates are low and noisy (sizes are exact)');
lines.push('');
const bw = [44, 10, 12];
if (bundle) {
  lines.push(row(['Bundle (rollup, node-resolve, esbuild, terser)', 'raw B', 'gzip -9 B'], bw));
  lines.push(row(['  sdk/elements/dist/cc-sdk.js (the loader)', num(bundle.sdk.raw), num(bundle.sdk.gzip)], bw));
  lines.push(
    row(['  bare Lit element (baseline)', num(bundle.baseline.raw), num(bundle.baseline.gzip)], bw) +
      `  br ${num(bundle.baseline.br)} B`,
  );
  lines.push('  pages in Chromium, script bytes over the wire (Brotli, headers included):');
  for (const [label, p, budget] of [
    ['one <cc-credit-app>', bundle.pages.creditApp, 20 * 1024],
    ['every customer element', bundle.pages.everyElement, 30 * 1024],
  ])
    lines.push(
      `    ${label.padEnd(26)} ${num(p.bytes).padStart(8)} B  (${(p.bytes / 1024).toFixed(1)} KB, budget ${budget / 1024} KB: ${p.bytes <= budget ? 'met' : 'OVER'}), ${p.files} scripts, ${(p.bytes / bundle.baseline.br).toFixed(1)}x bare Lit, console: ${p.console.length ? p.console.join(' | ') : 'nothing'}`,
    );
  const signed = (n) => (n < 0 ? num(n) : `+${num(n)}`);
  lines.push(row(['  loader over baseline', signed(bundle.overBaseline.raw), signed(bundle.overBaseline.gzip)], bw));
  lines.push(row(['  ratio loader / baseline', x(bundle.ratio.raw), x(bundle.ratio.gzip)], bw));
  lines.push('');
}
if (api) {
  const s = api.settings;
  lines.push(`API       ${api.database.description}, ${api.settings.serverProcesses} backend process(es)`);
  lines.push(
    `          autocannon, ${s.connections} connections, ${s.durationSeconds} s per route in ${s.rounds} alternating rounds, after a ${s.warmupSeconds} s warm-up`,
  );
  const aw = [44, 10, 8, 8, 0];
  lines.push(row(['Route', 'req/s', 'p50', 'p99', '  req/s per round'], aw));
  for (const r of [api.health, api.contacts]) lines.push(rateRow(r, aw));
  lines.push(
    row(
      [
        '  ratio contacts / health',
        x(api.ratio.requestsPerSecond),
        x(api.ratio.latencyP50),
        x(api.ratio.latencyP99),
        '',
      ],
      aw,
    ),
  );
  lines.push(
    `          backend CPU per request: ${api.health.serverCpuMsPerRequest} ms (health), ${api.contacts.serverCpuMsPerRequest} ms (contacts): ${x(api.ratio.serverCpuPerRequest)}; ${api.settings.serverProcesses} backend process(es)`,
  );
  lines.push('');
}
if (startup) lines.push(...startupLines(startup));
const aw2 = [52, 10, 8, 8, 0];
if (payments?.skipped) lines.push(`Payments  skipped: ${payments.skipped}`, '');
else if (payments) {
  const p = payments.settings;
  lines.push(`Payments  ${payments.database.description}`);
  lines.push(
    `          ${p.connections} connections, ${p.roundSeconds} s × ${p.rounds} rounds per workload alternating with pgbench, after a ${p.warmupSeconds} s warm-up; load average ${payments.loadAverage1m.start} → ${payments.loadAverage1m.end}`,
  );
  lines.push(row(['Workload', 'per s', 'p50', 'p99', '  per s per round'], aw2));
  lines.push(
    row(
      [
        `  pgbench TPC-B-like (-c ${p.pgbenchClients} -j ${p.pgbenchThreads}, -s ${p.pgbenchScale})`,
        num(payments.pgbench.tps),
        '',
        '',
        `  ${payments.pgbench.roundsTps.map(num).join(' / ')}`,
      ],
      aw2,
    ),
  );
  for (const r of [payments.spread, payments.oneRow]) lines.push(rateRow(r, aw2));
  lines.push(
    row(
      [
        '  ratio spread payments / pgbench (target ≥ 0.5×)',
        x(payments.ratio.spreadOverPgbench),
        '',
        '',
        `  ${payments.targetMet ? 'met' : 'NOT met'}`,
      ],
      aw2,
    ),
  );
  lines.push(row(['  ratio one-request payments / pgbench', x(payments.ratio.oneRowOverPgbench), '', '', ''], aw2));
  lines.push(
    `          per payment: ${payments.perPayment.databaseTransactions} database transactions, ${payments.perPayment.serverCpuMsPerPayment} ms of the backend's CPU (${p.serverProcesses} process(es)); backend busy ${payments.spread.serverCpus} CPUs (spread) / ${payments.oneRow.serverCpus} CPUs (one request)`,
  );
  lines.push(
    `          rows written per payment: ${Object.entries(payments.rowsWrittenPerPayment)
      .map(([t, n]) => `${t} ${n}`)
      .join(', ')}`,
  );
  lines.push('');
}
if (wallet?.skipped) lines.push(`Wallet    skipped: ${wallet.skipped}`, '');
else if (wallet) {
  lines.push(
    `Wallet    ${wallet.database.description}; load average ${wallet.loadAverage1m.start} → ${wallet.loadAverage1m.end}`,
  );
  lines.push(row(['Route', 'req/s', 'p50', 'p99', '  req/s per round'], aw2));
  for (const r of [wallet.few, wallet.many]) {
    lines.push(
      row(
        [
          `  ${r.label}`,
          num(r.requestsPerSecond),
          ms(r.latencyMs.p50),
          ms(r.latencyMs.p99),
          `  ${r.roundsRequestsPerSecond.map(num).join(' / ')}`,
        ],
        aw2,
      ),
    );
  }
  lines.push(
    row(['  ratio 10,000 / 10 invoices', x(wallet.ratio.requestsPerSecond), x(wallet.ratio.latencyP50), '', ''], aw2),
  );
  lines.push('');
}
if (overview?.skipped) lines.push(`Overview  skipped: ${overview.skipped}`, '');
else if (overview) {
  lines.push(
    `Overview  ${overview.database.description}; GET /v1/overview, median of ${overview.settings.samples} sequential requests`,
  );
  for (const p of overview.points)
    lines.push(
      `  ${num(p.invoices).padStart(10)} open invoices   overview ${ms(p.overviewMsP50).padStart(10)}   (full scan in SQL, as before: ${ms(p.fullScanSqlMsP50)})`,
    );
  lines.push(
    `  ratio large / small: overview ${x(overview.ratio.overview)}, full scan ${x(overview.ratio.fullScan)}`,
    '',
  );
}
lines.push(`written   bench/results/latest.json  (${result.elapsedSeconds} s in all)`);
console.log(lines.join('\n'));

function redactUrl(url) {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable URL)';
  }
}
