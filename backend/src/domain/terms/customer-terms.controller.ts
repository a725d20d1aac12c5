import { Body, Controller, Get, HttpCode, Ip, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiOk } from '../../platform/http/api-responses.js';
import type { CustomerAuth } from '../../platform/http/auth/auth-context.js';
import { Allow, Auth } from '../../platform/http/auth/decorators.js';
import { AcceptOfferDto, TermsOfferDto } from './dto/terms.dto.js';
import { TermsService } from './terms.service.js';

@ApiTags('customer')
@Controller('v1/customer/terms-offers')
@Allow('customer')
export class CustomerTermsController {
  constructor(private readonly terms: TermsService) {}

  @ApiOk(TermsOfferDto)
  @Get(':id')
  @ApiOperation({ summary: "One of the contact's offers, with the merchant's terms policy and allowed net days." })
  get(@Auth() auth: CustomerAuth, @Param('id') id: string) {
    return this.terms.getForCustomer(auth, id);
  }

  @ApiOk(TermsOfferDto)
  @Post(':id/accept')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign the offer with a typed name (netDays only under flexible): a contract, the contact authorized.',
  })
  accept(
    @Auth() auth: CustomerAuth,
    @Param('id') id: string,
    @Body() dto: AcceptOfferDto,
    @Ip() ip: string,
  ): Promise<TermsOfferDto> {
    return this.terms.accept(auth, id, dto, ip);
  }

  @ApiOk(TermsOfferDto)
  @Post(':id/decline')
  @HttpCode(200)
  @ApiOperation({ summary: 'Decline the offer; the contact stays verified.' })
  decline(@Auth() auth: CustomerAuth, @Param('id') id: string): Promise<TermsOfferDto> {
    return this.terms.decline(auth, id);
  }
}
