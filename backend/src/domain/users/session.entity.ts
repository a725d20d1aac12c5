import { Column, Entity, PrimaryColumn } from 'typeorm';

export type SessionKind = 'merchant' | 'customer';

/** Dashboard (`ms_`) and customer (`cs_`) sessions; only a hash of the token is kept. */
@Entity('sessions')
export class Session {
  @PrimaryColumn() merchantId!: string;
  @PrimaryColumn() id!: string;
  @Column({ type: 'text' }) kind!: SessionKind;
  @Column() tokenHash!: string;
  @Column({ type: 'text', nullable: true }) userId!: string | null;
  @Column({ type: 'text', nullable: true }) contactId!: string | null;
  @Column({ type: 'timestamptz' }) expiresAt!: Date;
  /** Customer sessions slide: each use moves `expiresAt` to now + this many seconds. 0: fixed. */
  @Column({ type: 'int', default: 0 }) idleSeconds!: number;
  @Column({ type: 'timestamptz' }) createdAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) revokedAt!: Date | null;
}
