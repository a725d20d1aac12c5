import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiOk } from '../../platform/http/api-responses.js';
import type { MerchantAuth } from '../../platform/http/auth/auth-context.js';
import { Auth } from '../../platform/http/auth/decorators.js';
import { Clock } from '../../platform/clock/clock.js';
import { OverviewTotalsService } from './overview-totals.service.js';
import { OverviewDto } from './dto/overview.dto.js';

/** The dashboard's front page: money per currency, and open disputes (from running totals). */
@ApiTags('overview')
@Controller('v1/overview')
export class OverviewController {
  constructor(
    private readonly totals: OverviewTotalsService,
    private readonly clock: Clock,
  ) {}

  @ApiOk(OverviewDto)
  @Get()
  @ApiOperation({
    summary: 'Open balance, overdue amount, payments this month (net of refunds) per currency; open disputes.',
  })
  async get(@Auth() auth: MerchantAuth): Promise<OverviewDto> {
    const today = this.clock.today();
    await this.totals.fold(auth.merchantId);
    return { ...(await this.totals.read(auth.merchantId, today)), asOf: today };
  }
}
