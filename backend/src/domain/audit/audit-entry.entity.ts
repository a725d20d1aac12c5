import type { JsonObject } from '../../platform/database/columns.js';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Who changed what: one row per state change, written in the change's transaction. */
@Entity('audit_log')
export class AuditEntry {
  @PrimaryColumn() merchantId!: string;
  @PrimaryColumn() id!: string;
  /** `user`, `api_key`, `customer`, `platform`, `system`, `anonymous`. */
  @Column() actorType!: string;
  @Column({ type: 'text', nullable: true }) actorId!: string | null;
  @Column({ type: 'text', nullable: true }) credentialId!: string | null;
  @Column() action!: string;
  @Column() subjectId!: string;
  @Column({ type: 'jsonb', nullable: true }) before!: JsonObject | null;
  @Column({ type: 'jsonb', nullable: true }) after!: JsonObject | null;
  @Column({ type: 'timestamptz' }) createdAt!: Date;
}
