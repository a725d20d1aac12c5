import type { Metadata } from '../../platform/validation/metadata.js';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintAsNumber } from '../../platform/database/columns.js';
import type { PaymentMethodType } from '../merchants/merchant-settings.js';

export type PaymentRequestStatus =
  'pending_approval' | 'approved' | 'partially_paid' | 'paid' | 'declined' | 'cancelled' | 'expired';

@Entity('payment_requests')
export class PaymentRequest {
  @PrimaryColumn() merchantId!: string;
  @PrimaryColumn() id!: string;
  @Column() contactId!: string;
  @Column({ type: 'text', nullable: true }) invoiceId!: string | null;
  @Column({ type: 'bigint', transformer: bigintAsNumber }) amount!: number;
  @Column({ type: 'bigint', transformer: bigintAsNumber }) paidAmount!: number;
  @Column() currency!: string;
  @Column({ type: 'text' }) status!: PaymentRequestStatus;
  @Column({ type: 'date', nullable: true }) dueDate!: string | null;
  @Column({ type: 'text', nullable: true }) memo!: string | null;
  /** The request's own minimum percentage. */
  @Column({ type: 'int', nullable: true }) minimumPercent!: number | null;
  /** Snapshots of the merchant's minimums when the request was made (later changes don't move them). */
  @Column({ type: 'int', nullable: true }) defaultMinimumPercent!: number | null;
  @Column({ type: 'jsonb' }) minimumByMethod!: Partial<Record<PaymentMethodType, number>>;
  @Column({ type: 'text', nullable: true }) scheduleId!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) approvedAt!: Date | null;
  /** The integrator's own keys (`{}` when none); never shown on /v1/customer/*. */
  @Column({ type: 'jsonb', default: () => "'{}'::jsonb" }) metadata?: Metadata;
  @Column({ type: 'timestamptz' }) createdAt!: Date;
  @Column({ type: 'timestamptz' }) updatedAt!: Date;
}
