import { Body, Controller, Get, Ip, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiList, ApiOk } from '../../platform/http/api-responses.js';
import type { CustomerAuth, MerchantAuth, PublishableAuth } from '../../platform/http/auth/auth-context.js';
import { Allow, Auth } from '../../platform/http/auth/decorators.js';
import { CreditService } from './credit.service.js';
import { CreateCreditApplicationDto, ListCreditApplicationsQuery } from './dto/credit-application.dto.js';
import { CreditApplicationResultDto, MerchantCreditApplicationDto } from './dto/credit-application-response.dto.js';

@ApiTags('credit')
@Controller('v1')
export class CreditController {
  constructor(private readonly credit: CreditService) {}

  @ApiOk(CreditApplicationResultDto)
  @Post('credit-applications')
  @Allow('publishable', 'merchant')
  @ApiOperation({
    summary:
      'Apply for trade credit (widget with a publishable key, or a secret key). Decided on the spot, or pending while the bureau is unavailable.',
  })
  apply(
    @Auth() auth: PublishableAuth | MerchantAuth,
    @Body() dto: CreateCreditApplicationDto,
    @Ip() ip: string,
  ): Promise<CreditApplicationResultDto> {
    return this.credit.apply(auth, dto, ip);
  }

  @ApiList(MerchantCreditApplicationDto)
  @Get('credit-applications')
  @ApiOperation({ summary: "The merchant's credit applications, newest first; filter by contactId and status." })
  list(@Auth() auth: MerchantAuth, @Query() query: ListCreditApplicationsQuery) {
    return this.credit.list(auth.merchantId, query);
  }

  @ApiOk(MerchantCreditApplicationDto)
  @Get('credit-applications/:id')
  @ApiOperation({ summary: 'One application with its decision, score, reasons and policy version.' })
  get(@Auth() auth: MerchantAuth, @Param('id') id: string) {
    return this.credit.get(auth.merchantId, id);
  }

  @ApiOk(CreditApplicationResultDto, 'The application, the contact and, once decided with terms, its offer.')
  @Get('customer/credit-applications/:id')
  @Allow('customer')
  @ApiTags('customer')
  @ApiOperation({
    summary: "The contact's own application (poll it while pending), with its terms offer once decided.",
  })
  getForCustomer(@Auth() auth: CustomerAuth, @Param('id') id: string) {
    return this.credit.getForCustomer(auth, id);
  }
}
