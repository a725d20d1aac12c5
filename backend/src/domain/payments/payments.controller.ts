import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiList, ApiOk } from '../../platform/http/api-responses.js';
import { actorOf, type MerchantAuth } from '../../platform/http/auth/auth-context.js';
import { Auth } from '../../platform/http/auth/decorators.js';
import { ListPaymentsQuery, PaymentDto, RefundDto } from './dto/payment.dto.js';
import { PaymentsService } from './payments.service.js';

@ApiTags('payments')
@Controller('v1/payments')
export class PaymentsController {
  constructor(private readonly payments: PaymentsService) {}

  @ApiList(PaymentDto)
  @Get()
  @ApiOperation({ summary: 'Payments (failed ones too), newest first; filter contactId, invoiceId, paymentRequestId.' })
  list(@Auth() auth: MerchantAuth, @Query() query: ListPaymentsQuery) {
    return this.payments.list(auth.merchantId, query);
  }

  @ApiOk(PaymentDto)
  @Post(':id/refunds')
  @ApiOperation({ summary: 'Refund a succeeded payment in whole or part; the invoice balance rises again.' })
  refund(@Auth() auth: MerchantAuth, @Param('id') id: string, @Body() dto: RefundDto): Promise<PaymentDto> {
    return this.payments.refund(auth.merchantId, id, dto.amount, actorOf(auth));
  }
}
