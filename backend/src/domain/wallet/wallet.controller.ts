import { Controller, Get } from '@nestjs/common';
import { ApiExtraModels, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiOk } from '../../platform/http/api-responses.js';
import type { CustomerAuth } from '../../platform/http/auth/auth-context.js';
import { Allow, Auth } from '../../platform/http/auth/decorators.js';
import { WALLET_ANSWER, WALLET_MODELS } from './wallet.dto.js';
import { WalletService } from './wallet.service.js';

@ApiTags('customer')
@ApiExtraModels(...WALLET_MODELS)
@Controller('v1/customer/wallet')
@Allow('customer')
export class WalletController {
  constructor(private readonly wallet: WalletService) {}

  @ApiOk(WALLET_ANSWER, 'The wallet: customer shapes only (no merchant metadata).')
  @Get()
  @ApiOperation({
    summary:
      'Everything the wallet shows: contact, merchant, terms, invoices, payment requests, payments, payment methods, disputes (each a page, newest first).',
  })
  get(@Auth() auth: CustomerAuth) {
    return this.wallet.get(auth);
  }
}
