import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { MerchantSettings } from './merchant-settings.js';

/** A merchant is its own tenant: its `id` is the `merchant_id` every other table carries. */
@Entity('merchants')
export class Merchant {
  @PrimaryColumn() id!: string;
  @Column() name!: string;
  @Column({ type: 'jsonb' }) settings!: MerchantSettings;
  @Column({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
