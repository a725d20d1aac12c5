import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsString, MaxLength } from 'class-validator';
import { Trim } from '../../../platform/validation/dto-transforms.js';
import { KNOWN_EVENT_TYPES } from '../event-types.js';
import type { WebhookEndpoint, WebhookEndpointStatus } from '../webhook-endpoint.entity.js';

export class CreateWebhookEndpointDto {
  @ApiProperty({
    example: 'https://erp.example.com/hooks/customerconnect',
    description: 'https (http only for localhost outside production); never a private-network address in production.',
  })
  @Trim()
  @IsString()
  @MaxLength(2048)
  url!: string;

  @ApiProperty({
    example: ['invoice.paid', 'payment.failed'],
    description: `Event types, or ["*"] for every event: ${KNOWN_EVENT_TYPES.join(', ')}.`,
  })
  @IsArray({ message: 'events must be a list of event types, or ["*"]' })
  @ArrayMaxSize(100)
  @IsString({ each: true })
  events!: string[];
}

export class WebhookEndpointDto {
  @ApiProperty({ example: 'we_01jf…' }) id!: string;
  @ApiProperty({ example: 'https://merchant.example/webhooks/cc' }) url!: string;
  @ApiProperty({ type: [String] }) events!: string[];
  @ApiProperty({ enum: ['active', 'disabled'] }) status!: WebhookEndpointStatus;
  @ApiPropertyOptional({
    example: 'whsec_…',
    description: 'The signing secret: in the creation and rotation answers only, never shown again.',
  })
  secret?: string;
  @ApiProperty({
    nullable: true,
    type: String,
    description:
      'After a rotation: until when the previous secret still signs beside the new one (one v1= each); null otherwise.',
  })
  previousSecretExpiresAt!: string | null;
  @ApiPropertyOptional({ description: 'In the answer to DELETE.' }) deleted?: boolean;
  @ApiProperty({ example: '2026-03-14T09:30:00.000Z' }) createdAt!: string;
  @ApiProperty({ example: '2026-03-14T09:30:00.000Z' }) updatedAt!: string;
}

export function toEndpointDto(e: WebhookEndpoint): WebhookEndpointDto {
  return {
    id: e.id,
    url: e.url,
    events: e.events,
    status: e.status,
    previousSecretExpiresAt: e.previousSecretExpiresAt?.toISOString() ?? null,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}
