// Request rate of an authenticated list (GET /v1/contacts) against the same app's plain
// GET /health, both served by the BUILT backend started in this process.
import { randomBytes } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import autocannon from 'autocannon';
import { startBackend } from './backend.mjs';

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

/**
 * Starts the backend (PGlite in memory, or a fresh database on BENCH_DATABASE_URL), signs a
 * merchant up, gives it `contacts` contacts, then measures both routes with autocannon.
 */
export async function measureApi(
  root,
  { databaseUrl, connections, warmupSeconds, durationSeconds, rounds, contacts, log },
) {
  // The built backend in this process, exactly as the other benches start it (bench/lib/backend.mjs).
  const backend = await startBackend(root, { databaseUrl, log });
  try {
    const { base, database } = backend;

    const signUp = await http(base, 'POST', '/v1/merchants', {
      body: { name: 'Bench Supply Co', adminEmail: 'owner@bench.example', adminPassword: 'bench-password-123' },
    });
    const secretKey = signUp.json.secretKey;
    for (let i = 1; i <= contacts; i++) {
      const n = String(i).padStart(3, '0');
      await http(base, 'POST', '/v1/contacts', {
        token: secretKey,
        body: { companyName: `Bench Customer ${n} LLC`, email: `ap${n}@customer${n}.example` },
      });
    }
    const health = await http(base, 'GET', '/health');
    const list = await http(base, 'GET', '/v1/contacts', { token: secretKey });
    log(
      `merchant ${signUp.json.merchant.id} with ${contacts} contacts; GET /v1/contacts answers ${list.json.data.length} rows (${list.bytes} B), /health ${health.bytes} B`,
    );

    const routes = [
      { name: 'health', label: 'GET /health', path: '/health', headers: {}, responseBytes: health.bytes },
      {
        name: 'contacts',
        label: `GET /v1/contacts (sk_, ${list.json.data.length} of ${contacts})`,
        path: '/v1/contacts',
        headers: { authorization: `Bearer ${secretKey}` },
        responseBytes: list.bytes,
        rows: list.json.data.length,
      },
    ];
    // Warm both routes up, then measure in rounds ordered A B, B A, A B, … so that a change in
    // the machine's load during the run weighs on both routes alike (the ratio is the point).
    const optsOf = (route, duration) => ({ url: base + route.path, headers: route.headers, connections, duration });
    for (const route of routes) {
      log(`${route.label}: warm-up ${warmupSeconds} s`);
      await load(optsOf(route, warmupSeconds));
    }
    const roundSeconds = durationSeconds / rounds;
    const raws = { health: [], contacts: [] };
    log(
      `measuring ${durationSeconds} s per route in ${rounds} rounds of ${roundSeconds} s, ${connections} connections`,
    );
    for (let round = 0; round < rounds; round++) {
      for (const route of round % 2 ? [...routes].reverse() : routes)
        raws[route.name].push(await load(optsOf(route, roundSeconds)));
    }
    const results = {};
    for (const route of routes) {
      const r = summarize(raws[route.name], optsOf(route, durationSeconds));
      if (r.non2xx || r.errors || r.timeouts) {
        throw new Error(
          `${route.label}: ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts (status codes ${JSON.stringify(r.statusCodes)})`,
        );
      }
      const { headers: _headers, ...described } = route;
      results[route.name] = { ...described, ...r };
    }

    const latencyRatio = (key) =>
      results.health.latencyMs[key] ? results.contacts.latencyMs[key] / results.health.latencyMs[key] : null;
    return {
      database,
      settings: {
        connections,
        warmupSeconds,
        durationSeconds,
        rounds,
        contacts,
        loadGenerator: 'autocannon 8 in a worker thread of the same process',
      },
      health: results.health,
      contacts: results.contacts,
      ratio: {
        requestsPerSecond: results.contacts.requestsPerSecond / results.health.requestsPerSecond,
        latencyP50: latencyRatio('p50'),
        latencyP99: latencyRatio('p99'),
      },
    };
  } finally {
    await backend.close();
  }
}

export function redact(url) {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}
