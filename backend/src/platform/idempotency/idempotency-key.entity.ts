import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One remembered answer per (merchant, credential scope, Idempotency-Key); merchant `''` when the caller has none. */
@Entity('idempotency_keys')
export class IdempotencyKey {
  @PrimaryColumn() merchantId!: string;
  @PrimaryColumn() scope!: string;
  @PrimaryColumn() key!: string;
  @Column() requestHash!: string;
  @Column({ type: 'int' }) statusCode!: number;
  @Column({ type: 'jsonb' }) responseBody!: unknown;
  @Column({ type: 'timestamptz' }) createdAt!: Date;
  @Column({ type: 'timestamptz' }) expiresAt!: Date;
}
