import type { ErrorDef } from '../platform/errors/registry.js';

export const TABLE_START =
  '<!-- error codes: generated from backend/src/errors (CC_UPDATE_DOCS=1 with backend/test/error-codes.test.ts rewrites it) -->';
export const TABLE_END = '<!-- end of error codes -->';

/** The docs table of every registry entry (status, code, type, when), by status then registry order. */
export function errorCodeTable(defs: readonly ErrorDef[]): string {
  const rows = [...defs]
    .map((d, i) => ({ d, i }))
    .sort((a, b) => a.d.status - b.d.status || a.i - b.i)
    .map(({ d }) => `| ${d.status} | \`${d.code}\` | \`${d.type}\` | ${d.when} |`);
  return [TABLE_START, '', '| status | code | type | when |', '| --- | --- | --- | --- |', ...rows, '', TABLE_END].join(
    '\n',
  );
}
