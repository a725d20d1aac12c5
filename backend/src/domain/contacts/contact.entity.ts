import type { Metadata } from '../../platform/validation/metadata.js';
import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { bigintAsNumber } from '../../platform/database/columns.js';

export type ContactStatus = 'prospect' | 'verified' | 'authorized' | 'credit_declined';

@Entity('contacts')
export class Contact {
  @PrimaryColumn() merchantId!: string;
  @PrimaryColumn() id!: string;
  @Column() companyName!: string;
  /** Stored lower-cased; unique within the merchant. */
  @Column() email!: string;
  @Column({ type: 'text', nullable: true }) name!: string | null;
  @Column({ type: 'text' }) status!: ContactStatus;
  /** The active contract's terms (authorized contacts only), kept with the contact in the contract's transaction. */
  @Column({ type: 'text', nullable: true }) contractId!: string | null;
  @Column({ type: 'int', nullable: true }) netDays!: number | null;
  @Column({ type: 'bigint', nullable: true, transformer: bigintAsNumber }) creditLimit!: number | null;
  @Column({ type: 'text', nullable: true }) currency!: string | null;
  /** The integrator's own keys (`{}` when none); never shown on /v1/customer/*. */
  @Column({ type: 'jsonb', default: () => "'{}'::jsonb" }) metadata?: Metadata;
  @Column({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
