import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { BackendProcess, freePort } from './support/backend-process.js';
import { header, SmtpSink } from './support/smtp-sink.js';

/**
 * Kill the backend (SIGKILL) while its outbox holds mail, start it again on the same data:
 * every notice arrives, each exactly once, under its own Message-ID. Also kill it in the middle
 * of a send: after the lease, that one message is sent again under the same Message-ID.
 */
describe('notices survive a crash', () => {
  const sink = new SmtpSink();
  const dataDir = mkdtempSync(join(tmpdir(), 'cc-crash-'));
  let port: number;
  let backend: BackendProcess | undefined;
  const env = (extra: Record<string, string>) => ({
    CC_DATA_DIR: dataDir,
    CC_SEED_DEMO: '1',
    SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
    ...extra,
  });
  const outbox = async (b: BackendProcess) =>
    ((await (await fetch(`${b.url}/dev/outbox`)).json()) as { data: { topic: string; status: string; n: number }[] })
      .data;
  const pending = async (b: BackendProcess) =>
    (await outbox(b)).filter((r) => r.status === 'pending').reduce((s, r) => s + r.n, 0);

  beforeAll(async () => {
    await sink.start();
    port = await freePort();
  });
  afterAll(async () => {
    await backend?.stop();
    await sink.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('delivers every queued notice exactly once after a SIGKILL, and resends only the one in flight', async () => {
    // 1. Start with the worker effectively off: seeding queues the demo customer's notices. Crash.
    backend = new BackendProcess(port, env({ CC_JOBS_INTERVAL_MS: '3600000' }));
    await backend.start();
    const queued = await pending(backend);
    expect(queued).toBeGreaterThanOrEqual(5); // the seeded customer's invoices, receipt and payment request
    expect(sink.messages).toHaveLength(0);
    await backend.crash();

    // 2. Restart; hold the SMTP server's answer so the first send is in flight, and crash again.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    sink.hold = held;
    backend = new BackendProcess(port, env({ CC_JOBS_INTERVAL_MS: '3600000' }));
    await backend.start();
    void fetch(`${backend.url}/dev/jobs/run`, { method: 'POST' }).catch(() => undefined);
    while (sink.inFlight === 0) await new Promise((r) => setTimeout(r, 50));
    await backend.crash();
    release();
    sink.hold = undefined;

    // 3. Restart; once the in-flight message's lease is over, everything is delivered.
    backend = new BackendProcess(port, env({ CC_JOBS_INTERVAL_MS: '3600000' }));
    await backend.start();
    await fetch(`${backend.url}/dev/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ advance: 'PT6M' }),
    });
    for (let i = 0; i < 5 && (await pending(backend)) > 0; i++)
      await fetch(`${backend.url}/dev/jobs/run`, { method: 'POST' });
    expect(await pending(backend)).toBe(0);

    const delivered = (await outbox(backend)).filter((r) => r.status === 'done').reduce((sum, r) => sum + r.n, 0);
    const ids = sink.messages.map((m) => header(m.raw, 'Message-ID'));
    const unique = new Set(ids);
    expect(delivered).toBeGreaterThanOrEqual(queued);
    expect(unique.size).toBe(delivered); // every outbox row arrived
    expect(ids.length - unique.size).toBeLessThanOrEqual(1); // at most the one that was in flight, under the same Message-ID
    const subjects = sink.messages.map((m) => header(m.raw, 'Subject'));
    expect(subjects.filter((s) => s?.startsWith('Invoice NW-'))).toHaveLength(3);
  }, 180_000);
});
