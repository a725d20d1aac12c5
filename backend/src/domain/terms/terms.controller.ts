import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiList, ApiOk } from '../../platform/http/api-responses.js';
import type { MerchantAuth } from '../../platform/http/auth/auth-context.js';
import { Auth } from '../../platform/http/auth/decorators.js';
import { ListQuery } from '../../platform/pagination/pagination.js';
import { ContactDto, toContactDto } from '../contacts/dto/contact.dto.js';
import { CreateTermsOfferDto, TermsOfferDto } from './dto/terms.dto.js';
import { TermsService } from './terms.service.js';

@ApiTags('terms')
@Controller('v1/contacts/:contactId')
export class TermsController {
  constructor(private readonly terms: TermsService) {}

  @ApiOk(TermsOfferDto)
  @Post('terms-offers')
  @ApiOperation({
    summary:
      "Offer terms (admins; members only under the flexible policy, within allowedNetDays). Replaces the contact's open offer.",
  })
  create(
    @Auth() auth: MerchantAuth,
    @Param('contactId') contactId: string,
    @Body() dto: CreateTermsOfferDto,
  ): Promise<TermsOfferDto> {
    return this.terms.create(auth, contactId, dto);
  }

  @ApiList(TermsOfferDto)
  @Get('terms-offers')
  @ApiOperation({ summary: "The contact's terms offers, newest first." })
  list(@Auth() auth: MerchantAuth, @Param('contactId') contactId: string, @Query() query: ListQuery) {
    return this.terms.list(auth.merchantId, contactId, query);
  }

  @ApiOk(TermsOfferDto)
  @Post('terms-offers/:offerId/withdraw')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw an open offer.' })
  withdraw(
    @Auth() auth: MerchantAuth,
    @Param('contactId') contactId: string,
    @Param('offerId') offerId: string,
  ): Promise<TermsOfferDto> {
    return this.terms.withdraw(auth, contactId, offerId);
  }

  @ApiOk(ContactDto)
  @Post('end-contract')
  @HttpCode(200)
  @ApiOperation({ summary: 'End the contract: authorized → verified (admins; members only under flexible).' })
  async endContract(@Auth() auth: MerchantAuth, @Param('contactId') contactId: string): Promise<ContactDto> {
    return toContactDto(await this.terms.endContract(auth, contactId));
  }
}
