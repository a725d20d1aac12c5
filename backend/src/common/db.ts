import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, type EntityTarget, type ObjectLiteral, type Repository } from 'typeorm';

/** Wraps an error whose transaction must still commit (the failed payment and its event are kept). */
export class CommitThenThrow extends Error {
  constructor(readonly error: Error) {
    super(error.message);
  }
}

/**
 * The one way services reach the database. `transaction` joins the transaction already
 * open for this request (see the write interceptor) or opens one; `repo` reads through it.
 * Never hold a repository across calls: on the embedded database a second connection
 * would wait for the transaction that is waiting for it.
 */
@Injectable()
export class Db {
  private readonly current = new AsyncLocalStorage<EntityManager>();

  constructor(readonly dataSource: DataSource) {}

  transaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    const open = this.current.getStore();
    if (open) return work(open);
    return this.outermost(work);
  }

  /** Commits even when `work` throws a `CommitThenThrow` (e.g. a declined charge that must be kept), then throws it. */
  private async outermost<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    const result = await this.dataSource.transaction((em) =>
      this.current.run(em, async (): Promise<{ value: T } | { error: CommitThenThrow }> => {
        try {
          return { value: await work(em) };
        } catch (err) {
          if (err instanceof CommitThenThrow) return { error: err };
          throw err;
        }
      }),
    );
    if ('error' in result) throw result.error.error;
    return result.value;
  }

  /** A fresh transaction even inside another (for what must survive the request's rollback). */
  detached<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.current.exit(() => this.dataSource.transaction((em) => this.current.run(em, () => work(em))));
  }

  get manager(): EntityManager {
    return this.current.getStore() ?? this.dataSource.manager;
  }

  repo<E extends ObjectLiteral>(entity: EntityTarget<E>): Repository<E> {
    return this.manager.getRepository(entity);
  }

  get inTransaction(): boolean {
    return this.current.getStore() !== undefined;
  }
}
