import { Trim } from '../../../platform/validation/dto-transforms.js';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { ApiKeyDto } from '../../api-keys/dto/api-key.dto.js';
import { PASSWORD_MIN, UserDto } from '../../users/dto/user.dto.js';
import type { Merchant } from '../merchant.entity.js';
import type { MerchantSettings } from '../merchant-settings.js';

export class SignUpDto {
  @ApiProperty({ example: 'Northwind Industrial Supply' })
  @Trim()
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(200)
  name!: string;

  @ApiProperty({ example: 'owner@northwind.example' })
  @Trim()
  @IsEmail({}, { message: 'adminEmail must be an email address' })
  @MaxLength(254)
  adminEmail!: string;

  @ApiProperty({ minLength: PASSWORD_MIN, writeOnly: true })
  @IsString()
  @MinLength(PASSWORD_MIN, { message: `adminPassword must be at least ${PASSWORD_MIN} characters` })
  @MaxLength(200)
  adminPassword!: string;
}

export class MerchantDto {
  @ApiProperty({ example: 'mer_01jf…' }) id!: string;
  @ApiProperty({ example: 'Northwind Industrial Supply' }) name!: string;
  @ApiProperty({
    description:
      'termsPolicy, defaultTerms, allowedNetDays, partialPayments, creditAppModes, allowedOrigins, walletUrl, notificationEmail, theme',
  })
  settings!: MerchantSettings;
  @ApiProperty({ example: '2026-03-14T09:30:00.000Z' }) createdAt!: string;
}

export class SignUpResponseDto {
  @ApiProperty({ type: MerchantDto }) merchant!: MerchantDto;
  @ApiProperty({ type: UserDto }) user!: UserDto;
  @ApiProperty({
    type: [ApiKeyDto],
    description: 'The first publishable key and the first secret key (its secret shown only here).',
  })
  apiKeys!: ApiKeyDto[];
  @ApiProperty({ example: 'pk_…' }) publishableKey!: string;
  @ApiPropertyOptional({ example: 'sk_…', description: 'Shown once; left out of idempotent replays.' })
  secretKey?: string;
}

export function toMerchantDto(m: Merchant): MerchantDto {
  return { id: m.id, name: m.name, settings: m.settings, createdAt: m.createdAt.toISOString() };
}
