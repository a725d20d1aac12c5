import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiOk } from '../../platform/http/api-responses.js';
import { Allow } from '../../platform/http/auth/decorators.js';
import { PutUnderwritingPolicyDto, toPolicyDto, UnderwritingPolicyDto } from './dto/underwriting-policy.dto.js';
import { PlatformService } from './platform.service.js';

/** Platform underwriting team only: any merchant credential gets 403 platform_policy. */
@ApiTags('platform')
@Controller('v1/platform')
@Allow('platform')
export class PlatformController {
  constructor(private readonly platform: PlatformService) {}

  @ApiOk(UnderwritingPolicyDto)
  @Get('underwriting-policy')
  @ApiOperation({ summary: 'The passing score and scoring model version every merchant is underwritten with.' })
  async get(): Promise<UnderwritingPolicyDto> {
    return toPolicyDto(await this.platform.current());
  }

  @ApiOk(UnderwritingPolicyDto)
  @Put('underwriting-policy')
  @ApiOperation({ summary: 'Set the policy (a new version; earlier decisions keep theirs).' })
  async put(@Body() dto: PutUnderwritingPolicyDto): Promise<UnderwritingPolicyDto> {
    return toPolicyDto(await this.platform.update(dto.passingScore, dto.modelVersion));
  }
}
