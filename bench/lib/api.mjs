// Request rate of an authenticated list (GET /v1/contacts) against the same app's plain
// GET /health, both served by the BUILT backend started as deployed (bench/lib/backend.mjs).
import { http, load, summarize } from './common.mjs';
import { startBackend } from './backend.mjs';

/**
 * Starts the backend (PGlite in memory, or a fresh database on BENCH_DATABASE_URL), signs a
 * merchant up, gives it `contacts` contacts, then measures both routes with autocannon.
 */
export async function measureApi(
  root,
  { databaseUrl, connections, warmupSeconds, durationSeconds, rounds, contacts, log, workers },
) {
  // The built backend in its own process(es), exactly as the other benches start it (bench/lib/backend.mjs).
  const backend = await startBackend(root, { databaseUrl, log, workers });
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
    // The backend's CPU (every process of it, from /proc) while each route was loaded: a cost per
    // request that a busy machine disturbs far less than the rates.
    const cpu = { health: 0, contacts: 0 };
    log(
      `measuring ${durationSeconds} s per route in ${rounds} rounds of ${roundSeconds} s, ${connections} connections`,
    );
    for (let round = 0; round < rounds; round++) {
      for (const route of round % 2 ? [...routes].reverse() : routes) {
        const c0 = backend.usage().cpuSeconds;
        raws[route.name].push(await load(optsOf(route, roundSeconds)));
        cpu[route.name] += backend.usage().cpuSeconds - c0;
      }
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
      results[route.name] = {
        ...described,
        ...r,
        serverCpuMsPerRequest: Math.round(((cpu[route.name] * 1000) / r.requestsTotal) * 1000) / 1000,
      };
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
        serverProcesses: database.processes,
        loadGenerator: 'autocannon 8 in a worker thread of the bench process',
      },
      health: results.health,
      contacts: results.contacts,
      ratio: {
        requestsPerSecond: results.contacts.requestsPerSecond / results.health.requestsPerSecond,
        latencyP50: latencyRatio('p50'),
        latencyP99: latencyRatio('p99'),
        serverCpuPerRequest: results.contacts.serverCpuMsPerRequest / results.health.serverCpuMsPerRequest,
      },
    };
  } finally {
    await backend.close();
  }
}
