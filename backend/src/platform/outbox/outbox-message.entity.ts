import type { JsonObject } from '../database/columns.js';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export type OutboxStatus = 'pending' | 'done' | 'failed';

/**
 * The transactional outbox: work written in the same transaction as the change it reports,
 * delivered later by the worker (mail, webhooks). Claimed with FOR UPDATE SKIP LOCKED.
 */
@Entity('outbox_messages')
export class OutboxMessage {
  @PrimaryColumn() merchantId!: string;
  @PrimaryColumn() id!: string;
  @Column() topic!: string;
  @Column({ type: 'jsonb' }) payload!: JsonObject;
  @Column({ type: 'text' }) status!: OutboxStatus;
  @Column({ type: 'int' }) attempts!: number;
  @Column({ type: 'timestamptz' }) availableAt!: Date;
  @Column({ type: 'text', nullable: true }) lastError!: string | null;
  @Column({ type: 'timestamptz' }) createdAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) completedAt!: Date | null;
}
