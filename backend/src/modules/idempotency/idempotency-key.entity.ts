import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One remembered answer per (credential scope, Idempotency-Key). */
@Entity('idempotency_keys')
export class IdempotencyKey {
  @PrimaryColumn() scope!: string;
  @PrimaryColumn() key!: string;
  @Column({ type: 'text', nullable: true }) merchantId!: string | null;
  @Column() requestHash!: string;
  @Column({ type: 'int' }) statusCode!: number;
  @Column({ type: 'jsonb' }) responseBody!: unknown;
  @Column({ type: 'timestamptz' }) createdAt!: Date;
  @Column({ type: 'timestamptz' }) expiresAt!: Date;
}
