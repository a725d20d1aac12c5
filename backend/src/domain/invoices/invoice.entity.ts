import type { Metadata } from '../../platform/validation/metadata.js';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintAsNumber, type JsonObject } from '../../platform/database/columns.js';

export type InvoiceStatus = 'open' | 'partially_paid' | 'paid' | 'disputed' | 'void';

export interface LineItem {
  description: string;
  quantity: number;
  unitAmount: number;
}

/** balance = amount − paidAmount + refundedAmount − creditedAmount (a CHECK keeps it so). */
@Entity('invoices')
export class Invoice {
  @PrimaryColumn() merchantId!: string;
  @PrimaryColumn() id!: string;
  @Column() contactId!: string;
  @Column() number!: string;
  @Column() currency!: string;
  @Column({ type: 'bigint', transformer: bigintAsNumber }) amount!: number;
  @Column({ type: 'bigint', transformer: bigintAsNumber }) balance!: number;
  @Column({ type: 'bigint', transformer: bigintAsNumber }) paidAmount!: number;
  @Column({ type: 'bigint', transformer: bigintAsNumber }) refundedAmount!: number;
  @Column({ type: 'bigint', transformer: bigintAsNumber }) creditedAmount!: number;
  @Column({ type: 'text' }) status!: InvoiceStatus;
  @Column({ type: 'text', nullable: true }) statusBeforeDispute!: InvoiceStatus | null;
  @Column({ type: 'date' }) issuedAt!: string;
  @Column({ type: 'date' }) dueDate!: string;
  @Column({ type: 'text', nullable: true }) description!: string | null;
  @Column({ type: 'jsonb' }) lineItems!: LineItem[] | JsonObject[];
  @Column({ type: 'int' }) autopayAttempts!: number;
  @Column({ type: 'timestamptz', nullable: true }) nextAutopayAt!: Date | null;
  @Column({ type: 'text', nullable: true }) autopayStatus!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) paidAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) voidedAt!: Date | null;
  /** The integrator's own keys (`{}` when none); never shown on /v1/customer/*. */
  @Column({ type: 'jsonb', default: () => "'{}'::jsonb" }) metadata?: Metadata;
  @Column({ type: 'timestamptz' }) createdAt!: Date;
  @Column({ type: 'timestamptz' }) updatedAt!: Date;
}
