import { EventEmitter } from 'node:events';
import type { PGlite, Results } from '@electric-sql/pglite';

type QueryResult = { rows: unknown[]; rowCount: number; command?: string };
type Callback<T> = (err: Error | null, value?: T) => void;
type ConnectCallback = (err: Error | null, conn: PgliteConnection, release: () => void) => void;

class PgliteConnection extends EventEmitter {
  constructor(private readonly db: PGlite) {
    super();
  }

  async query(sql: string, params?: unknown[], cb?: Callback<QueryResult>): Promise<QueryResult> {
    try {
      const res: Results =
        params && params.length
          ? await this.db.query(sql, params)
          : ((await this.db.exec(sql)).at(-1) ?? { rows: [], fields: [] });
      const result = {
        rows: res.rows,
        rowCount: res.affectedRows ?? res.rows.length,
        command: res.command ?? sql.trimStart().split(/\s/, 1)[0]?.toUpperCase(),
      };
      cb?.(null, result);
      return result;
    } catch (err) {
      cb?.(err as Error);
      throw err;
    }
  }
}

/**
 * A `pg`-shaped driver for TypeORM over one in-process PGlite.
 *
 * PGlite is a single database session: if two TypeORM query runners shared it, their
 * transactions would interleave (one COMMIT committing both, SKIP LOCKED handing one row
 * to both). So this pool lends its ONE connection to one holder at a time; `connect`
 * waits until the previous holder releases it.
 */
export function pgliteDriver(db: PGlite) {
  class Pool extends EventEmitter {
    private queue: Promise<void> = Promise.resolve();
    private readonly connection = new PgliteConnection(db);

    connect(cb: ConnectCallback): void {
      let release!: () => void;
      const turn = new Promise<void>((resolve) => (release = resolve));
      const previous = this.queue;
      this.queue = previous.then(() => turn);
      void previous.then(() => {
        let released = false;
        cb(null, this.connection, () => {
          if (released) return;
          released = true;
          release();
        });
      });
    }

    /**
     * A query outside a transaction still waits for its turn on the one session. Takes `pg`'s
     * query config too (`{ name, text, values }`); PGlite has no named statements to keep, so
     * `name` is ignored.
     */
    query(
      query: string | { text: string; values?: unknown[] },
      values?: unknown[],
      cb?: Callback<QueryResult>,
    ): Promise<QueryResult> {
      const [sql, params] = typeof query === 'string' ? [query, values] : [query.text, query.values];
      return new Promise((resolve, reject) =>
        this.connect((_err, conn, done) =>
          conn.query(sql, params, cb).then(
            (r) => (done(), resolve(r)),
            (e: Error) => (done(), reject(e)),
          ),
        ),
      );
    }

    end(cb?: (err: Error | null) => void): void {
      cb?.(null);
    }
  }
  return { Pool };
}
