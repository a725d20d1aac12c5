import { ApiProperty } from '@nestjs/swagger';

export class OverviewCurrencyDto {
  @ApiProperty({ example: 'USD' }) currency!: string;
  @ApiProperty({ description: 'Unpaid invoice balances, minor units.', example: 1250000 }) openBalance!: number;
  @ApiProperty({ description: 'The part of the open balance past due, minor units.', example: 310000 })
  overdueAmount!: number;
  @ApiProperty({ description: 'Payments since the 1st of the month, net of refunds, minor units.', example: 482500 })
  paymentsThisMonth!: number;
}

/** `GET /v1/overview`: the dashboard's front page. */
export class OverviewDto {
  @ApiProperty({ type: [OverviewCurrencyDto], description: 'One row per currency with money in it, by code.' })
  currencies!: OverviewCurrencyDto[];
  @ApiProperty({ description: 'Disputes not yet resolved.', example: 2 }) openDisputes!: number;
  @ApiProperty({ description: "The merchant's today (ISO date) the figures are for.", example: '2026-03-14' })
  asOf!: string;
}
