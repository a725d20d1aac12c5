import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';
import type { EntityTarget, ObjectLiteral } from 'typeorm';
import { Db } from '../database/db.js';
import type { Metadata } from '../validation/metadata.js';
import type { ListQuery, Page } from './pagination.js';

/**
 * One condition of a list, in SQL over the table's own column names: `$?` stands for its one
 * value (used once or several times). Skipped when `value` is undefined, null or '' (an empty
 * `?contactId=` filters nothing, as before).
 */
export interface ListFilter {
  sql: string;
  value: unknown;
}

/** `column = value` (skipped without a value). */
export const equals = (column: string, value: unknown): ListFilter => ({ sql: `${column} = $?`, value });

/** The query fields every list shares: paging, and `metadata[k]=v` where the list's query takes it. */
export type ListPageQuery = ListQuery & { metadata?: Metadata };

/**
 * SQL text → prepared statement name, for the whole process: one text always has one name and
 * one name one text (a pooled connection refuses a name prepared with another text), however
 * many apps or repositories share a pool. Bounded by the combinations of filters the lists have.
 */
const STATEMENT_NAMES = new Map<string, string>();

interface Shape {
  table: string;
  select: string;
  /** Columns whose raw value still needs the entity's transformer (bigint as number). */
  converted: { property: string; from: (v: unknown) => unknown }[];
}

/**
 * A merchant's list of one entity by hand-written SQL, newest first by id (ids sort by creation),
 * with the cursor semantics of `paginate`: `startingAfter` = the last id seen, `limit` (default
 * 20) rows and `hasMore`. The domain's repository holds the filters; this builds
 *
 *   SELECT <every column AS its property> FROM <table>
 *   WHERE merchant_id = $1 [AND <filter>]… [AND metadata @> $n::jsonb] [AND id < $n]
 *   ORDER BY id DESC LIMIT $n
 *
 * and reads it as a named prepared statement (one per shape of filters, parsed once per pooled
 * connection), straight into entities: no query builder and no ORM hydration per request. Rows
 * come back as the entity's properties already (dates as `YYYY-MM-DD` text, timestamps as Date,
 * jsonb parsed); only transformers (bigint as number) run in JS.
 */
export class ListStatement<E extends ObjectLiteral> {
  private shape?: Shape;

  constructor(
    private readonly entity: EntityTarget<E>,
    /** Names the prepared statements (`list_<name>_<n>`). */
    private readonly name: string,
  ) {}

  async page(db: Db, merchantId: string, query: ListPageQuery, filters: ListFilter[] = []): Promise<Page<E>> {
    const shape = (this.shape ??= shapeOf(db, this.entity));
    const limit = query.limit ?? 20;
    const values: unknown[] = [merchantId];
    let where = 'merchant_id = $1';
    const add = (filter: ListFilter) => {
      if (filter.value === undefined || filter.value === null || filter.value === '') return;
      values.push(filter.value);
      where += ` AND ${filter.sql.replaceAll('$?', `$${values.length}`)}`;
    };
    for (const filter of filters) add(filter);
    // Rows whose metadata contains every filter pair (`@>`, served by the GIN index).
    if (query.metadata && Object.keys(query.metadata).length)
      add({ sql: 'metadata @> $?::jsonb', value: JSON.stringify(query.metadata) });
    if (query.startingAfter) add({ sql: 'id < $?', value: query.startingAfter });
    values.push(limit + 1);
    const text = `SELECT ${shape.select} FROM ${shape.table} WHERE ${where} ORDER BY id DESC LIMIT $${values.length}`;
    const rows = await db.select<E>({ name: this.statementName(text), text }, values);
    for (const row of rows)
      for (const c of shape.converted) (row as Record<string, unknown>)[c.property] = c.from(row[c.property]);
    return { data: rows.length > limit ? rows.slice(0, limit) : rows, hasMore: rows.length > limit };
  }

  private statementName(text: string): string {
    let name = STATEMENT_NAMES.get(text);
    if (!name) STATEMENT_NAMES.set(text, (name = `list_${this.name}_${STATEMENT_NAMES.size + 1}`));
    return name;
  }
}

/** The table and its select list, from the entity's TypeORM metadata (read once). */
function shapeOf<E extends ObjectLiteral>(db: Db, entity: EntityTarget<E>): Shape {
  const meta = db.dataSource.getMetadata(entity);
  const q = (name: string) => `"${name}"`;
  const expression = (c: ColumnMetadata) =>
    c.type === 'date' ? `to_char(${q(c.databaseName)}, 'YYYY-MM-DD')` : q(c.databaseName);
  const converted = meta.columns.flatMap((c) => {
    const t = c.transformer;
    if (!t) return [];
    const chain = Array.isArray(t) ? [...t].reverse() : [t];
    return [{ property: c.propertyName, from: (v: unknown) => chain.reduce((acc, tr) => tr.from(acc), v) }];
  });
  return {
    table: q(meta.tableName),
    select: meta.columns.map((c) => `${expression(c)} AS ${q(c.propertyName)}`).join(', '),
    converted,
  };
}
