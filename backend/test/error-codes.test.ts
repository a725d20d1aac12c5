import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { ALL_ERRORS, ERROR_AREAS, ERROR_CODES } from '../src/errors/index.js';
import { errorCodeTable, TABLE_END, TABLE_START } from '../src/errors/table.js';
import { STATUS_TYPE } from '../src/platform/errors/registry.js';

/** The registry of error codes (backend/src/errors, backend/src/platform/errors/codes.ts) is the only place a code is written. */
const SRC = fileURLToPath(new URL('../src', import.meta.url));
const DOCS = fileURLToPath(new URL('../../docs', import.meta.url));
const CONVENTIONS = join(DOCS, 'api-conventions.md');

/** Where a code may be spelt out: the registry itself. */
const REGISTRY = new Set([
  'errors/accounts.ts',
  'errors/terms.ts',
  'errors/invoices.ts',
  'errors/payments.ts',
  'platform/errors/codes.ts',
  'platform/errors/registry.ts',
]);
/**
 * The payment processor's own vocabulary (its failure codes, stored on a failed payment): it reaches
 * the wire only through PAYMENT_ERRORS, looked up by that code (domain/payments/charge-attempts.ts).
 */
const PROCESSOR = 'domain/payments/processor/';

const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );

/** Comments out (a code named in prose is fine), strings kept, line numbers kept. */
const withoutComments = (text: string) =>
  text.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' ')).replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');

describe('the error registry', () => {
  it('is the only place an error code is written: no code as a string literal anywhere else in the source', () => {
    const codes = new Set(ERROR_CODES);
    const found: string[] = [];
    for (const file of walk(SRC)) {
      const rel = relative(SRC, file).split('\\').join('/');
      if (REGISTRY.has(rel) || rel.startsWith(PROCESSOR) || rel.endsWith('.spec.ts')) continue;
      withoutComments(readFileSync(file, 'utf8'))
        .split('\n')
        .forEach((line, i) => {
          for (const m of line.matchAll(/(['"`])([a-z][a-z0-9_]*)\1/g))
            if (codes.has(m[2]!)) found.push(`${rel}:${i + 1}: '${m[2]}' (use its registry entry)`);
        });
    }
    expect(found).toEqual([]);
  });

  it('gives each entry the type of its status, snake_case codes, and one entry per code and status', () => {
    for (const e of ALL_ERRORS) {
      expect(e.type).toBe(STATUS_TYPE[e.status]);
      expect(e.code).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
      expect(e.message.length).toBeGreaterThan(0);
      expect(e.when.length).toBeGreaterThan(0);
    }
    const keys = ALL_ERRORS.map((e) => `${e.status} ${e.code}`);
    expect(keys.length).toBe(new Set(keys).size);
  });

  it('shares a wire code between entries only where the product rules ask for two statuses (terms_locked: 403 and 409)', () => {
    const shared = ERROR_CODES.filter((c) => ALL_ERRORS.filter((e) => e.code === c).length > 1);
    expect(shared).toEqual(['terms_locked']);
    expect(ALL_ERRORS.filter((e) => e.code === 'terms_locked').map((e) => [e.name, e.status])).toEqual([
      ['terms_locked_for_member', 403],
      ['terms_locked_as_offered', 409],
    ]);
  });

  it('answers 400 only for a request that cannot be read; a readable value breaking a rule is 422', () => {
    const unreadable = ALL_ERRORS.filter((e) => e.status === 400).map((e) => e.code);
    expect(unreadable.sort()).toEqual(['body_too_deep', 'invalid_json', 'invalid_request']);
    for (const code of ['parameter_invalid', 'parameter_missing', 'unknown_field'])
      expect(ALL_ERRORS.filter((e) => e.code === code).map((e) => e.status)).toEqual([422]);
  });

  it('keeps every area under its own names (no name in two areas)', () => {
    const names = ERROR_AREAS.flatMap((a) => Object.keys(a));
    expect(names.length).toBe(new Set(names).size);
  });
});

describe('the error codes in docs/', () => {
  const docs = readFileSync(CONVENTIONS, 'utf8');

  it('has the table of docs/api-conventions.md generated from the registry (CC_UPDATE_DOCS=1 rewrites it)', () => {
    const start = docs.indexOf(TABLE_START);
    const end = docs.indexOf(TABLE_END);
    expect(start).toBeGreaterThanOrEqual(0);
    expect(end).toBeGreaterThan(start);
    const fresh = docs.slice(0, start) + errorCodeTable(ALL_ERRORS) + docs.slice(end + TABLE_END.length);
    if (process.env.CC_UPDATE_DOCS === '1') writeFileSync(CONVENTIONS, fresh);
    expect(readFileSync(CONVENTIONS, 'utf8')).toBe(fresh);
  });

  it('names every registry code, with its status, in the docs', () => {
    const all = readdirSync(DOCS, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.md'))
      .map((f) => readFileSync(join(DOCS, f), 'utf8'))
      .join('\n');
    const missing = ALL_ERRORS.filter((e) => !all.includes(`| ${e.status} | \`${e.code}\` |`)).map(
      (e) => `${e.status} ${e.code}`,
    );
    expect(missing).toEqual([]);
  });
});
