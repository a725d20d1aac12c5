// The real backend for the client's tests: `backend/dist/main.js` on a free port with a fresh embedded
// database (PGlite in a temporary directory), the worker polling often so webhooks arrive within a second.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const MAIN = join(ROOT, 'backend', 'dist', 'main.js');

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export async function startBackend() {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: npm run build -w @customerconnect/backend`);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const dataDir = await mkdtemp(join(tmpdir(), 'cc-node-sdk-'));
  const database = await scratchDatabase();
  const env = {
    ...process.env,
    PORT: String(port),
    PUBLIC_URL: url,
    CC_DATA_DIR: dataDir,
    CC_SEED_DEMO: '0',
    CC_JOBS_INTERVAL_MS: '200',
    CC_WEBHOOKS_ALLOW_PRIVATE: '1',
    CC_RATE_LIMIT_ANONYMOUS_PER_MINUTE: '10000',
    CC_LOG_LEVEL: 'warn',
  };
  if (database) env.DATABASE_URL = database.url;
  else delete env.DATABASE_URL; // embedded PGlite
  delete env.NODE_ENV;
  delete env.NODE_OPTIONS;
  const child = spawn(process.execPath, [MAIN], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const kill = () => child.exitCode === null && child.kill('SIGKILL');
  process.once('exit', kill);
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the backend exited ${child.exitCode}:\n${output}`);
    if (Date.now() > deadline) throw new Error(`the backend did not become ready:\n${output}`);
    try {
      if ((await fetch(`${url}/ready`)).ok) break;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    output: () => output,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      process.removeListener('exit', kill);
      await rm(dataDir, { recursive: true, force: true });
      await database?.drop();
    },
  };
}

/**
 * A throwaway database on the machine's PostgreSQL (CC_TEST_POSTGRES_URL, default postgres://postgres@127.0.0.1:5432/postgres),
 * much faster to start on than a fresh embedded one; without a server there, the embedded database.
 */
async function scratchDatabase() {
  const admin = new URL(process.env.CC_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  const name = `cc_node_${process.pid}_${Date.now()}`;
  const run = async (sql) => {
    const client = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 3000 });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  try {
    await run(`CREATE DATABASE ${name}`);
  } catch {
    return null;
  }
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** Signs up a merchant (public route) and answers its secret key. */
export async function signUp(url) {
  const n = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  const res = await fetch(`${url}/v1/merchants`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      name: `Merchant ${n}`,
      adminEmail: `admin-${n}@merchant.example`,
      adminPassword: `pw-${n}-long-enough`,
    }),
  });
  if (res.status !== 201) throw new Error(`sign-up failed: ${res.status} ${await res.text()}`);
  return (await res.json()).secretKey;
}

/**
 * A TCP proxy in front of the backend that spoils the first `spoil` connections once the backend has
 * answered: `drop` cuts the connection (the client sees a network error), `bad-gateway` answers 502 instead.
 * The backend did the work either way, which is what a retry with the same Idempotency-Key must survive.
 * `requests` holds each request's head as it passed through.
 */
export async function spoilingProxy(targetUrl, { mode, spoil = 1 }) {
  const target = new URL(targetUrl);
  const requests = [];
  let connections = 0;
  const server = createServer((client) => {
    const spoiled = connections++ < spoil;
    const upstream = connect(Number(target.port), target.hostname);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    client.on('data', (chunk) => {
      const text = chunk.toString('latin1');
      if (/^[A-Z]+ \//.test(text)) requests.push(text.slice(0, text.indexOf('\r\n\r\n')));
      upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      if (!spoiled) return void client.write(chunk);
      if (mode === 'drop') client.destroy();
      else
        client.end(
          'HTTP/1.1 502 Bad Gateway\r\ncontent-type: text/plain\r\ncontent-length: 11\r\nconnection: close\r\n\r\nBad Gateway',
        );
      upstream.destroy();
    });
    upstream.on('end', () => client.end());
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    requests,
    close: () => new Promise((r) => server.close(() => r())),
  };
}
