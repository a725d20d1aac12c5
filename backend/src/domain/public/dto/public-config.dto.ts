import { ApiProperty } from '@nestjs/swagger';

export class PublicMerchantDto {
  @ApiProperty({ example: 'mer_01jf…' }) id!: string;
  @ApiProperty({ example: 'Northwind Industrial Supply' }) name!: string;
}

/** `GET /v1/public/config`: what a widget needs to render for a merchant, nothing private. */
export class PublicConfigDto {
  @ApiProperty({ type: PublicMerchantDto }) merchant!: PublicMerchantDto;
  @ApiProperty({ description: "The merchant's terms policy.", example: 'locked' }) termsPolicy!: string;
  @ApiProperty({ example: 'USD' }) defaultCurrency!: string;
  @ApiProperty({ type: [Number], example: [30, 60] }) allowedNetDays!: number[];
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Partial-payment minimums: `defaultMinimumPercent` (or null) and per-method overrides in `byMethod`.',
    example: { defaultMinimumPercent: 25, byMethod: { card: 50 } },
  })
  partialPayments!: Record<string, unknown>;
  @ApiProperty({ type: [String], example: ['credit_check', 'credit_check_with_terms'] }) creditAppModes!: string[];
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Theme hints: `primaryColor`, `radius`, `fontFamily` (each optional).',
    example: { primaryColor: '#1d4ed8', radius: '8px' },
  })
  theme!: Record<string, unknown>;
}
