import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintAsNumber } from '../../platform/database/columns.js';
import type { InvoiceStatus } from '../invoices/invoice.entity.js';

export type DisputeStatus = 'open' | 'resolved';
export type DisputeOutcome = 'credit' | 'reject';

@Entity('disputes')
export class Dispute {
  @PrimaryColumn() merchantId!: string;
  @PrimaryColumn() id!: string;
  @Column() invoiceId!: string;
  @Column() contactId!: string;
  @Column({ type: 'bigint', transformer: bigintAsNumber }) amount!: number;
  @Column() currency!: string;
  @Column() explanation!: string;
  @Column({ type: 'text' }) status!: DisputeStatus;
  @Column({ type: 'text', nullable: true }) outcome!: DisputeOutcome | null;
  @Column({ type: 'text', nullable: true }) note!: string | null;
  @Column({ type: 'text' }) invoiceStatusBefore!: InvoiceStatus;
  @Column({ type: 'timestamptz', nullable: true }) resolvedAt!: Date | null;
  @Column({ type: 'timestamptz' }) createdAt!: Date;
}
