import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ANY_OBJECT, ApiList, ApiOk } from '../../platform/http/api-responses.js';
import { mapPage } from '../../platform/pagination/pagination.js';
import type { CustomerAuth } from '../../platform/http/auth/auth-context.js';
import { Allow, Auth, OwnTransactions } from '../../platform/http/auth/decorators.js';
import { CustomerInvoiceDto, ListCustomerInvoicesQuery, toCustomerInvoiceDto } from '../invoices/dto/invoice.dto.js';
import { InvoicesService } from '../invoices/invoices.service.js';
import { CreatePaymentMethodDto, PaymentMethodDto } from './payment-methods/dto/payment-method.dto.js';
import { PaymentMethodsService } from './payment-methods/payment-methods.service.js';
import {
  ApproveDto,
  CustomerPaymentRequestDto,
  ListCustomerPaymentRequestsQuery,
  PayRequestDto,
  toCustomerPaymentRequestDto,
} from '../payment-requests/dto/payment-request.dto.js';
import { PaymentRequestsService } from '../payment-requests/payment-requests.service.js';
import { ListPaymentsQuery, PayInvoiceDto, PaymentDto } from './dto/payment.dto.js';
import { PaymentsService } from './payments.service.js';

/** What a customer does with their own invoices, requests, payments and methods (a cs_ session). */
@ApiTags('customer')
@Controller('v1/customer')
@Allow('customer')
export class CustomerBillingController {
  constructor(
    private readonly invoices: InvoicesService,
    private readonly requests: PaymentRequestsService,
    private readonly payments: PaymentsService,
    private readonly methods: PaymentMethodsService,
  ) {}

  @ApiList(CustomerInvoiceDto)
  @Get('invoices')
  async listInvoices(@Auth() auth: CustomerAuth, @Query() query: ListCustomerInvoicesQuery) {
    const page = await this.invoices.list(auth.merchantId, { ...query, contactId: auth.contactId });
    return mapPage(page, toCustomerInvoiceDto);
  }

  @ApiOk(CustomerInvoiceDto)
  @Get('invoices/:id')
  async getInvoice(@Auth() auth: CustomerAuth, @Param('id') id: string) {
    return toCustomerInvoiceDto(await this.invoices.get(auth.merchantId, id, auth.contactId));
  }

  @ApiOk(PaymentDto)
  @Post('invoices/:id/payments')
  @OwnTransactions()
  @ApiOperation({
    summary:
      'Pay the whole balance (an amount other than the balance: 422 partial_payment_not_allowed). A refused charge: 402.',
  })
  payInvoice(@Auth() auth: CustomerAuth, @Param('id') id: string, @Body() dto: PayInvoiceDto) {
    return this.payments.payInvoice(auth, id, dto.paymentMethodId, dto.amount);
  }

  @ApiList(CustomerPaymentRequestDto)
  @Get('payment-requests')
  async listRequests(@Auth() auth: CustomerAuth, @Query() query: ListCustomerPaymentRequestsQuery) {
    return mapPage(await this.requests.list(auth.merchantId, query, auth.contactId), toCustomerPaymentRequestDto);
  }

  @ApiOk(CustomerPaymentRequestDto)
  @Get('payment-requests/:id')
  async getRequest(@Auth() auth: CustomerAuth, @Param('id') id: string) {
    return toCustomerPaymentRequestDto(await this.requests.get(auth.merchantId, id, auth.contactId));
  }

  @ApiOk(CustomerPaymentRequestDto)
  @Post('payment-requests/:id/approve')
  @HttpCode(200)
  async approve(@Auth() auth: CustomerAuth, @Param('id') id: string, @Body() dto: ApproveDto) {
    return toCustomerPaymentRequestDto(await this.requests.approve(auth, id, dto.series ?? false));
  }

  @ApiOk(CustomerPaymentRequestDto)
  @Post('payment-requests/:id/decline')
  @HttpCode(200)
  async decline(@Auth() auth: CustomerAuth, @Param('id') id: string) {
    return toCustomerPaymentRequestDto(await this.requests.decline(auth, id));
  }

  @ApiOk(PaymentDto)
  @Post('payment-requests/:id/payments')
  @OwnTransactions()
  @ApiOperation({
    summary: 'Pay an approved request: at least the minimum (or the whole remainder), at most the remainder.',
  })
  payRequest(@Auth() auth: CustomerAuth, @Param('id') id: string, @Body() dto: PayRequestDto) {
    return this.payments.payRequest(auth, id, dto.paymentMethodId, dto.amount);
  }

  @ApiList(PaymentDto)
  @Get('payments')
  listPayments(@Auth() auth: CustomerAuth, @Query() query: ListPaymentsQuery) {
    return this.payments.list(auth.merchantId, query, auth.contactId);
  }

  @ApiList(PaymentMethodDto)
  @Get('payment-methods')
  async listMethods(@Auth() auth: CustomerAuth) {
    return { data: await this.methods.list(auth.merchantId, auth.contactId), hasMore: false };
  }

  @ApiOk(PaymentMethodDto)
  @Post('payment-methods')
  @ApiOperation({
    summary:
      'Add a card or bank account; only the processor token, brand and last 4 are kept. The first becomes the default.',
  })
  addMethod(@Auth() auth: CustomerAuth, @Body() dto: CreatePaymentMethodDto) {
    return this.methods.add(auth, dto);
  }

  @ApiOk(PaymentMethodDto)
  @Post('payment-methods/:id/default')
  @HttpCode(200)
  makeDefault(@Auth() auth: CustomerAuth, @Param('id') id: string) {
    return this.methods.setDefault(auth, id);
  }

  @ApiOk(ANY_OBJECT)
  @Delete('payment-methods/:id')
  removeMethod(@Auth() auth: CustomerAuth, @Param('id') id: string) {
    return this.methods.remove(auth, id);
  }
}
