import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintAsNumber } from '../../platform/database/columns.js';

export type OfferStatus = 'offered' | 'accepted' | 'declined' | 'withdrawn' | 'expired';

@Entity('terms_offers')
export class TermsOffer {
  @PrimaryColumn() merchantId!: string;
  @PrimaryColumn() id!: string;
  @Column() contactId!: string;
  @Column({ type: 'int' }) netDays!: number;
  @Column({ type: 'bigint', transformer: bigintAsNumber }) creditLimit!: number;
  @Column() currency!: string;
  @Column({ type: 'text' }) status!: OfferStatus;
  @Column({ type: 'timestamptz' }) expiresAt!: Date;
  @Column({ type: 'text', nullable: true }) applicationId!: string | null;
  @Column({ type: 'int', nullable: true }) acceptedNetDays!: number | null;
  @Column({ type: 'text', nullable: true }) signatureName!: string | null;
  @Column({ type: 'text', nullable: true }) signatureIp!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) answeredAt!: Date | null;
  @Column({ type: 'timestamptz' }) createdAt!: Date;
}
