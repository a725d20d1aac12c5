import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { Trim } from '../../../platform/validation/dto-transforms.js';
import type { UnderwritingPolicy } from '../underwriting-policy.entity.js';

export class PutUnderwritingPolicyDto {
  @ApiProperty({ minimum: 0, maximum: 100, example: 60 })
  @IsInt({ message: 'passingScore must be a whole number' })
  @Min(0)
  @Max(100)
  passingScore!: number;

  @ApiProperty({ example: 'cc-bureau-2026.1' })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  modelVersion!: string;
}

export class UnderwritingPolicyDto {
  @ApiProperty() passingScore!: number;
  @ApiProperty() modelVersion!: string;
  @ApiProperty({ description: 'Increases with every change; decisions record it.' }) version!: number;
  @ApiProperty() updatedAt!: string;
}

export const toPolicyDto = (p: UnderwritingPolicy): UnderwritingPolicyDto => ({
  passingScore: p.passingScore,
  modelVersion: p.modelVersion,
  version: p.version,
  updatedAt: p.createdAt.toISOString(),
});
