import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One generated period of a schedule. The primary key (merchant, schedule, period) is what makes
 * each period happen exactly once: the row and its invoice or request are written in one transaction.
 */
@Entity('recurring_occurrences')
export class RecurringOccurrence {
  @PrimaryColumn() merchantId!: string;
  @PrimaryColumn() scheduleId!: string;
  @PrimaryColumn({ type: 'int' }) periodIndex!: number;
  @Column({ type: 'date' }) periodDate!: string;
  /** `generated`, or `failed` when the invoice or request was refused (e.g. credit_limit_exceeded): the period is skipped. */
  @Column({ type: 'text' }) status!: 'generated' | 'failed';
  @Column({ type: 'text', nullable: true }) invoiceId!: string | null;
  @Column({ type: 'text', nullable: true }) paymentRequestId!: string | null;
  @Column({ type: 'text', nullable: true }) errorCode!: string | null;
  @Column({ type: 'timestamptz' }) createdAt!: Date;
}
