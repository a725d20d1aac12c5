// GET /v1/overview for one merchant at a small and a large number of open invoices (default 10,000
// then 1,000,000), measured from outside over HTTP, sequential requests, median of the samples. The
// invoices are written by SQL (INSERT … SELECT generate_series: fixtures only, through the app's
// DataSource, so the running-total triggers fire as for any write). For reference the same figures
// are also computed the old way (a full scan of the merchant's open invoices) in SQL.
import { http } from './common.mjs';
import { signUp, startBackend, verifiedContactWithCard } from './backend.mjs';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function insertInvoices(backend, merchantId, contactId, from, to) {
  for (let lo = from; lo < to; lo += 100_000) {
    const hi = Math.min(to, lo + 100_000);
    await backend.sql(
      `INSERT INTO invoices (merchant_id, id, contact_id, number, currency, amount, balance, status, issued_at, due_date, created_at, updated_at)
       SELECT $1, 'inv_bench' || lpad(g::text, 8, '0'), $2, 'OV-' || g, CASE WHEN g % 10 = 0 THEN 'EUR' ELSE 'USD' END,
              10000 + (g::bigint * 7919) % 990000, 10000 + (g::bigint * 7919) % 990000, 'open',
              current_date - 760 + (g % 730), current_date - 730 + (g % 730), now(), now()
         FROM generate_series($3::int, $4::int) g`,
      [merchantId, contactId, lo + 1, hi],
    );
  }
}

async function time(n, fn) {
  const samples = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return Math.round(median(samples) * 100) / 100;
}

export async function measureOverview(root, { databaseUrl, small, large, samples, log }) {
  const backend = await startBackend(root, { databaseUrl, log });
  try {
    const merchant = await signUp(backend.base);
    const contact = await verifiedContactWithCard(backend, merchant);
    // http() throws on any answer but 2xx.
    const get = async () => (await http(backend.base, 'GET', '/v1/overview', { token: merchant.secretKey })).json;
    const fullScan = () =>
      backend.sql(
        `SELECT currency, sum(balance)::bigint AS open, sum(CASE WHEN due_date < current_date THEN balance ELSE 0 END)::bigint AS overdue
           FROM invoices WHERE merchant_id = $1 AND status IN ('open', 'partially_paid', 'disputed') GROUP BY currency`,
        [merchant.merchantId],
      );
    const points = [];
    let have = 0;
    for (const count of [small, large]) {
      const t0 = Date.now();
      await insertInvoices(backend, merchant.merchantId, contact.contactId, have, count);
      have = count;
      await backend.sql('ANALYZE').catch(() => undefined);
      const first = await time(1, get); // folds the deltas the inserts appended
      // What autovacuum does soon after (the migration sets it to every 1,000 dead deltas): without
      // it, reads right after a fold of a million deltas scan their dead rows.
      await backend.sql('VACUUM ANALYZE overview_deltas, overview_totals');
      log(`overview: ${count} invoices inserted in ${((Date.now() - t0) / 1000).toFixed(1)} s, first read ${first} ms`);
      const body = await get();
      const scanned = await fullScan();
      for (const row of scanned) {
        const c = body.currencies.find((x) => x.currency === row.currency);
        if (c?.openBalance !== Number(row.open) || c?.overdueAmount !== Number(row.overdue))
          throw new Error(`overview ${JSON.stringify(c)} differs from the full scan ${JSON.stringify(row)}`);
      }
      points.push({
        invoices: count,
        overviewMsP50: await time(samples, get),
        fullScanSqlMsP50: await time(Math.min(samples, 5), fullScan),
        firstReadAfterInsertMs: first,
      });
    }
    const [a, b] = points;
    return {
      database: backend.database,
      settings: { samples },
      points,
      ratio: { overview: b.overviewMsP50 / a.overviewMsP50, fullScan: b.fullScanSqlMsP50 / a.fullScanSqlMsP50 },
    };
  } finally {
    await backend.close();
  }
}
