import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A link token (only its hash) that opens one contact's wallet for 30 days, until revoked. */
@Entity('wallet_links')
export class WalletLink {
  @PrimaryColumn() merchantId!: string;
  @PrimaryColumn() id!: string;
  @Column() contactId!: string;
  @Column() tokenHash!: string;
  @Column({ type: 'timestamptz' }) expiresAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) revokedAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) lastUsedAt!: Date | null;
  @Column({ type: 'timestamptz' }) createdAt!: Date;
}
