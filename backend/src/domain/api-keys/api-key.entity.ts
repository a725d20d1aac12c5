import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { UserRole } from '../users/user.entity.js';

export type ApiKeyKind = 'secret' | 'publishable';

@Entity('api_keys')
export class ApiKey {
  @PrimaryColumn() merchantId!: string;
  @PrimaryColumn() id!: string;
  @Column({ type: 'text' }) kind!: ApiKeyKind;
  @Column({ type: 'text' }) role!: UserRole;
  /** sha256 of a secret key; null for publishable keys. */
  @Column({ type: 'text', nullable: true }) tokenHash!: string | null;
  /** A publishable key is a public identifier, kept as is; null for secret keys. */
  @Column({ type: 'text', nullable: true }) publishableKey!: string | null;
  /** The last four characters, so people can tell keys apart. */
  @Column() last4!: string;
  @Column({ type: 'timestamptz' }) createdAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) revokedAt!: Date | null;
}
