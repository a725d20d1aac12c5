import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { ListQuery } from '../../../platform/pagination/pagination.js';
import type { WebhookDelivery, WebhookDeliveryStatus } from '../webhook-delivery.entity.js';

const STATUSES: WebhookDeliveryStatus[] = ['pending', 'succeeded', 'failed'];

export class ListDeliveriesQuery extends ListQuery {
  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES, { message: `status must be one of ${STATUSES.join(', ')}` })
  status?: WebhookDeliveryStatus;
}

export class DeliveryAttemptDto {
  @ApiProperty({ example: '2026-03-14T09:30:00.000Z' }) at!: string;
  @ApiProperty({ nullable: true, type: Number, description: "The receiver's status code; null when no answer came." })
  statusCode!: number | null;
  @ApiProperty({ nullable: true, type: String }) error!: string | null;
  @ApiProperty({ description: 'How long the attempt took, in milliseconds (connect to answer or timeout).' })
  durationMs!: number;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: "The first 1,024 bytes of the receiver's answer to this attempt; null when no answer came.",
  })
  responseSnippet?: string | null;
  @ApiPropertyOptional({ description: 'True for an attempt asked for with the retry endpoint.' }) manual?: boolean;
}

export class WebhookDeliveryDto {
  @ApiProperty({ example: 'wd_01jf…' }) id!: string;
  @ApiProperty({ example: 'we_01jf…' }) endpointId!: string;
  @ApiProperty({ example: 'evt_01jf…' }) eventId!: string;
  @ApiProperty({ example: 'invoice.paid' }) eventType!: string;
  @ApiProperty({ enum: STATUSES }) status!: WebhookDeliveryStatus;
  @ApiProperty({ example: 1 }) attempts!: number;
  @ApiProperty({ nullable: true, type: String, description: 'Pending deliveries: when the next attempt is due.' })
  nextAttemptAt!: string | null;
  @ApiProperty({ nullable: true, type: Number }) lastStatusCode!: number | null;
  @ApiProperty({ nullable: true, type: String }) lastError!: string | null;
  @ApiProperty({ nullable: true, type: String, description: "The start of the receiver's last answer (at most 1 KB)." })
  lastResponseSnippet!: string | null;
  @ApiProperty({ type: [DeliveryAttemptDto], description: 'Every attempt, oldest first (the last 25).' })
  history!: DeliveryAttemptDto[];
  @ApiProperty({ example: '2026-03-14T09:30:00.000Z' }) createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) deliveredAt!: string | null;
}

export function toDeliveryDto(d: WebhookDelivery): WebhookDeliveryDto {
  return {
    id: d.id,
    endpointId: d.endpointId,
    eventId: d.eventId,
    eventType: d.eventType,
    status: d.status,
    attempts: d.attempts,
    nextAttemptAt: d.status === 'pending' ? (d.nextAttemptAt?.toISOString() ?? null) : null,
    lastStatusCode: d.lastStatusCode,
    lastError: d.lastError,
    lastResponseSnippet: d.lastResponseSnippet,
    history: d.history,
    createdAt: d.createdAt.toISOString(),
    deliveredAt: d.deliveredAt?.toISOString() ?? null,
  };
}
