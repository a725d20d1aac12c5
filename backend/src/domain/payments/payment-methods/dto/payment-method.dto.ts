import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { Trim } from '../../../../platform/validation/dto-transforms.js';
import type { PaymentMethod } from '../payment-method.entity.js';

export class CardInputDto {
  @ApiProperty({ example: '4242 4242 4242 4242' })
  @IsString()
  @Matches(/^[\d\s-]{12,23}$/, { message: 'card.number must be a card number' })
  number!: string;
  @ApiProperty({ example: 12 }) @IsInt() @Min(1) @Max(12) expMonth!: number;
  @ApiProperty({ example: 2030 }) @IsInt() @Min(0) @Max(2100) expYear!: number;
  @ApiProperty({ example: '123' })
  @IsString()
  @Matches(/^\d{3,4}$/, { message: 'card.cvc must be 3 or 4 digits' })
  cvc!: string;
}

export class AchInputDto {
  @ApiProperty({ example: '110000000' }) @IsString() routingNumber!: string;
  @ApiProperty({ example: '000123456789' }) @IsString() accountNumber!: string;
  @ApiProperty() @Trim() @IsString() @MinLength(1) @MaxLength(200) accountHolder!: string;
}

export class CreatePaymentMethodDto {
  @ApiProperty({ enum: ['card', 'ach'] }) @IsIn(['card', 'ach'], { message: "type must be 'card' or 'ach'" }) type!:
    'card' | 'ach';

  @ApiPropertyOptional({ type: CardInputDto })
  @ValidateIf((o: CreatePaymentMethodDto) => o.type === 'card')
  @ValidateNested()
  @Type(() => CardInputDto)
  card?: CardInputDto;

  @ApiPropertyOptional({ type: AchInputDto })
  @ValidateIf((o: CreatePaymentMethodDto) => o.type === 'ach')
  @ValidateNested()
  @Type(() => AchInputDto)
  ach?: AchInputDto;
}

export class PaymentMethodDto {
  @ApiProperty({ example: 'pm_01jf…' }) id!: string;
  @ApiProperty({ enum: ['card', 'ach'] }) type!: string;
  @ApiProperty({ example: 'visa' }) brand!: string;
  @ApiProperty() last4!: string;
  @ApiProperty({ nullable: true, type: Number }) expMonth!: number | null;
  @ApiProperty({ nullable: true, type: Number }) expYear!: number | null;
  @ApiProperty() isDefault!: boolean;
  @ApiProperty() createdAt!: string;
}

export const toPaymentMethodDto = (p: PaymentMethod): PaymentMethodDto => ({
  id: p.id,
  type: p.type,
  brand: p.brand,
  last4: p.last4,
  expMonth: p.expMonth,
  expYear: p.expYear,
  isDefault: p.isDefault,
  createdAt: p.createdAt.toISOString(),
});
