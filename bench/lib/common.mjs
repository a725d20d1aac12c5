// Pieces every bench part shares: autocannon in a worker thread and its summary, plain HTTP calls,
// and throwaway PostgreSQL databases. (Its own file so that api.mjs, backend.mjs, payments.mjs and
// wallet.mjs import it without importing each other in a circle.)
import { randomBytes } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import autocannon from 'autocannon';

const LOAD_WORKER = new URL('./load-worker.mjs', import.meta.url);

/** One autocannon run in a worker thread; resolves with autocannon's raw (unaggregated) result. */
export function load(options) {
  return new Promise((resolvePromise, reject) => {
    const worker = new Worker(LOAD_WORKER, { workerData: options });
    worker.once('message', resolvePromise);
    worker.once('error', reject);
    worker.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`load worker exited with ${code}`))));
  });
}

/** Merges the raw results of one route's rounds: rate over the whole measured time, latency from the merged histogram. */
export function summarize(raws, opts) {
  const merged = autocannon.aggregateResult(raws, opts);
  const seconds = raws.reduce((sum, r) => sum + r.duration, 0);
  const requests = raws.reduce((sum, r) => sum + r.totalCompletedRequests, 0);
  const bytes = raws.reduce((sum, r) => sum + r.totalBytes, 0);
  return {
    requestsPerSecond: requests / seconds,
    requestsTotal: requests,
    durationSeconds: Math.round(seconds * 100) / 100,
    roundsRequestsPerSecond: raws.map((r) => Math.round(r.totalCompletedRequests / r.duration)),
    latencyMs: {
      p50: merged.latency.p50,
      p90: merged.latency.p90,
      p99: merged.latency.p99,
      mean: merged.latency.average,
      max: merged.latency.max,
    },
    throughputBytesPerSecond: bytes / seconds,
    statusCodes: merged.statusCodeStats,
    non2xx: merged.non2xx,
    errors: merged.errors,
    timeouts: merged.timeouts,
  };
}

/** A throwaway database on the PostgreSQL server at `serverUrl`, dropped by `drop()`. */
export async function createPostgresDatabase(serverUrl) {
  const { default: pg } = await import('pg');
  const name = `cc_bench_${Date.now()}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  const { rows } = await admin.query('SHOW server_version');
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    serverVersion: rows[0].server_version,
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

export async function http(base, method, path, { token, body } = {}) {
  const res = await fetch(base + path, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${text.slice(0, 300)}`);
  return { json: JSON.parse(text), bytes: Buffer.byteLength(text) };
}

export function redact(url) {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}
