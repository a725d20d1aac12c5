import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startApp, type TestApp } from './support/app.js';
import { signUpMerchant, type SignedUpMerchant } from './support/factories.js';

const deep = (levels: number) => '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);
const PROTO_NAMES = ['constructor', 'hasOwnProperty', 'toString', 'valueOf'];

/** Bodies no write endpoint should take: wrong types, a 1 MB string, 10,000 levels, inherited names at each level. */
const BODIES = [
  '[]',
  '"x"',
  '123',
  'null',
  'true',
  JSON.stringify({ name: 'x'.repeat(1_000_000) }),
  deep(10_000),
  '[' + '['.repeat(9_999) + ']'.repeat(10_000),
  JSON.stringify(Object.fromEntries(PROTO_NAMES.map((k) => [k, Object.fromEntries(PROTO_NAMES.map((j) => [j, {}]))]))),
  '{"metadata":{"constructor":"x","toString":"y"},"settings":{"hasOwnProperty":{}}}',
  '{"amount":"1","currency":{},"email":[],"contactId":{},"data":{"constructor":1},"url":[]}',
  '{"__proto__":{"admin":true}}',
];

describe('fuzz: every write endpoint of the OpenAPI document', () => {
  let t: TestApp;
  let m: SignedUpMerchant;
  beforeAll(async () => {
    t = await startApp();
    m = await signUpMerchant(t.http);
  });
  afterAll(async () => t?.close());

  const snapshot = async () => {
    const tables: { name: string }[] = await t.db.dataSource.query(
      "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations' ORDER BY 1",
    );
    const counts: Record<string, number> = {};
    for (const { name } of tables)
      counts[name] = (await t.db.dataSource.query(`SELECT count(*)::int AS n FROM "${name}"`))[0].n;
    return counts;
  };

  it('answers no 5xx and writes nothing for a refused request', async () => {
    const doc = (await t.http.get('/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    const before = await snapshot();
    const fivexx: string[] = [];
    const accepted: string[] = [];
    let sent = 0;
    // POST /dev/jobs/run takes no body (it runs the worker, and may write): nothing to refuse there.
    for (const [path, ops] of Object.entries(doc.paths).filter(([p]) => p !== '/dev/jobs/run')) {
      for (const method of Object.keys(ops).filter((k) => ['post', 'put', 'patch', 'delete'].includes(k))) {
        const url = path.replace(/\{[^}]+\}/g, 'zz_missing');
        for (const raw of BODIES) {
          const res = await t.http.request(method.toUpperCase(), url, undefined, { token: m.secretKey, raw });
          sent++;
          const line = `${method.toUpperCase()} ${path} ${raw.slice(0, 40)} → ${res.status}`;
          if (res.status >= 500) fivexx.push(line);
          else if (res.status < 400) accepted.push(line);
        }
      }
    }
    expect(sent).toBeGreaterThan(100);
    expect(fivexx).toEqual([]);
    expect(accepted).toEqual([]);
    expect(await snapshot()).toEqual(before);
  }, 120_000);
});
