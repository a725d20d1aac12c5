import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import { IsMinorAmount } from '../../../platform/money/money-validators.js';
import { ListQuery } from '../../../platform/pagination/pagination.js';
import type { Payment } from '../payment.entity.js';

export class PayInvoiceDto {
  @ApiProperty() @IsString() paymentMethodId!: string;
  @ApiPropertyOptional({ description: 'If sent, it must be the whole balance: invoices are paid whole.' })
  @IsOptional()
  @IsMinorAmount()
  amount?: number;
}

export class RefundDto {
  @ApiPropertyOptional({ description: 'Minor units; default: all that is not yet refunded.' })
  @IsOptional()
  @IsMinorAmount()
  amount?: number;
}

export class ListPaymentsQuery extends ListQuery {
  @ApiPropertyOptional() @IsOptional() @IsString() contactId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() invoiceId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() paymentRequestId?: string;
}

export class PaymentDto {
  @ApiProperty({ example: 'pay_01jf…' }) id!: string;
  @ApiProperty({ example: 'ct_01jf…' }) contactId!: string;
  @ApiProperty({ nullable: true, type: String }) invoiceId!: string | null;
  @ApiProperty({ nullable: true, type: String }) paymentRequestId!: string | null;
  @ApiProperty({ example: 'pm_01jf…' }) paymentMethodId!: string;
  @ApiProperty({ example: 250000 }) amount!: number;
  @ApiProperty({ example: 0 }) refundedAmount!: number;
  @ApiProperty({ example: 'USD' }) currency!: string;
  @ApiProperty({ enum: ['processing', 'succeeded', 'failed'] }) status!: string;
  @ApiProperty({ nullable: true, type: String, description: 'card_declined, insufficient_funds, account_closed…' })
  failureCode!: string | null;
  @ApiProperty({ enum: ['customer', 'automatic'] }) source!: string;
  @ApiProperty({ example: '2026-03-14T09:30:00.000Z' }) createdAt!: string;
}

export const toPaymentDto = (p: Payment): PaymentDto => ({
  id: p.id,
  contactId: p.contactId,
  invoiceId: p.invoiceId,
  paymentRequestId: p.paymentRequestId,
  paymentMethodId: p.paymentMethodId,
  amount: p.amount,
  refundedAmount: p.refundedAmount,
  currency: p.currency,
  status: p.status,
  failureCode: p.failureCode,
  source: p.source,
  createdAt: p.createdAt.toISOString(),
});
