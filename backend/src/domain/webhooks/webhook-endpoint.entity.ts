import { Column, Entity, PrimaryColumn } from 'typeorm';

export type WebhookEndpointStatus = 'active' | 'disabled';

/** Where a merchant wants events POSTed (`we_`). The signing secret is stored encrypted, never hashed: we must sign with it. */
@Entity('webhook_endpoints')
export class WebhookEndpoint {
  @PrimaryColumn() merchantId!: string;
  @PrimaryColumn() id!: string;
  @Column() url!: string;
  /** Event types it subscribes to; `['*']` for every event. */
  @Column({ type: 'text', array: true }) events!: string[];
  /** `Encryption.encrypt(whsec_…)`. */
  @Column() secretEncrypted!: string;
  /** The secret before the last rotation (encrypted too): it still signs until `previousSecretExpiresAt`. */
  @Column({ type: 'text', nullable: true }) previousSecretEncrypted!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) previousSecretExpiresAt!: Date | null;
  @Column({ type: 'text' }) status!: WebhookEndpointStatus;
  /** The newest event id the fan-out has scanned for this endpoint (ids sort by time). */
  @Column() eventCursor!: string;
  @Column({ type: 'timestamptz' }) createdAt!: Date;
  @Column({ type: 'timestamptz' }) updatedAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) deletedAt!: Date | null;
}
