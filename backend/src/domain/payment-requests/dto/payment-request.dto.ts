import { MetadataField, MetadataFilter, type Metadata } from '../../../platform/validation/metadata.js';
import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { Trim } from '../../../platform/validation/dto-transforms.js';
import { IsCurrency, IsMinorAmount } from '../../../platform/money/money-validators.js';
import { ListQuery } from '../../../platform/pagination/pagination.js';
import type { PaymentMethodType } from '../../merchants/merchant-settings.js';
import { minimumAmount, minimumPercent } from '../minimum-payment.js';
import type { PaymentRequest, PaymentRequestStatus } from '../payment-request.entity.js';

export const PR_STATUSES: PaymentRequestStatus[] = [
  'pending_approval',
  'approved',
  'partially_paid',
  'paid',
  'declined',
  'cancelled',
  'expired',
];

export class CreatePaymentRequestDto {
  @ApiProperty() @IsString() contactId!: string;
  @ApiProperty({ description: 'Minor units.' }) @IsMinorAmount() amount!: number;
  @ApiPropertyOptional({ default: 'USD' }) @IsOptional() @IsCurrency() currency?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() invoiceId?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'dueDate must be a date YYYY-MM-DD' })
  dueDate?: string;
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @MaxLength(500) memo?: string;
  @ApiPropertyOptional({
    minimum: 1,
    maximum: 100,
    description: 'The smallest share of the amount one payment may be.',
  })
  @IsOptional()
  @IsInt({ message: 'minimumPercent must be a whole percentage' })
  @Min(1)
  @Max(100)
  minimumPercent?: number;

  @MetadataField() metadata?: Metadata;
}

export class ApproveDto {
  @ApiPropertyOptional({ description: 'Approve every occurrence of the recurring series this request belongs to.' })
  @IsOptional()
  @IsBoolean()
  series?: boolean;
}

export class PayRequestDto {
  @ApiProperty({ description: 'Minor units: from the minimum up to the remaining balance.' })
  @IsMinorAmount()
  amount!: number;
  @ApiProperty() @IsString() paymentMethodId!: string;
}

export class ListPaymentRequestsQuery extends ListQuery {
  @ApiPropertyOptional({ enum: PR_STATUSES }) @IsOptional() @IsIn(PR_STATUSES) status?: PaymentRequestStatus;
  @ApiPropertyOptional() @IsOptional() @IsString() contactId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() invoiceId?: string;
  @MetadataFilter() metadata?: Metadata;
}

export class PaymentRequestDto {
  @ApiProperty({ example: 'pr_01jf…' }) id!: string;
  @ApiProperty({ example: 'ct_01jf…' }) contactId!: string;
  @ApiProperty({ nullable: true, type: String }) invoiceId!: string | null;
  @ApiProperty({ example: 250000 }) amount!: number;
  @ApiProperty({ example: 100000 }) paidAmount!: number;
  @ApiProperty({ description: 'What is left to pay.' }) remaining!: number;
  @ApiProperty({ example: 'USD' }) currency!: string;
  @ApiProperty({ enum: PR_STATUSES }) status!: PaymentRequestStatus;
  @ApiProperty({ nullable: true, type: String }) dueDate!: string | null;
  @ApiProperty({ nullable: true, type: String }) memo!: string | null;
  @ApiProperty({ nullable: true, type: Number }) minimumPercent!: number | null;
  @ApiProperty({ description: 'The minimum that applies per payment method: percentage and amount.' })
  minimums!: Record<PaymentMethodType, { percent: number; amount: number }>;
  @ApiProperty({ nullable: true, type: String }) scheduleId!: string | null;
  @ApiProperty({ nullable: true, type: String }) approvedAt!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, example: { order_ref: 'A-17' } })
  metadata!: Metadata;
  @ApiProperty({ example: '2026-03-14T09:30:00.000Z' }) createdAt!: string;
}

/** A payment request as its customer sees it (`/v1/customer/*`): no `metadata`, which is the merchant's own. */
export class CustomerPaymentRequestDto extends OmitType(PaymentRequestDto, ['metadata'] as const) {}

/** The customer's request list: no `metadata[...]` filter (it would let a customer probe the merchant's keys). */
export class ListCustomerPaymentRequestsQuery extends OmitType(ListPaymentRequestsQuery, ['metadata'] as const) {}

/** The one mapping from a payment request to what its customer sees (customer routes and the wallet). */
export function toCustomerPaymentRequestDto({
  metadata: _merchantOnly,
  ...request
}: PaymentRequestDto): CustomerPaymentRequestDto {
  return request;
}

export function toPaymentRequestDto(r: PaymentRequest): PaymentRequestDto {
  const remaining = r.amount - r.paidAmount;
  const minimums = Object.fromEntries(
    (['card', 'ach'] as const).map((m) => {
      const percent = minimumPercent(r, m);
      return [m, { percent, amount: Math.min(minimumAmount(r.amount, percent), remaining) }];
    }),
  ) as PaymentRequestDto['minimums'];
  return {
    id: r.id,
    contactId: r.contactId,
    invoiceId: r.invoiceId,
    amount: r.amount,
    paidAmount: r.paidAmount,
    remaining,
    currency: r.currency,
    status: r.status,
    dueDate: r.dueDate,
    memo: r.memo,
    minimumPercent: r.minimumPercent,
    minimums,
    scheduleId: r.scheduleId,
    approvedAt: r.approvedAt?.toISOString() ?? null,
    metadata: r.metadata ?? {},
    createdAt: r.createdAt.toISOString(),
  };
}
