import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintAsNumber } from '../../platform/database/columns.js';

/** A charge attempt; a failed one is kept too (with the processor's code) and moves no balance. */
@Entity('payments')
export class Payment {
  @PrimaryColumn() merchantId!: string;
  @PrimaryColumn() id!: string;
  @Column() contactId!: string;
  @Column({ type: 'text', nullable: true }) invoiceId!: string | null;
  @Column({ type: 'text', nullable: true }) paymentRequestId!: string | null;
  @Column() paymentMethodId!: string;
  @Column({ type: 'bigint', transformer: bigintAsNumber }) amount!: number;
  @Column({ type: 'bigint', transformer: bigintAsNumber }) refundedAmount!: number;
  @Column() currency!: string;
  @Column({ type: 'text' }) status!: 'succeeded' | 'failed';
  @Column({ type: 'text', nullable: true }) failureCode!: string | null;
  @Column({ type: 'text', nullable: true }) processorReference!: string | null;
  @Column({ type: 'text' }) source!: 'customer' | 'automatic';
  @Column({ type: 'timestamptz' }) createdAt!: Date;
}
