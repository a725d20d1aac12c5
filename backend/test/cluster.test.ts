import { mkdtempSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import { BackendProcess, freePort } from './support/backend-process.js';
import { scratchDatabase } from './support/postgres.js';

/** GET /health on a connection of its own (node:cluster hands each new connection to the next worker). */
function instanceOf(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    get(`${url}/health`, { agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(String(res.headers['x-instance'])));
    }).on('error', reject);
  });
}

/** The X-Instance values of `tries` fresh connections (stops early once two differ). */
async function instances(url: string, tries: number): Promise<Set<string>> {
  const seen = new Set<string>();
  for (let i = 0; i < tries && seen.size < 2; i++) seen.add(await instanceOf(url));
  return seen;
}

/** /ready answers once the first worker listens; the others start after it (see cluster.ts). */
async function allListening(backend: BackendProcess, pattern: RegExp): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!pattern.test(backend.output)) {
    if (Date.now() > deadline) throw new Error(`never matched ${pattern}:\n${backend.output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('CC_WORKERS: one port, several processes (node:cluster)', () => {
  let backend: BackendProcess | undefined;
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    await backend?.stop();
    backend = undefined;
    for (const c of cleanups.splice(0)) await c();
  });

  it('on PostgreSQL, CC_WORKERS=2 answers from two worker pids and stops cleanly on SIGTERM', async () => {
    const db = await scratchDatabase('cc_cluster');
    cleanups.push(() => db.drop());
    backend = new BackendProcess(await freePort(), {
      DATABASE_URL: db.url.toString(),
      CC_WORKERS: '2',
      CC_JOBS_INTERVAL_MS: '3600000',
    });
    await backend.start();
    await allListening(backend, /listening on .*\(postgres database, 2 processes\)/);
    const seen = await instances(backend.url, 40);
    expect(seen.size).toBe(2);
    const pids = [...seen].map(Number);
    expect(pids).not.toContain(backend.child!.pid);
    for (const pid of pids) expect(alive(pid)).toBe(true);

    expect(await backend.stop()).toBe(0);
    for (const pid of pids) expect(alive(pid)).toBe(false);
    expect(backend.output).not.toMatch(/died|could not start/);
  }, 180_000);

  it('with the embedded database, CC_WORKERS is forced to 1 and says so', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cc-cluster-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    backend = new BackendProcess(await freePort(), {
      CC_DATA_DIR: dataDir,
      CC_SEED_DEMO: '0',
      CC_WORKERS: '2',
      CC_JOBS_INTERVAL_MS: '3600000',
    });
    await backend.start(200_000); // a fresh PGlite migrates first: 90 s on a loaded 2-core machine
    const seen = await instances(backend.url, 10);
    expect([...seen]).toEqual([String(backend.child!.pid)]);
    expect(backend.output).toContain('CC_WORKERS=2 ignored: the embedded database (PGlite) runs in one process');
    expect(await backend.stop()).toBe(0);
  }, 240_000);
});
