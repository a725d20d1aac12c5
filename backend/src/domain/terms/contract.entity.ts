import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintAsNumber } from '../../platform/database/columns.js';

/** The terms a contact signed: at most one `active` per contact. */
@Entity('contracts')
export class Contract {
  @PrimaryColumn() merchantId!: string;
  @PrimaryColumn() id!: string;
  @Column() contactId!: string;
  @Column() offerId!: string;
  @Column({ type: 'int' }) netDays!: number;
  @Column({ type: 'bigint', transformer: bigintAsNumber }) creditLimit!: number;
  @Column() currency!: string;
  @Column({ type: 'text' }) status!: 'active' | 'ended';
  @Column() signatureName!: string;
  @Column({ type: 'text', nullable: true }) signatureIp!: string | null;
  @Column({ type: 'timestamptz' }) signedAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) endedAt!: Date | null;
  @Column({ type: 'timestamptz' }) createdAt!: Date;
}
