import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiList, ApiOk } from '../../platform/http/api-responses.js';
import { actorOf, type MerchantAuth } from '../../platform/http/auth/auth-context.js';
import { Auth } from '../../platform/http/auth/decorators.js';
import { CreatePaymentRequestDto, ListPaymentRequestsQuery, PaymentRequestDto } from './dto/payment-request.dto.js';
import { PaymentRequestsService } from './payment-requests.service.js';

@ApiTags('payment-requests')
@Controller('v1/payment-requests')
export class PaymentRequestsController {
  constructor(private readonly requests: PaymentRequestsService) {}

  @ApiOk(PaymentRequestDto)
  @Post()
  @ApiOperation({
    summary:
      "Ask a contact to approve and pay an amount (optionally for an invoice, with its own minimum percentage). The merchant's minimums are snapshotted.",
  })
  create(@Auth() auth: MerchantAuth, @Body() dto: CreatePaymentRequestDto): Promise<PaymentRequestDto> {
    return this.requests.create(auth.merchantId, dto, actorOf(auth), auth.role);
  }

  @ApiList(PaymentRequestDto)
  @Get()
  list(@Auth() auth: MerchantAuth, @Query() query: ListPaymentRequestsQuery) {
    return this.requests.list(auth.merchantId, query);
  }

  @ApiOk(PaymentRequestDto)
  @Get(':id')
  get(@Auth() auth: MerchantAuth, @Param('id') id: string): Promise<PaymentRequestDto> {
    return this.requests.get(auth.merchantId, id);
  }

  @ApiOk(PaymentRequestDto)
  @Post(':id/cancel')
  @HttpCode(200)
  cancel(@Auth() auth: MerchantAuth, @Param('id') id: string): Promise<PaymentRequestDto> {
    return this.requests.cancel(auth.merchantId, id, actorOf(auth));
  }
}
