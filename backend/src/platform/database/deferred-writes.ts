/** One SQL write with `$1…$n` parameters. */
export interface Statement {
  sql: string;
  params: unknown[];
}

/** PostgreSQL takes at most 65,535 parameters in a statement; stay well below. */
const MAX_PARAMS = 20_000;

/**
 * Folds writes into as few statements as possible: several become one
 * `WITH w0 AS (…), w1 AS (…) SELECT 1` (data-modifying CTEs all run, each seeing the
 * snapshot from before the statement), their parameters renumbered in order. A statement
 * must not write a row another one in the same batch writes; append-only inserts and the
 * single update of a row are what goes here.
 */
export function combineStatements(statements: Statement[]): Statement[] {
  const out: Statement[] = [];
  let group: Statement[] = [];
  let count = 0;
  const close = () => {
    if (group.length === 1) out.push(group[0]!);
    else if (group.length > 1) {
      let offset = 0;
      const params: unknown[] = [];
      const parts = group.map((s, i) => {
        const sql = s.sql.replace(/\$(\d+)\b/g, (_, n: string) => `$${Number(n) + offset}`);
        offset += s.params.length;
        params.push(...s.params);
        return `w${i} AS (${sql})`;
      });
      out.push({ sql: `WITH ${parts.join(', ')} SELECT 1`, params });
    }
    group = [];
    count = 0;
  };
  for (const statement of statements) {
    if (count + statement.params.length > MAX_PARAMS) close();
    group.push(statement);
    count += statement.params.length;
  }
  close();
  return out;
}
