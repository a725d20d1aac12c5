import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { JsonObject } from '../../../platform/database/columns.js';
import { ListQuery } from '../../../platform/pagination/pagination.js';
import type { DomainEvent } from '../../../platform/events/event.entity.js';

export class ListEventsQuery extends ListQuery {
  @ApiPropertyOptional({ example: 'contact.verified', description: 'Only events of this type.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  type?: string;
}

/** An event as `GET /v1/events` lists it and as a webhook body carries it, byte for byte the same fields. */
export class EventDto {
  @ApiProperty({ example: 'evt_01jf…' }) id!: string;
  @ApiProperty({ example: 'contact.verified' }) type!: string;
  @ApiProperty({ example: '2026-03-14T09:30:00.000Z' }) createdAt!: string;
  @ApiProperty({ type: Object, description: 'The subject as it was after the change, e.g. { contact: {…} }.' })
  data!: JsonObject;
}

export function toEventDto(e: Pick<DomainEvent, 'id' | 'type' | 'createdAt' | 'data'>): EventDto {
  return { id: e.id, type: e.type, createdAt: e.createdAt.toISOString(), data: e.data };
}
