import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { PaymentMethodType } from '../../merchants/merchant-settings.js';

/** A contact's card or bank account: the processor's token, brand and last 4 only. */
@Entity('payment_methods')
export class PaymentMethod {
  @PrimaryColumn() merchantId!: string;
  @PrimaryColumn() id!: string;
  @Column() contactId!: string;
  @Column({ type: 'text' }) type!: PaymentMethodType;
  @Column() brand!: string;
  @Column() last4!: string;
  @Column({ type: 'int', nullable: true }) expMonth!: number | null;
  @Column({ type: 'int', nullable: true }) expYear!: number | null;
  @Column() processorToken!: string;
  @Column() isDefault!: boolean;
  @Column({ type: 'timestamptz' }) createdAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) deletedAt!: Date | null;
}
