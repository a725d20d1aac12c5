import { Body, Controller, Delete, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ANY_OBJECT, ApiOk } from '../../platform/http/api-responses.js';
import { IsEmail, IsString, MinLength } from 'class-validator';
import { actorOf, type MerchantAuth, type PublishableAuth } from '../../platform/http/auth/auth-context.js';
import { Allow, Auth } from '../../platform/http/auth/decorators.js';
import { Trim } from '../../platform/validation/dto-transforms.js';
import { WalletLinksService } from './wallet-links.service.js';

class ExchangeLinkDto {
  @ApiProperty({ description: 'The cc_token of a wallet link.' }) @IsString() @MinLength(1) linkToken!: string;
}

class FreshLinkDto {
  @ApiProperty() @Trim() @IsEmail({}, { message: 'email must be an email address' }) email!: string;
}

@ApiTags('wallet links')
@Controller('v1')
export class WalletLinksController {
  constructor(private readonly links: WalletLinksService) {}

  @ApiOk(ANY_OBJECT)
  @Post('contacts/:id/wallet-links')
  @ApiOperation({ summary: 'Email the contact a fresh wallet link (30 days).' })
  send(@Auth() auth: MerchantAuth, @Param('id') id: string) {
    return this.links.send(auth.merchantId, id, actorOf(auth));
  }

  @ApiOk(ANY_OBJECT)
  @Delete('contacts/:id/wallet-links')
  @ApiOperation({ summary: 'Revoke every wallet link and customer session of the contact.' })
  revoke(@Auth() auth: MerchantAuth, @Param('id') id: string) {
    return this.links.revokeAll(auth.merchantId, id, actorOf(auth));
  }

  @ApiOk(ANY_OBJECT)
  @Post('customer/sessions')
  @Allow('public')
  @ApiTags('customer')
  @ApiOperation({
    summary:
      'Exchange a wallet link token for a customer session (cs_…, 1 hour from last use). 401 link_invalid otherwise.',
  })
  exchange(@Body() dto: ExchangeLinkDto) {
    return this.links.exchange(dto.linkToken);
  }

  @ApiOk(ANY_OBJECT)
  @Post('customer/wallet-links')
  @Allow('public')
  @HttpCode(202)
  @ApiTags('customer')
  @ApiOperation({
    summary: 'Email a fresh wallet link to the contact an (expired) link was for; the same answer for any token.',
  })
  requestFreshByLink(@Body() dto: ExchangeLinkDto) {
    return this.links.requestFreshByLink(dto.linkToken);
  }

  @ApiOk(ANY_OBJECT)
  @Post('public/wallet-links')
  @Allow('publishable')
  @HttpCode(202)
  @ApiTags('widgets')
  @ApiOperation({
    summary:
      'Email a fresh wallet link to a contact of this merchant; the same answer whether or not the email is known.',
  })
  requestFresh(@Auth() auth: PublishableAuth, @Body() dto: FreshLinkDto) {
    return this.links.requestFresh(auth, dto.email);
  }
}
