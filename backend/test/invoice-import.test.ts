import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startApp, type TestApp } from './support/app.js';
import { authorizedContact } from './support/billing.js';
import { signUpMerchant, unique, type SignedUpMerchant } from './support/factories.js';

describe('invoice import', () => {
  let t: TestApp;
  let m: SignedUpMerchant;
  let email: string;
  beforeAll(async () => {
    t = await startApp();
    m = await signUpMerchant(t.http);
    const c = await authorizedContact(t, m.secretKey, m.merchantId);
    email = (await t.http.get(`/v1/contacts/${c.contactId}`, { token: m.secretKey })).body.email;
  });
  afterAll(async () => t?.close());
  const count = async () =>
    (await t.db.dataSource.query('SELECT count(*)::int AS n FROM invoices WHERE merchant_id = $1', [m.merchantId]))[0]
      .n;

  const csv = (rows: string[]) =>
    ['Invoice Number,Contact Email,Amount,Currency,Issue Date,Due Date,Description', ...rows].join('\n');

  it('previews a dry run row by row and writes nothing', async () => {
    const p = unique();
    const data = csv([
      `${p}-1,${email},"1,234.56",USD,2026-11-01,2026-12-01,Bolts`,
      `${p}-2,nobody@x.example,10.00,USD,2026-11-01,,Nuts`,
      `${p}-3,${email},12.345,USD,2026-11-01,,Washers`,
    ]);
    const res = await t.http.post('/v1/invoices/import', { format: 'csv', data, dryRun: true }, { token: m.secretKey });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      dryRun: true,
      valid: false,
      imported: 0,
      summary: { total: 3, ok: 1, errors: 2 },
    });
    expect(res.body.rows[0]).toEqual({ row: 1, number: `${p}-1`, status: 'ok' });
    expect(res.body.rows[1]).toMatchObject({
      row: 2,
      status: 'error',
      error: { code: 'contact_not_found', param: 'contactEmail' },
    });
    expect(res.body.rows[2]).toMatchObject({ row: 3, status: 'error', error: { param: 'amount' } });
    expect(await count()).toBe(0);
  });

  it('imports 1,000 rows in one transaction, with an event, a notice and an audit entry each', async () => {
    const p = unique();
    const other = await signUpMerchant(t.http); // its own merchant: the other tests count this one's invoices
    const c = await authorizedContact(t, other.secretKey, other.merchantId);
    const otherEmail = (await t.http.get(`/v1/contacts/${c.contactId}`, { token: other.secretKey })).body.email;
    const rows = Array.from({ length: 1000 }, (_, i) => `${p}-${i},${otherEmail},1.00,USD,2026-11-01,,Row ${i}`);
    const res = await t.http.post(
      '/v1/invoices/import',
      { format: 'csv', data: csv(rows) },
      { token: other.secretKey },
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ imported: 1000 });
    const m = other;
    // The append-only rows are written together before COMMIT, in several statements past the parameter limit.
    const ids = res.body.rows.map((r: { invoiceId: string }) => r.invoiceId);
    const [{ events }] = await t.db.dataSource.query(
      `SELECT count(*)::int AS events FROM events WHERE merchant_id = $1 AND type = 'invoice.created' AND subject_id = ANY($2)`,
      [m.merchantId, ids],
    );
    const [{ audits }] = await t.db.dataSource.query(
      `SELECT count(*)::int AS audits FROM audit_log WHERE merchant_id = $1 AND action = 'invoice.created' AND subject_id = ANY($2)`,
      [m.merchantId, ids],
    );
    const [{ notices }] = await t.db.dataSource.query(
      `SELECT count(*)::int AS notices FROM outbox_messages WHERE merchant_id = $1 AND payload->>'template' = 'invoice_issued' AND payload->'data'->'invoice'->>'id' = ANY($2)`,
      [m.merchantId, ids],
    );
    expect([events, audits, notices]).toEqual([1000, 1000, 1000]);
  }, 120_000);

  it('imports all rows or none', async () => {
    const p = unique();
    const bad = await t.http.post(
      '/v1/invoices/import',
      {
        format: 'csv',
        data: csv([
          `${p}-1,${email},100.00,USD,2026-11-01,,A`,
          `${p}-1,${email},200.00,USD,2026-11-01,,duplicate number`,
        ]),
      },
      { token: m.secretKey },
    );
    expect(bad.status).toBe(422);
    expect(bad.body.error).toMatchObject({ code: 'import_invalid', summary: { ok: 1, errors: 1 } });
    expect(bad.body.error.rows[1].error.code).toBe('duplicate_invoice_number');
    expect(await count()).toBe(0);

    const good = await t.http.post(
      '/v1/invoices/import',
      {
        format: 'csv',
        data: csv([
          `${p}-1,${email},"1,234.56",USD,2026-11-01,2026-12-01,Bolts`,
          `${p}-2,${email},99.5,USD,2026-11-02,,Nuts`,
        ]),
      },
      { token: m.secretKey },
    );
    expect(good.status).toBe(201);
    expect(good.body).toMatchObject({ dryRun: false, valid: true, imported: 2 });
    const list = await t.http.get('/v1/invoices', { token: m.secretKey });
    expect(
      list.body.data.map((i: { number: string; amount: number; dueDate: string }) => [i.number, i.amount, i.dueDate]),
    ).toEqual([
      [`${p}-2`, 9950, '2026-12-02'],
      [`${p}-1`, 123456, '2026-12-01'],
    ]);
  });

  it('takes JSON rows in the API shape, and refuses what cannot be read', async () => {
    const res = await t.http.post(
      '/v1/invoices/import',
      { format: 'json', data: [{ number: `J-${unique()}`, contactEmail: email, amount: 500 }] },
      { token: m.secretKey },
    );
    expect(res.body.imported).toBe(1);
    const garbage = await t.http.post(
      '/v1/invoices/import',
      { format: 'csv', data: 'a,b\n"unterminated' },
      { token: m.secretKey },
    );
    expect(garbage.status).toBe(422);
    expect(garbage.body.error.param).toBe('data');
    const tooMany = await t.http.post(
      '/v1/invoices/import',
      { format: 'json', data: Array.from({ length: 5001 }, () => ({})) },
      { token: m.secretKey },
    );
    expect(tooMany.body.error.message).toContain('5000');
  });

  it('answers a retry with the same Idempotency-Key with the first answer, importing once', async () => {
    const p = unique();
    const body = { format: 'csv', data: csv([`${p}-1,${email},5.00,USD,2026-11-01,,Retried`]) };
    const before = await count();
    const key = `import-${p}`;
    const first = await t.http.post('/v1/invoices/import', body, { token: m.secretKey, idempotencyKey: key });
    expect(first.status).toBe(201);
    const retry = await t.http.post('/v1/invoices/import', body, { token: m.secretKey, idempotencyKey: key });
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect(await count()).toBe(before + 1);
    const reused = await t.http.post(
      '/v1/invoices/import',
      { ...body, dryRun: true },
      { token: m.secretKey, idempotencyKey: key },
    );
    expect(reused.status).toBe(409);
    expect(reused.body.error.code).toBe('idempotency_key_reused');
  });
});
