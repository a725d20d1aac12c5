import { Body, Controller, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiOk } from '../../platform/http/api-responses.js';
import { actorOf, type MerchantAuth } from '../../platform/http/auth/auth-context.js';
import { AdminOnly, Allow, Auth } from '../../platform/http/auth/decorators.js';
import { MerchantDto, SignUpDto, SignUpResponseDto, toMerchantDto } from './dto/merchant.dto.js';
import { MerchantsService } from './merchants.service.js';
import { SignUpService } from './sign-up.service.js';

@ApiTags('merchants')
@Controller('v1')
export class MerchantsController {
  constructor(
    private readonly merchants: MerchantsService,
    private readonly signUps: SignUpService,
  ) {}

  @ApiOk(SignUpResponseDto)
  @Post('merchants')
  @Allow('public')
  @HttpCode(201)
  @ApiOperation({ summary: 'Sign up: the merchant, its first admin, a publishable key and a secret key (shown once).' })
  signUp(@Body() dto: SignUpDto): Promise<SignUpResponseDto> {
    return this.signUps.signUp(dto);
  }

  @ApiOk(MerchantDto)
  @Get('merchant')
  @ApiOperation({ summary: 'The calling merchant with its settings.' })
  async get(@Auth() auth: MerchantAuth): Promise<MerchantDto> {
    return toMerchantDto(await this.merchants.get(auth.merchantId));
  }

  @ApiOk(MerchantDto)
  @Patch('merchant/settings')
  @AdminOnly()
  @ApiOperation({
    summary: 'Change settings with a JSON merge patch (RFC 7396); admin only. Answers the whole merchant.',
  })
  @ApiBody({ schema: { type: 'object', example: { termsPolicy: 'flexible', allowedNetDays: [30, 45, 60] } } })
  updateSettings(@Auth() auth: MerchantAuth, @Body() patch: Record<string, unknown>): Promise<MerchantDto> {
    return this.merchants.updateSettings(auth.merchantId, patch, actorOf(auth));
  }
}
