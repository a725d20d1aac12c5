import { Injectable } from '@nestjs/common';
import { Db } from '../../platform/database/db.js';

export interface CurrencyFigures {
  currency: string;
  openBalance: number;
  overdueAmount: number;
  paymentsThisMonth: number;
}

export interface OverviewFigures {
  currencies: CurrencyFigures[];
  openDisputes: number;
}

/**
 * The dashboard's figures from running totals (see the OverviewTotals migration): database triggers
 * append a delta in the same transaction as every change, so no service has to remember to. The read
 * costs the merchant's buckets (distinct due dates, months) plus deltas not yet folded, never its
 * invoices; folding keeps the deltas few.
 */
@Injectable()
export class OverviewTotalsService {
  constructor(private readonly db: Db) {}

  /**
   * Moves pending deltas (one merchant's, or everyone's) into the totals, in one statement: a
   * concurrent fold skips the rows this one deleted, so nothing is counted twice.
   */
  async fold(merchantId?: string): Promise<void> {
    await this.db.manager.query(
      `WITH moved AS (DELETE FROM overview_deltas WHERE $1::text IS NULL OR merchant_id = $1 RETURNING *)
       INSERT INTO overview_totals AS t (merchant_id, kind, currency, bucket, amount, n)
       SELECT merchant_id, kind, currency, bucket, sum(amount), sum(n) FROM moved GROUP BY 1, 2, 3, 4
       ON CONFLICT (merchant_id, kind, currency, bucket) DO UPDATE SET amount = t.amount + EXCLUDED.amount, n = t.n + EXCLUDED.n`,
      [merchantId ?? null],
    );
    await this.db.manager.query(
      `DELETE FROM overview_totals WHERE n = 0 AND amount = 0 AND ($1::text IS NULL OR merchant_id = $1)`,
      [merchantId ?? null],
    );
  }

  /** The figures as of `today` (YYYY-MM-DD, UTC): one statement, so one consistent snapshot. */
  async read(merchantId: string, today: string): Promise<OverviewFigures> {
    const monthStart = `${today.slice(0, 7)}-01`;
    const rows: { kind: string; currency: string; amount: string; n: string; overdue: string }[] =
      await this.db.manager.query(
        `SELECT kind, currency, sum(amount)::bigint AS amount, sum(n)::bigint AS n,
                sum(CASE WHEN bucket < $2::date THEN amount ELSE 0 END)::bigint AS overdue
           FROM (SELECT kind, currency, bucket, amount, n FROM overview_totals WHERE merchant_id = $1
                 UNION ALL
                 SELECT kind, currency, bucket, amount, n FROM overview_deltas WHERE merchant_id = $1) x
          WHERE kind <> 'paid' OR bucket >= $3::date
          GROUP BY kind, currency`,
        [merchantId, today, monthStart],
      );
    const byCurrency = new Map<string, CurrencyFigures>();
    const row = (currency: string) =>
      byCurrency.get(currency) ??
      byCurrency.set(currency, { currency, openBalance: 0, overdueAmount: 0, paymentsThisMonth: 0 }).get(currency)!;
    let openDisputes = 0;
    for (const r of rows) {
      if (r.kind === 'disputes') openDisputes += Number(r.n);
      else if (Number(r.n) === 0) continue;
      else if (r.kind === 'open')
        Object.assign(row(r.currency), { openBalance: Number(r.amount), overdueAmount: Number(r.overdue) });
      else row(r.currency).paymentsThisMonth = Number(r.amount);
    }
    return {
      currencies: [...byCurrency.values()].sort((a, b) => a.currency.localeCompare(b.currency)),
      openDisputes,
    };
  }
}
