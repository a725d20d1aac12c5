import { Controller, Get, Header } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiOk } from '../../platform/http/api-responses.js';
import type { PublishableAuth } from '../../platform/http/auth/auth-context.js';
import { Allow, Auth } from '../../platform/http/auth/decorators.js';
import { MerchantsService } from '../merchants/merchants.service.js';
import { PublicConfigDto } from './dto/public-config.dto.js';

/** What a widget needs to render for a merchant: nothing private. */
@ApiTags('widgets')
@Controller('v1/public')
export class PublicConfigController {
  constructor(private readonly merchants: MerchantsService) {}

  @ApiOk(PublicConfigDto)
  @Get('config')
  @Allow('publishable')
  @Header('Cache-Control', 'private, max-age=30')
  @ApiOperation({
    summary:
      "The merchant's display name, terms policy, default currency, net days, partial-payment minimums and theme hints.",
  })
  async config(@Auth() auth: PublishableAuth): Promise<PublicConfigDto> {
    const m = await this.merchants.getCached(auth.merchantId);
    const s = m.settings;
    return {
      merchant: { id: m.id, name: m.name },
      termsPolicy: s.termsPolicy,
      defaultCurrency: s.defaultTerms.currency,
      allowedNetDays: s.allowedNetDays,
      partialPayments: s.partialPayments,
      creditAppModes: s.creditAppModes,
      theme: s.theme,
    };
  }
}
