// npm run bench (= npm run build && node bench/run.mjs): SDK bundle size against a bare Lit
// element, and API request rate of GET /v1/contacts against GET /health, each with its
// baseline measured in the same run. Prints a table and writes bench/results/latest.json.
// What the numbers mean and the recorded figures: docs/performance.md.
//
// Environment:
//   BENCH_DATABASE_URL   a PostgreSQL server URL; a throwaway database is created on it and
//                        dropped afterwards. Unset: embedded PGlite in memory.
//   BENCH_CONNECTIONS    autocannon connections (default 10)
//   BENCH_WARMUP         warm-up seconds per route (default 2)
//   BENCH_DURATION       measured seconds per route (default 8)
//   BENCH_ROUNDS         rounds the measured time is split into, alternating the order of
//                        the two routes (default 2: health, contacts, contacts, health)
import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureApi } from './lib/api.mjs';
import { measureBundles } from './lib/bundle-size.mjs';

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
    const git = (...args) => execFileSync('git', ['-C', root, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return git('rev-parse', '--short', 'HEAD') + (git('status', '--porcelain', '--', 'sdk', 'backend') ? '+dirty' : '');
  } catch {
    return 'unknown';
  }
};

const started = Date.now();
const machine = { cpu: cpus()[0]?.model.trim() ?? 'unknown', cpus: cpus().length, node: process.version, platform: `${process.platform}-${process.arch}`, loadAverage1mAtStart: Math.round(loadavg()[0] * 100) / 100 };
log(`${machine.cpu} ×${machine.cpus}, Node ${machine.node}, load average ${machine.loadAverage1mAtStart}`);
if (machine.loadAverage1mAtStart > machine.cpus / 2) log(`WARNING: the machine is busy (1-min load average ${machine.loadAverage1mAtStart} on ${machine.cpus} CPUs); request rates will be low and noisy`);

log('bundling the bare Lit baseline and reading sdk/dist/cc-sdk.js');
const bundle = await measureBundles(root);
const api = await measureApi(root, {
  databaseUrl: process.env.BENCH_DATABASE_URL || undefined,
  connections: int('BENCH_CONNECTIONS', 10),
  warmupSeconds: int('BENCH_WARMUP', 2),
  durationSeconds: int('BENCH_DURATION', 8),
  rounds: int('BENCH_ROUNDS', 2),
  contacts: 50,
  log,
});

machine.loadAverage1mAtEnd = Math.round(loadavg()[0] * 100) / 100;
const result = { date: new Date().toISOString(), revision: revision(), machine, bundle, api, elapsedSeconds: Math.round((Date.now() - started) / 100) / 10 };
const outDir = join(root, 'bench', 'results');
await mkdir(outDir, { recursive: true });
await writeFile(join(outDir, 'latest.json'), `${JSON.stringify(result, null, 2)}\n`);

// ---- the table ---------------------------------------------------------------------------
const num = (n) => Math.round(n).toLocaleString('en-US');
const x = (r) => (r == null ? 'n/a' : `${r.toFixed(2)}×`);
const ms = (n) => `${n} ms`;
const row = (cells, widths) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ').trimEnd();

const lines = [];
lines.push('');
lines.push(`CustomerConnect bench  ${result.date}  (revision ${result.revision})`);
lines.push(`machine   ${machine.cpu} ×${machine.cpus}, ${machine.platform}, Node ${machine.node}`);
lines.push(`load      1-min average ${machine.loadAverage1mAtStart} at start, ${machine.loadAverage1mAtEnd} at end (the bench's own included)`);
if (machine.loadAverage1mAtStart > machine.cpus / 2) lines.push('WARNING   the machine was busy during the run: request rates are low and noisy (sizes are exact)');
lines.push('');
const bw = [44, 10, 12];
lines.push(row(['Bundle (rollup, node-resolve, esbuild, terser)', 'raw B', 'gzip -9 B'], bw));
lines.push(row(['  sdk/dist/cc-sdk.js', num(bundle.sdk.raw), num(bundle.sdk.gzip)], bw));
lines.push(row(['  bare Lit element (baseline)', num(bundle.baseline.raw), num(bundle.baseline.gzip)], bw));
lines.push(row(['  SDK over baseline', `+${num(bundle.overBaseline.raw)}`, `+${num(bundle.overBaseline.gzip)}`], bw));
lines.push(row(['  ratio sdk / baseline', x(bundle.ratio.raw), x(bundle.ratio.gzip)], bw));
lines.push('');
const s = api.settings;
lines.push(`API       ${api.database.description}`);
lines.push(`          autocannon, ${s.connections} connections, ${s.durationSeconds} s per route in ${s.rounds} alternating rounds, after a ${s.warmupSeconds} s warm-up`);
const aw = [44, 10, 8, 8, 0];
lines.push(row(['Route', 'req/s', 'p50', 'p99', '  req/s per round'], aw));
for (const r of [api.health, api.contacts]) {
  lines.push(row([`  ${r.label}`, num(r.requestsPerSecond), ms(r.latencyMs.p50), ms(r.latencyMs.p99), `  ${r.roundsRequestsPerSecond.map(num).join(' / ')}`], aw));
}
lines.push(row(['  ratio contacts / health', x(api.ratio.requestsPerSecond), x(api.ratio.latencyP50), x(api.ratio.latencyP99), ''], aw));
lines.push('');
lines.push(`written   bench/results/latest.json  (${result.elapsedSeconds} s in all)`);
console.log(lines.join('\n'));
