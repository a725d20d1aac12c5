import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ANY_OBJECT, ApiOk } from '../../common/api-responses.js';
import type { MerchantAuth } from '../../common/auth/auth-context.js';
import { Auth } from '../../common/auth/decorators.js';
import { Clock } from '../../common/clock.js';
import { Db } from '../../common/db.js';

interface CurrencyFigures {
  currency: string;
  openBalance: number;
  overdueAmount: number;
  paymentsThisMonth: number;
}

/** The dashboard's front page: money per currency, and open disputes. */
@ApiTags('overview')
@Controller('v1/overview')
export class OverviewController {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  @ApiOk(ANY_OBJECT)
  @Get()
  @ApiOperation({
    summary: 'Open balance, overdue amount, payments this month (net of refunds) per currency; open disputes.',
  })
  async get(@Auth() auth: MerchantAuth) {
    const today = this.clock.today();
    const monthStart = `${today.slice(0, 7)}-01`;
    const m = auth.merchantId;
    const balances: { currency: string; open: string; overdue: string }[] = await this.db.manager.query(
      `SELECT currency, sum(balance)::bigint AS open, sum(CASE WHEN due_date < $2 THEN balance ELSE 0 END)::bigint AS overdue
         FROM invoices WHERE merchant_id = $1 AND status IN ('open', 'partially_paid', 'disputed') GROUP BY currency`,
      [m, today],
    );
    const payments: { currency: string; total: string }[] = await this.db.manager.query(
      `SELECT currency, sum(amount - refunded_amount)::bigint AS total FROM payments
         WHERE merchant_id = $1 AND status = 'succeeded' AND created_at >= $2::date GROUP BY currency`,
      [m, monthStart],
    );
    const [{ n }] = await this.db.manager.query(
      `SELECT count(*)::int AS n FROM disputes WHERE merchant_id = $1 AND status = 'open'`,
      [m],
    );
    const byCurrency = new Map<string, CurrencyFigures>();
    const row = (currency: string) =>
      byCurrency.get(currency) ??
      byCurrency.set(currency, { currency, openBalance: 0, overdueAmount: 0, paymentsThisMonth: 0 }).get(currency)!;
    for (const b of balances)
      Object.assign(row(b.currency), { openBalance: Number(b.open), overdueAmount: Number(b.overdue) });
    for (const p of payments) row(p.currency).paymentsThisMonth = Number(p.total);
    return {
      currencies: [...byCurrency.values()].sort((a, b) => a.currency.localeCompare(b.currency)),
      openDisputes: n,
      asOf: today,
    };
  }
}
