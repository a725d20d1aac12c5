import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { Trim } from '../../../platform/validation/dto-transforms.js';
import { IsCurrency, IsMinorAmount } from '../../../platform/money/money-validators.js';
import type { TermsOffer } from '../terms-offer.entity.js';
import type { OfferStatus } from '../terms-offer.entity.js';

export class CreateTermsOfferDto {
  @ApiProperty({ example: 30, description: 'Days from invoice issue to due date.' })
  @IsInt({ message: 'netDays must be a whole number of days' })
  @Min(0)
  @Max(365)
  netDays!: number;

  @ApiProperty({ example: 1_000_000, description: 'Minor units.' })
  @IsMinorAmount({ allowZero: true })
  creditLimit!: number;

  @ApiProperty({ example: 'USD' })
  @IsCurrency()
  currency!: string;
}

export class AcceptOfferDto {
  @ApiProperty({ description: 'The signer types their full name.' })
  @Trim()
  @IsString()
  @MinLength(1, { message: 'signatureName must not be empty' })
  @MaxLength(200)
  signatureName!: string;

  @ApiPropertyOptional({ description: "Only under the merchant's flexible policy: one of its allowedNetDays." })
  @IsOptional()
  @IsInt({ message: 'netDays must be a whole number of days' })
  @Min(0)
  @Max(365)
  netDays?: number;

  @ApiPropertyOptional({ description: 'A payment method of the contact to make its default for automated payments.' })
  @IsOptional()
  @IsString()
  paymentMethodId?: string;
}

export class TermsOfferDto {
  @ApiProperty({ example: 'off_01jf…' }) id!: string;
  @ApiProperty({ example: 'ct_01jf…' }) contactId!: string;
  @ApiProperty({ example: 30 }) netDays!: number;
  @ApiProperty({ example: 1000000 }) creditLimit!: number;
  @ApiProperty({ example: 'USD' }) currency!: string;
  @ApiProperty({ enum: ['offered', 'accepted', 'declined', 'withdrawn', 'expired'] }) status!: OfferStatus;
  @ApiProperty({ example: '2026-03-28T09:30:00.000Z' }) expiresAt!: string;
  @ApiProperty({ nullable: true, type: String }) applicationId!: string | null;
  @ApiProperty({ nullable: true, type: Number }) acceptedNetDays!: number | null;
  @ApiProperty({ nullable: true, type: String }) answeredAt!: string | null;
  @ApiProperty({ example: '2026-03-14T09:30:00.000Z' }) createdAt!: string;
}

/** An `offered` offer past its expiry reads as `expired` even before the worker marks it. */
export function toOfferDto(o: TermsOffer, now: Date): TermsOfferDto {
  return {
    id: o.id,
    contactId: o.contactId,
    netDays: o.netDays,
    creditLimit: o.creditLimit,
    currency: o.currency,
    status: o.status === 'offered' && o.expiresAt <= now ? 'expired' : o.status,
    expiresAt: o.expiresAt.toISOString(),
    applicationId: o.applicationId,
    acceptedNetDays: o.acceptedNetDays,
    answeredAt: o.answeredAt?.toISOString() ?? null,
    createdAt: o.createdAt.toISOString(),
  };
}
