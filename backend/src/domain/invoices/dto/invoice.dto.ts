import { MetadataField, MetadataFilter, type Metadata } from '../../../platform/validation/metadata.js';
import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { Trim } from '../../../platform/validation/dto-transforms.js';
import { IsCurrency, IsMinorAmount } from '../../../platform/money/money-validators.js';
import { ListQuery } from '../../../platform/pagination/pagination.js';
import type { Invoice, InvoiceStatus, LineItem } from '../invoice.entity.js';

export const INVOICE_STATUSES: InvoiceStatus[] = ['open', 'partially_paid', 'paid', 'disputed', 'void'];
const IsDate = () => IsISO8601({ strict: true }, { message: '$property must be a date YYYY-MM-DD' });

export class LineItemDto {
  @ApiProperty() @Trim() @IsString() @MinLength(1) @MaxLength(500) description!: string;
  @ApiProperty({ example: 2 })
  @IsInt({ message: 'quantity must be a whole number' })
  @Min(1)
  @Max(1_000_000)
  quantity!: number;
  @ApiProperty({ example: 1250, description: 'Minor units.' }) @IsMinorAmount({ allowZero: true }) unitAmount!: number;
}

export class CreateInvoiceDto {
  @ApiProperty() @IsString() contactId!: string;
  @ApiProperty({ example: 'INV-1001' }) @Trim() @IsString() @MinLength(1) @MaxLength(64) number!: string;
  @ApiPropertyOptional({ description: 'Minor units; with line items, their total (computed when omitted).' })
  @IsOptional()
  @IsMinorAmount()
  amount?: number;
  @ApiPropertyOptional({ default: 'USD' }) @IsOptional() @IsCurrency() currency?: string;
  @ApiPropertyOptional({ example: '2026-11-25' }) @IsOptional() @IsDate() issuedAt?: string;
  @ApiPropertyOptional({ description: "Default: issue date + the contact's net days." })
  @IsOptional()
  @IsDate()
  dueDate?: string;
  @ApiPropertyOptional() @IsOptional() @Trim() @IsString() @MaxLength(2000) description?: string;
  @ApiPropertyOptional({ type: [LineItemDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => LineItemDto)
  lineItems?: LineItemDto[];

  @MetadataField() metadata?: Metadata;
}

export class UpdateInvoiceDto {
  @ApiPropertyOptional() @IsOptional() @IsMinorAmount() amount?: number;
  @ApiPropertyOptional() @IsOptional() @IsDate() dueDate?: string;
  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(2000)
  description?: string | null;

  @MetadataField('patch') metadata?: Record<string, string | null>;
}

export class CreditNoteDto {
  @ApiProperty({ description: 'Minor units, at most the balance.' }) @IsMinorAmount() amount!: number;
  @ApiProperty() @Trim() @IsString() @MinLength(1) @MaxLength(500) reason!: string;
}

export class ListInvoicesQuery extends ListQuery {
  @ApiPropertyOptional({ enum: INVOICE_STATUSES }) @IsOptional() @IsIn(INVOICE_STATUSES) status?: InvoiceStatus;
  @ApiPropertyOptional() @IsOptional() @IsString() contactId?: string;
  @ApiPropertyOptional({ description: 'true: balance > 0 and due date passed.' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  overdue?: boolean;

  @MetadataFilter() metadata?: Metadata;
}

export const AUTOPAY_STATUSES = [
  'scheduled',
  'awaiting_payment_method',
  'retrying',
  'succeeded',
  'failed',
  'stopped',
  'on_hold',
  'cancelled',
] as const;

export class InvoiceAutopayDto {
  @ApiProperty({
    enum: AUTOPAY_STATUSES,
    description: 'on_hold: disputed; cancelled: paid otherwise or voided before autopay finished.',
  })
  status!: (typeof AUTOPAY_STATUSES)[number];
  @ApiProperty({ description: 'Charges tried so far.' }) attempts!: number;
  @ApiProperty({ nullable: true, type: String, description: 'When the worker tries next; null: it will not.' })
  nextAttemptAt!: string | null;
}

export class InvoiceDto {
  @ApiProperty({ example: 'inv_01jf…' }) id!: string;
  @ApiProperty({ example: 'INV-1001' }) number!: string;
  @ApiProperty({ example: 'ct_01jf…' }) contactId!: string;
  @ApiProperty({ description: 'Minor units.', example: 250000 }) amount!: number;
  @ApiProperty({ description: 'Minor units still owed.', example: 150000 }) balance!: number;
  @ApiProperty({ example: 'USD' }) currency!: string;
  @ApiProperty({ enum: INVOICE_STATUSES, example: 'partially_paid' }) status!: InvoiceStatus;
  @ApiProperty({ description: 'Balance > 0 and the due date has passed.' }) overdue!: boolean;
  @ApiProperty({ example: '2026-03-01' }) issuedAt!: string;
  @ApiProperty({ example: '2026-03-31' }) dueDate!: string;
  @ApiProperty({ nullable: true, type: String }) description!: string | null;
  @ApiProperty({ type: [LineItemDto] }) lineItems!: LineItem[];
  @ApiProperty({ example: 100000 }) paidAmount!: number;
  @ApiProperty({ example: 0 }) refundedAmount!: number;
  @ApiProperty({ example: 0 }) creditedAmount!: number;
  @ApiProperty({ nullable: true, type: String }) paidAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) voidedAt!: string | null;
  @ApiProperty({ example: '2026-03-01T10:00:00.000Z' }) createdAt!: string;
  @ApiProperty({
    nullable: true,
    type: InvoiceAutopayDto,
    description: "Automated payment (authorized contacts' invoices); null when not charged automatically.",
  })
  autopay!: InvoiceAutopayDto | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, example: { order_ref: 'A-17' } })
  metadata!: Metadata;
}

/** An invoice as its customer sees it (`/v1/customer/*`): no `metadata`, which is the merchant's own. */
export class CustomerInvoiceDto extends OmitType(InvoiceDto, ['metadata'] as const) {}

/** The customer's invoice list: no `metadata[...]` filter (it would let a customer probe the merchant's keys). */
export class ListCustomerInvoicesQuery extends OmitType(ListInvoicesQuery, ['metadata'] as const) {}

/** The one mapping from an invoice to what its customer sees (customer routes and the wallet). */
export function toCustomerInvoiceDto({ metadata: _merchantOnly, ...invoice }: InvoiceDto): CustomerInvoiceDto {
  return invoice;
}

export const isOverdue = (i: Pick<Invoice, 'balance' | 'dueDate' | 'status'>, today: string) =>
  i.balance > 0 && i.dueDate < today && i.status !== 'void';

export function toInvoiceDto(i: Invoice, today: string): InvoiceDto {
  return {
    id: i.id,
    number: i.number,
    contactId: i.contactId,
    amount: i.amount,
    balance: i.balance,
    currency: i.currency,
    status: i.status,
    overdue: isOverdue(i, today),
    issuedAt: i.issuedAt,
    dueDate: i.dueDate,
    description: i.description,
    lineItems: i.lineItems as LineItem[],
    paidAmount: i.paidAmount,
    refundedAmount: i.refundedAmount,
    creditedAmount: i.creditedAmount,
    paidAt: i.paidAt?.toISOString() ?? null,
    voidedAt: i.voidedAt?.toISOString() ?? null,
    createdAt: i.createdAt.toISOString(),
    autopay: autopayOf(i),
    metadata: i.metadata ?? {},
  };
}

function autopayOf(i: Invoice): InvoiceAutopayDto | null {
  if (!i.autopayStatus && !i.nextAutopayAt) return null;
  const status = (i.autopayStatus ?? 'scheduled') as InvoiceAutopayDto['status'];
  const pending = status === 'scheduled' || status === 'retrying' || status === 'awaiting_payment_method';
  const payable = i.status === 'open' || i.status === 'partially_paid';
  if (!pending) return { status, attempts: i.autopayAttempts, nextAttemptAt: null };
  if (i.status === 'disputed') return { status: 'on_hold', attempts: i.autopayAttempts, nextAttemptAt: null };
  if (!payable || !i.nextAutopayAt) return { status: 'cancelled', attempts: i.autopayAttempts, nextAttemptAt: null };
  return { status, attempts: i.autopayAttempts, nextAttemptAt: i.nextAutopayAt.toISOString() };
}
