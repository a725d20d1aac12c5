import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, type EntityTarget, type ObjectLiteral, type Repository } from 'typeorm';
import { combineStatements, type Statement } from './deferred-writes.js';

/** Wraps an error whose transaction must still commit (the failed payment and its event are kept). */
export class CommitThenThrow extends Error {
  constructor(readonly error: Error) {
    super(error.message);
  }
}

/** What `Db.select` needs of the driver's pool (`pg.Pool`, or the embedded driver's, which ignores `name`). */
interface PreparingPool {
  query<R>(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: R[] }>;
}

/** One open transaction: its manager, and the writes deferred to just before its COMMIT. */
interface Transaction {
  em: EntityManager;
  deferred: Statement[];
}

/**
 * The one way services reach the database. `transaction` joins the transaction already
 * open for this request (see the write interceptor) or opens one; `repo` reads through it.
 * Never hold a repository across calls: on the embedded database a second connection
 * would wait for the transaction that is waiting for it.
 *
 * Append-only rows nothing reads back in the same transaction (events, outbox messages, audit
 * entries, the stored idempotent answer) are written with `insertLater` / `writeLater`: queued
 * and sent together in one statement just before COMMIT (a round trip each saved), in the
 * same transaction, so they still commit or roll back with the work.
 */
@Injectable()
export class Db {
  private readonly current = new AsyncLocalStorage<Transaction>();

  constructor(readonly dataSource: DataSource) {}

  transaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    const open = this.current.getStore();
    if (open) return work(open.em);
    return this.outermost(work);
  }

  /** Commits even when `work` throws a `CommitThenThrow` (e.g. a declined charge that must be kept), then throws it. */
  private async outermost<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    const result = await this.dataSource.transaction((em) => {
      const tx: Transaction = { em, deferred: [] };
      return this.current.run(tx, async (): Promise<{ value: T } | { error: CommitThenThrow }> => {
        let outcome: { value: T } | { error: CommitThenThrow };
        try {
          outcome = { value: await work(em) };
        } catch (err) {
          if (!(err instanceof CommitThenThrow)) throw err;
          outcome = { error: err };
        }
        await this.flush(tx);
        return outcome;
      });
    });
    if ('error' in result) throw result.error.error;
    return result.value;
  }

  /** A fresh transaction even inside another (for what must survive the request's rollback). */
  detached<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.current.exit(() =>
      this.dataSource.transaction((em) => {
        const tx: Transaction = { em, deferred: [] };
        return this.current.run(tx, async () => {
          const value = await work(em);
          await this.flush(tx);
          return value;
        });
      }),
    );
  }

  get manager(): EntityManager {
    return this.current.getStore()?.em ?? this.dataSource.manager;
  }

  repo<E extends ObjectLiteral>(entity: EntityTarget<E>): Repository<E> {
    return this.manager.getRepository(entity);
  }

  /**
   * An entity from a row as PostgreSQL's `to_json` gives it (column names, JSON values: what a
   * hand-written statement returns as JSON), converted as TypeORM converts a row it reads
   * (dates, transformers such as bigint as number).
   */
  hydrate<E extends ObjectLiteral>(entity: EntityTarget<E>, row: Record<string, unknown>): E {
    const meta = this.dataSource.getMetadata(entity);
    const driver = this.dataSource.driver;
    const out = meta.create() as E;
    for (const c of meta.columns) c.setEntityValue(out, driver.prepareHydratedValue(row[c.databaseName], c));
    return out;
  }

  /**
   * A read by hand-written SQL (numbered parameters), rows as the driver gives them. Outside a
   * transaction it goes straight to the pool as a named prepared statement (PostgreSQL parses
   * and plans it once per connection; no query runner); inside one, through the transaction.
   */
  async select<R>(statement: { name: string; text: string }, values: unknown[]): Promise<R[]> {
    const tx = this.current.getStore();
    if (tx) return (await tx.em.query(statement.text, values)) as R[];
    const pool = (this.dataSource.driver as unknown as { master: PreparingPool }).master;
    return (await pool.query<R>({ name: statement.name, text: statement.text, values })).rows;
  }

  get inTransaction(): boolean {
    return this.current.getStore() !== undefined;
  }

  /**
   * Inserts `row` (an entity's properties) just before the transaction commits; at once outside
   * one. Values go through TypeORM's own conversion (transformers, jsonb, dates); a property
   * left undefined is left to the column's default, as `repository.insert` does.
   */
  insertLater<E extends ObjectLiteral>(entity: EntityTarget<E>, row: E): Promise<void> {
    const meta = this.dataSource.getMetadata(entity);
    const driver = this.dataSource.driver;
    const columns = meta.columns.filter((c) => c.getEntityValue(row) !== undefined);
    const sql = `INSERT INTO ${driver.escape(meta.tableName)} (${columns.map((c) => driver.escape(c.databaseName)).join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`;
    return this.writeLater(
      sql,
      columns.map((c) => driver.preparePersistentValue(c.getEntityValue(row), c)),
    );
  }

  /** Runs an INSERT / UPDATE (numbered parameters) just before the transaction commits; at once outside one. */
  async writeLater(sql: string, params: unknown[]): Promise<void> {
    const tx = this.current.getStore();
    if (tx) tx.deferred.push({ sql, params });
    else await this.dataSource.query(sql, params);
  }

  /**
   * Runs `work` under a SAVEPOINT: when it throws, the database is rolled back to the savepoint
   * AND the writes it deferred are dropped (they would otherwise commit with the transaction).
   * Only inside a transaction.
   */
  async savepoint<T>(name: string, work: () => Promise<T>): Promise<T> {
    const tx = this.current.getStore();
    if (!tx) throw new Error('Db.savepoint needs an open transaction');
    const queued = tx.deferred.length;
    await tx.em.query(`SAVEPOINT ${name}`);
    try {
      const value = await work();
      await tx.em.query(`RELEASE SAVEPOINT ${name}`);
      return value;
    } catch (err) {
      await tx.em.query(`ROLLBACK TO SAVEPOINT ${name}`);
      tx.deferred.length = queued;
      throw err;
    }
  }

  /** Writes what is deferred now, before something outside the database happens (a refund at the processor). */
  async flushNow(): Promise<void> {
    const tx = this.current.getStore();
    if (tx) await this.flush(tx);
  }

  private async flush(tx: Transaction): Promise<void> {
    while (tx.deferred.length) {
      const batch = tx.deferred.splice(0);
      for (const { sql, params } of combineStatements(batch)) await tx.em.query(sql, params);
    }
  }
}
