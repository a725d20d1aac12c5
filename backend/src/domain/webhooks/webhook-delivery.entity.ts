import type { JsonObject } from '../../platform/database/columns.js';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export type WebhookDeliveryStatus = 'pending' | 'succeeded' | 'failed';

/** One attempt, as the delivery log shows it. */
export interface DeliveryAttempt extends JsonObject {
  at: string;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  /** The first 1,024 bytes of the receiver's answer (null when none came). */
  responseSnippet?: string | null;
  manual?: boolean;
}

/** One event for one endpoint (`wd_`): created once by the fan-out, retried until it succeeds or gives up. */
@Entity('webhook_deliveries')
export class WebhookDelivery {
  @PrimaryColumn() merchantId!: string;
  @PrimaryColumn() id!: string;
  @Column() endpointId!: string;
  @Column() eventId!: string;
  @Column() eventType!: string;
  @Column({ type: 'text' }) status!: WebhookDeliveryStatus;
  @Column({ type: 'int' }) attempts!: number;
  /** When the worker may (re)try it; while an attempt runs, the end of its lease. */
  @Column({ type: 'timestamptz', nullable: true }) nextAttemptAt!: Date | null;
  @Column({ type: 'int', nullable: true }) lastStatusCode!: number | null;
  @Column({ type: 'text', nullable: true }) lastError!: string | null;
  /** The start of the receiver's last answer, at most 1 KB. */
  @Column({ type: 'text', nullable: true }) lastResponseSnippet!: string | null;
  @Column({ type: 'jsonb' }) history!: DeliveryAttempt[];
  @Column({ type: 'timestamptz' }) createdAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) deliveredAt!: Date | null;
}
