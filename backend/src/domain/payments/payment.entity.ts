import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintAsNumber } from '../../platform/database/columns.js';

/**
 * A charge attempt: written `processing` (with the key it is charged under) and committed before
 * the processor is called, then settled `succeeded` or `failed`; a failed one is kept too (with the
 * processor's code) and moves no balance.
 */
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
  @Column({ type: 'text' }) status!: 'processing' | 'succeeded' | 'failed';
  @Column({ type: 'text', nullable: true }) failureCode!: string | null;
  @Column({ type: 'text', nullable: true }) processorReference!: string | null;
  /** The processor's idempotency key for this charge (the worker settles a `processing` one by it). */
  @Column({ type: 'text', nullable: true }) processorKey!: string | null;
  @Column({ type: 'text' }) source!: 'customer' | 'automatic';
  @Column({ type: 'timestamptz' }) createdAt!: Date;
}
