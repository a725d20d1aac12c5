import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from '@jest/globals';
import { DEMO_MERCHANT } from '../src/seed/demo-merchant.js';
import { BackendProcess, ensureBuilt, freePort } from './support/backend-process.js';

const KEY = Buffer.alloc(32, 7).toString('base64');
const METRICS_TOKEN = 'metrics-token-for-tests-0123';
const dataDir = mkdtempSync(join(tmpdir(), 'cc-prod-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Starts the built backend with exactly `env` (nothing inherited but PATH) and waits for it to exit. */
function runToExit(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [ensureBuilt()], {
    env: { PATH: process.env.PATH ?? '', CC_DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stderr })));
}

describe('a production start (NODE_ENV=production)', () => {
  let backend: BackendProcess | undefined;
  afterEach(async () => {
    await backend?.stop();
    backend = undefined;
  });

  it('refuses to start without DATABASE_URL, SMTP_URL and CC_ENCRYPTION_KEY, naming each', async () => {
    const none = await runToExit({ NODE_ENV: 'production' });
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('DATABASE_URL');
    expect(none.stderr).toContain('CC_ALLOW_EMBEDDED_DB=1');
    expect(none.stderr).toContain('SMTP_URL');
    expect(none.stderr).toContain('CC_ENCRYPTION_KEY');

    const onlySmtp = await runToExit({
      NODE_ENV: 'production',
      CC_ALLOW_EMBEDDED_DB: '1',
      CC_ENCRYPTION_KEY: KEY,
    });
    expect(onlySmtp.code).toBe(1);
    expect(onlySmtp.stderr).toContain('SMTP_URL');
    expect(onlySmtp.stderr).not.toContain('DATABASE_URL');
    expect(onlySmtp.stderr).not.toContain('CC_ENCRYPTION_KEY');

    const seed = await runToExit({
      NODE_ENV: 'production',
      CC_ALLOW_EMBEDDED_DB: '1',
      CC_ENCRYPTION_KEY: KEY,
      SMTP_URL: 'smtp://127.0.0.1:2525',
      CC_SEED_DEMO: '1',
    });
    expect(seed.code).toBe(1);
    expect(seed.stderr).toContain('CC_SEED_DEMO');
  }, 120_000);

  const production = {
    NODE_ENV: 'production',
    CC_ALLOW_EMBEDDED_DB: '1',
    CC_ENCRYPTION_KEY: KEY,
    SMTP_URL: 'smtp://127.0.0.1:2525',
    CC_DATA_DIR: dataDir,
    CC_WORKER: '0',
  };

  it('serves no demo site, no /dev routes, and /metrics only with CC_METRICS_TOKEN', async () => {
    backend = new BackendProcess(await freePort(), { ...production, CC_METRICS_TOKEN: METRICS_TOKEN }, 150_000);
    await backend.start();
    expect(backend.output).not.toContain(DEMO_MERCHANT.adminPassword);
    const home = await fetch(`${backend.url}/`);
    const page = await home.text();
    expect(home.status).toBe(404);
    expect(page).not.toContain(DEMO_MERCHANT.adminPassword);
    expect(page).not.toContain(DEMO_MERCHANT.name);
    expect((await fetch(`${backend.url}/dev/clock`)).status).toBe(404);
    expect((await fetch(`${backend.url}/dev/mailbox`)).status).toBe(404);
    expect((await fetch(`${backend.url}/dev/clock`, { method: 'POST' })).status).toBe(404);

    const open = await fetch(`${backend.url}/metrics`);
    expect(open.status).toBe(401);
    expect(((await open.json()) as { error: { code: string } }).error.code).toBe('authentication_required');
    const wrong = await fetch(`${backend.url}/metrics`, { headers: { authorization: 'Bearer not-the-token' } });
    expect(wrong.status).toBe(401);
    const metrics = await fetch(`${backend.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toContain('# TYPE');
  }, 240_000);

  it('answers 404 at /metrics without CC_METRICS_TOKEN', async () => {
    backend = new BackendProcess(await freePort(), production, 150_000);
    await backend.start();
    expect((await fetch(`${backend.url}/metrics`)).status).toBe(404);
    expect((await fetch(`${backend.url}/health`)).status).toBe(200);
  }, 240_000);
});
