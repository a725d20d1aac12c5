import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintAsNumber } from '../../platform/database/columns.js';

/** A credit note: lowers an invoice's balance (how a dispute resolved with `credit` is recorded). */
@Entity('invoice_credits')
export class InvoiceCredit {
  @PrimaryColumn() merchantId!: string;
  @PrimaryColumn() id!: string;
  @Column() invoiceId!: string;
  @Column({ type: 'bigint', transformer: bigintAsNumber }) amount!: number;
  @Column() reason!: string;
  @Column({ type: 'timestamptz' }) createdAt!: Date;
}
