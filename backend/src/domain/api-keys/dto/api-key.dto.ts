import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { UserRole } from '../../users/user.entity.js';
import type { ApiKey, ApiKeyKind } from '../api-key.entity.js';

export class CreateApiKeyDto {
  @ApiProperty({ enum: ['secret', 'publishable'] })
  @IsIn(['secret', 'publishable'])
  kind!: ApiKeyKind;

  @ApiPropertyOptional({
    enum: ['admin', 'member'],
    default: 'member',
    description: 'Secret keys only; publishable keys act for anonymous widgets.',
  })
  @IsOptional()
  @IsIn(['admin', 'member'])
  role?: UserRole;
}

export class ApiKeyDto {
  @ApiProperty({ example: 'key_01jf…' }) id!: string;
  @ApiProperty({ enum: ['secret', 'publishable'] }) kind!: ApiKeyKind;
  @ApiProperty({ enum: ['admin', 'member'] }) role!: UserRole;
  @ApiProperty({ description: 'The last four characters of the key.' }) last4!: string;
  @ApiPropertyOptional({ description: 'Publishable keys only: the key itself (it is public).' })
  publishableKey?: string;
  @ApiPropertyOptional({ description: 'Secret keys only, in the creation answer only: the key. Never shown again.' })
  secret?: string;
  @ApiProperty({ example: '2026-03-14T09:30:00.000Z' }) createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) revokedAt!: string | null;
}

export function toApiKeyDto(k: ApiKey): ApiKeyDto {
  return {
    id: k.id,
    kind: k.kind,
    role: k.role,
    last4: k.last4,
    ...(k.publishableKey ? { publishableKey: k.publishableKey } : {}),
    createdAt: k.createdAt.toISOString(),
    revokedAt: k.revokedAt ? k.revokedAt.toISOString() : null,
  };
}
