import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintAsNumber } from '../../platform/database/columns.js';

@Entity('refunds')
export class Refund {
  @PrimaryColumn() merchantId!: string;
  @PrimaryColumn() id!: string;
  @Column() paymentId!: string;
  @Column({ type: 'bigint', transformer: bigintAsNumber }) amount!: number;
  @Column({ type: 'timestamptz' }) createdAt!: Date;
}
