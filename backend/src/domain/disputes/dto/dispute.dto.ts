import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { Trim } from '../../../platform/validation/dto-transforms.js';
import { IsMinorAmount } from '../../../platform/money/money-validators.js';
import { ListQuery } from '../../../platform/pagination/pagination.js';
import type { Dispute } from '../dispute.entity.js';

export class CreateDisputeDto {
  @ApiProperty({ description: 'Minor units: more than 0, at most the invoice balance.' })
  @IsMinorAmount()
  amount!: number;
  @ApiProperty({ minLength: 1, maxLength: 2000 })
  @Trim()
  @IsString()
  @MinLength(1, { message: 'explanation must not be empty' })
  @MaxLength(2000, { message: 'explanation must be at most 2,000 characters' })
  explanation!: string;
}

export class ResolveDisputeDto {
  @ApiProperty({ enum: ['credit', 'reject'] })
  @IsIn(['credit', 'reject'], { message: "outcome must be 'credit' or 'reject'" })
  outcome!: 'credit' | 'reject';
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @MaxLength(2000) note?: string;
}

export class ListDisputesQuery extends ListQuery {
  @ApiPropertyOptional({ enum: ['open', 'resolved'] }) @IsOptional() @IsIn(['open', 'resolved']) status?:
    'open' | 'resolved';
  @ApiPropertyOptional() @IsOptional() @IsString() contactId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() invoiceId?: string;
}

export class DisputeDto {
  @ApiProperty({ example: 'dsp_01jf…' }) id!: string;
  @ApiProperty({ example: 'inv_01jf…' }) invoiceId!: string;
  @ApiProperty({ example: 'ct_01jf…' }) contactId!: string;
  @ApiProperty({ example: 250000 }) amount!: number;
  @ApiProperty({ example: 'USD' }) currency!: string;
  @ApiProperty({ example: '3 of 10 units arrived damaged.' }) explanation!: string;
  @ApiProperty({ enum: ['open', 'resolved'] }) status!: string;
  @ApiProperty({ nullable: true, enum: ['credit', 'reject'] }) outcome!: string | null;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
  @ApiProperty({ nullable: true, type: String }) resolvedAt!: string | null;
  @ApiProperty({ example: '2026-03-14T09:30:00.000Z' }) createdAt!: string;
}

export const toDisputeDto = (d: Dispute): DisputeDto => ({
  id: d.id,
  invoiceId: d.invoiceId,
  contactId: d.contactId,
  amount: d.amount,
  currency: d.currency,
  explanation: d.explanation,
  status: d.status,
  outcome: d.outcome,
  note: d.note,
  resolvedAt: d.resolvedAt?.toISOString() ?? null,
  createdAt: d.createdAt.toISOString(),
});
