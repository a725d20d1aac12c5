import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

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
  @Column({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
