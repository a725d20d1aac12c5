import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, type EntityTarget, type ObjectLiteral, type Repository } from 'typeorm';

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
    return this.dataSource.transaction((em) => this.current.run(em, () => work(em)));
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
