import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiList, ApiOk } from '../../platform/http/api-responses.js';
import { actorOf, type CustomerAuth, type MerchantAuth } from '../../platform/http/auth/auth-context.js';
import { Allow, Auth } from '../../platform/http/auth/decorators.js';
import { DisputesService } from './disputes.service.js';
import { CreateDisputeDto, DisputeDto, ListDisputesQuery, ResolveDisputeDto } from './dto/dispute.dto.js';

@ApiTags('disputes')
@Controller('v1')
export class DisputesController {
  constructor(private readonly disputes: DisputesService) {}

  @ApiOk(DisputeDto)
  @Post('customer/invoices/:id/disputes')
  @Allow('customer')
  @ApiTags('customer')
  @ApiOperation({
    summary:
      'Dispute an invoice: amount > 0 and ≤ balance, an explanation; the invoice becomes disputed and the merchant is emailed.',
  })
  open(@Auth() auth: CustomerAuth, @Param('id') invoiceId: string, @Body() dto: CreateDisputeDto): Promise<DisputeDto> {
    return this.disputes.open(auth, invoiceId, dto);
  }

  @ApiList(DisputeDto)
  @Get('customer/disputes')
  @Allow('customer')
  @ApiTags('customer')
  listOwn(@Auth() auth: CustomerAuth, @Query() query: ListDisputesQuery) {
    return this.disputes.list(auth.merchantId, query, auth.contactId);
  }

  @ApiList(DisputeDto)
  @Get('disputes')
  @ApiOperation({ summary: 'Disputes, newest first; filter status, contactId, invoiceId.' })
  list(@Auth() auth: MerchantAuth, @Query() query: ListDisputesQuery) {
    return this.disputes.list(auth.merchantId, query);
  }

  @ApiOk(DisputeDto)
  @Get('disputes/:id')
  get(@Auth() auth: MerchantAuth, @Param('id') id: string): Promise<DisputeDto> {
    return this.disputes.get(auth.merchantId, id);
  }

  @ApiOk(DisputeDto)
  @Post('disputes/:id/resolve')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Resolve with credit (the disputed amount off the balance) or reject (the invoice returns to its status before).',
  })
  resolve(@Auth() auth: MerchantAuth, @Param('id') id: string, @Body() dto: ResolveDisputeDto): Promise<DisputeDto> {
    return this.disputes.resolve(auth.merchantId, id, dto, actorOf(auth));
  }
}
