import type { JsonObject } from '../database/columns.js';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The event log behind webhooks and notices (`evt_`), written in the transaction of the change. */
@Entity('events')
export class DomainEvent {
  @PrimaryColumn() merchantId!: string;
  @PrimaryColumn() id!: string;
  @Column() type!: string;
  @Column() subjectId!: string;
  @Column({ type: 'jsonb' }) data!: JsonObject;
  @Column({ type: 'timestamptz' }) createdAt!: Date;
}
