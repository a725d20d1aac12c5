import { Body, Controller, Delete, Get, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiList, ApiOk } from '../../platform/http/api-responses.js';
import { actorOf, type MerchantAuth } from '../../platform/http/auth/auth-context.js';
import { AdminOnly, Auth } from '../../platform/http/auth/decorators.js';
import { ListQuery } from '../../platform/pagination/pagination.js';
import { ApiKeysService } from './api-keys.service.js';
import { ApiKeyDto, CreateApiKeyDto } from './dto/api-key.dto.js';

@ApiTags('api-keys')
@Controller('v1/api-keys')
@AdminOnly()
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  @ApiList(ApiKeyDto)
  @Get()
  @ApiOperation({ summary: 'Keys of the merchant (secrets never shown again); admin only.' })
  list(@Auth() auth: MerchantAuth, @Query() query: ListQuery) {
    return this.apiKeys.list(auth.merchantId, query);
  }

  @ApiOk(ApiKeyDto)
  @Post()
  @ApiOperation({ summary: 'Create a key; a secret key is shown in this answer only.' })
  create(@Auth() auth: MerchantAuth, @Body() dto: CreateApiKeyDto): Promise<ApiKeyDto> {
    return this.apiKeys.create(auth.merchantId, dto.kind, dto.role ?? 'member', actorOf(auth));
  }

  @ApiOk(ApiKeyDto)
  @Delete(':id')
  @ApiOperation({ summary: 'Revoke a key: it stops working at once.' })
  revoke(@Auth() auth: MerchantAuth, @Param('id') id: string): Promise<ApiKeyDto> {
    return this.apiKeys.revoke(auth.merchantId, id, actorOf(auth));
  }
}
