import { Gauge, type Registry } from 'prom-client';
import type { Db } from '../database/db.js';

interface PgPool {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

/**
 * Gauges read when Prometheus scrapes: the outbox's depth and the age of its oldest pending
 * message (from the database, so every instance reports the shared queue), and this instance's
 * connection pool (PostgreSQL only: the embedded database has no pool).
 */
export function registerWorkerMetrics(registry: Registry, db: Db): void {
  let outbox: Promise<{ depth: number; age: number }> | undefined;
  // One query per scrape for both outbox gauges.
  const readOutbox = () =>
    (outbox ??= db.dataSource
      .query(
        `SELECT count(*)::int AS depth, COALESCE(extract(epoch FROM now() - min(created_at)), 0)::float8 AS age
           FROM outbox_messages WHERE status = 'pending'`,
      )
      .then(([r]: { depth: number; age: number }[]) => r!)
      .finally(() => setImmediate(() => (outbox = undefined))));
  new Gauge({
    name: 'cc_outbox_depth',
    help: 'Outbox messages waiting to be handled (all instances)',
    registers: [registry],
    async collect() {
      this.set((await readOutbox()).depth);
    },
  });
  new Gauge({
    name: 'cc_outbox_oldest_age_seconds',
    help: 'Age of the oldest pending outbox message, 0 when none',
    registers: [registry],
    async collect() {
      this.set(Math.round((await readOutbox()).age * 1000) / 1000);
    },
  });
  new Gauge({
    name: 'cc_db_pool_connections',
    help: "This instance's PostgreSQL pool: connections by state (total, idle, waiting clients)",
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      const pool = (db.dataSource.driver as unknown as { master?: PgPool }).master;
      if (!pool || typeof pool.totalCount !== 'number') return;
      this.set({ state: 'total' }, pool.totalCount);
      this.set({ state: 'idle' }, pool.idleCount);
      this.set({ state: 'waiting' }, pool.waitingCount);
    },
  });
}
