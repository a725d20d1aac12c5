// GET /v1/customer/wallet for a contact with many invoices against one with few, same app,
// same merchant, alternating rounds. The invoices are written by SQL on the app's database
// (PostgreSQL only: the bench's own connection) (fixtures only: one INSERT … SELECT FROM unnest per 5,000 rows), with ids from the
// backend's own newId('inv') so they sort by creation like real ones.
import { http, load, summarize } from './common.mjs';
import { signUp, startBackend, verifiedContactWithCard } from './backend.mjs';

export async function insertInvoices(backend, merchantId, contactId, count, tag) {
  const today = new Date();
  const day = (offset) => new Date(today.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  for (let from = 0; from < count; from += 5000) {
    const n = Math.min(5000, count - from);
    const ids = [],
      numbers = [],
      amounts = [],
      issued = [],
      due = [];
    for (let i = 0; i < n; i++) {
      const k = from + i;
      ids.push(backend.newId('inv'));
      numbers.push(`${tag}-${String(k + 1).padStart(6, '0')}`);
      amounts.push(10_000 + ((k * 7919) % 990_000));
      // Issued over the last ~2 years, net 30: about one in twenty still open and overdue.
      const age = count - k;
      issued.push(day(-Math.round((age * 730) / count)));
      due.push(day(30 - Math.round((age * 730) / count)));
    }
    await backend.sql(
      `INSERT INTO invoices (merchant_id, id, contact_id, number, currency, amount, balance, paid_amount, refunded_amount, credited_amount, status, issued_at, due_date, description, line_items, created_at, updated_at)
       SELECT $1, x.id, $2, x.number, 'USD', x.amount, x.amount, 0, 0, 0, 'open', x.issued::date, x.due::date, 'Bench invoice', '[]'::jsonb, now(), now()
       FROM unnest($3::text[], $4::text[], $5::bigint[], $6::text[], $7::text[]) AS x(id, number, amount, issued, due)`,
      [merchantId, contactId, ids, numbers, amounts, issued, due],
    );
  }
}

export async function measureWallet(
  root,
  { databaseUrl, connections, warmupSeconds, durationSeconds, rounds, many, few, log, workers },
) {
  const backend = await startBackend(root, { databaseUrl, log, workers });
  try {
    const { base } = backend;
    const merchant = await signUp(base);
    const big = await verifiedContactWithCard(backend, merchant);
    const small = await verifiedContactWithCard(backend, merchant);
    const t0 = Date.now();
    await insertInvoices(backend, merchant.merchantId, big.contactId, many, 'BIG');
    await insertInvoices(backend, merchant.merchantId, small.contactId, few, 'SMALL');
    await backend.sql('ANALYZE invoices').catch(() => undefined);
    log(`wallet: ${many} + ${few} invoices inserted in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

    const routes = [];
    for (const [name, c, count] of [
      ['few', small, few],
      ['many', big, many],
    ]) {
      const page = await http(base, 'GET', '/v1/customer/wallet', { token: c.session });
      routes.push({
        name,
        label: `GET /v1/customer/wallet, ${count.toLocaleString('en-US')} invoices`,
        invoices: count,
        invoicesOnFirstPage: page.json.invoices.data.length,
        hasMore: page.json.invoices.hasMore,
        responseBytes: page.bytes,
        headers: { authorization: `Bearer ${c.session}` },
      });
    }
    log(
      `wallet: first page ${routes.map((r) => `${r.invoicesOnFirstPage} invoices (hasMore ${r.hasMore}, ${r.responseBytes} B)`).join(' vs ')}`,
    );
    const optsOf = (route, duration) => ({
      url: `${base}/v1/customer/wallet`,
      headers: route.headers,
      connections,
      duration,
    });
    for (const route of routes) {
      log(`${route.label}: warm-up ${warmupSeconds} s`);
      await load(optsOf(route, warmupSeconds));
    }
    const roundSeconds = durationSeconds / rounds;
    const raws = { few: [], many: [] };
    log(
      `measuring ${durationSeconds} s per contact in ${rounds} rounds of ${roundSeconds} s, ${connections} connections`,
    );
    for (let round = 0; round < rounds; round++) {
      for (const route of round % 2 ? [...routes].reverse() : routes)
        raws[route.name].push(await load(optsOf(route, roundSeconds)));
    }
    const results = {};
    for (const route of routes) {
      const r = summarize(raws[route.name], optsOf(route, durationSeconds));
      if (r.non2xx || r.errors || r.timeouts)
        throw new Error(
          `${route.label}: ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts (status codes ${JSON.stringify(r.statusCodes)})`,
        );
      const { headers: _headers, ...described } = route;
      results[route.name] = { ...described, ...r };
    }
    // The plan of the wallet's invoice query for the big contact (index use is the point).
    // The plans of the wallet's invoice query for both contacts (index use is the point).
    let plan = null;
    if (backend.database.kind === 'postgres') {
      plan = {};
      for (const [name, c] of [
        ['few', small],
        ['many', big],
      ]) {
        const rows = await backend.sql(
          `EXPLAIN (ANALYZE, BUFFERS) SELECT * FROM invoices i WHERE i.merchant_id = $1 AND i.contact_id = $2 ORDER BY i.id DESC LIMIT 51`,
          [merchant.merchantId, c.contactId],
        );
        plan[name] = rows.map((r) => r['QUERY PLAN']);
      }
    }
    return {
      database: backend.database,
      settings: { connections, warmupSeconds, durationSeconds, rounds },
      few: results.few,
      many: results.many,
      invoiceQueryPlan: plan,
      ratio: {
        requestsPerSecond: results.many.requestsPerSecond / results.few.requestsPerSecond,
        latencyP50: results.few.latencyMs.p50 ? results.many.latencyMs.p50 / results.few.latencyMs.p50 : null,
      },
    };
  } finally {
    await backend.close();
  }
}
