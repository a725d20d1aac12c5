import type { Metadata } from '../../platform/validation/metadata.js';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintAsNumber } from '../../platform/database/columns.js';
import type { IntervalUnit } from './periods.js';
import type { RecurringScheduleStatus } from './recurring-schedule.state-machine.js';

export type RecurringKind = 'invoice' | 'payment_request';

/** The number of the invoice a schedule makes for period `index` (0 for the start date). */
export function recurringInvoiceNumber(
  s: Pick<RecurringSchedule, 'id' | 'invoiceNumberPrefix'>,
  index: number,
): string {
  return `${s.invoiceNumberPrefix ?? `R-${s.id.slice(-6).toUpperCase()}-`}${index + 1}`;
}

/** A series of invoices or payment requests; period n falls on start + n × interval (see periods.ts). */
@Entity('recurring_schedules')
export class RecurringSchedule {
  @PrimaryColumn() merchantId!: string;
  @PrimaryColumn() id!: string;
  @Column() contactId!: string;
  @Column({ type: 'text' }) kind!: RecurringKind;
  @Column({ type: 'bigint', transformer: bigintAsNumber }) amount!: number;
  @Column() currency!: string;
  @Column({ type: 'text' }) intervalUnit!: IntervalUnit;
  @Column({ type: 'int' }) intervalCount!: number;
  @Column({ type: 'date' }) startDate!: string;
  @Column({ type: 'date', nullable: true }) endDate!: string | null;
  @Column({ type: 'int', nullable: true }) occurrences!: number | null;
  @Column({ type: 'text' }) status!: RecurringScheduleStatus;
  @Column({ type: 'text', nullable: true }) description!: string | null;
  /** Invoice numbers are this prefix and the period's number (1, 2, …); null: `R-<the id's last 6>-`. */
  @Column({ type: 'text', nullable: true }) invoiceNumberPrefix!: string | null;
  /** The contact approved every payment request of the series once: later ones are created approved. */
  @Column() seriesApproved!: boolean;
  @Column({ type: 'timestamptz', nullable: true }) seriesApprovedAt!: Date | null;
  /** The period the worker makes next, and its date (null once cancelled or completed). */
  @Column({ type: 'int' }) nextPeriodIndex!: number;
  @Column({ type: 'date', nullable: true }) nextRunDate!: string | null;
  /** The integrator's own keys (`{}` when none); never shown on /v1/customer/*. */
  @Column({ type: 'jsonb', default: () => "'{}'::jsonb" }) metadata?: Metadata;
  @Column({ type: 'timestamptz' }) createdAt!: Date;
  @Column({ type: 'timestamptz' }) updatedAt!: Date;
}
