import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiList } from '../../platform/http/api-responses.js';
import type { MerchantAuth } from '../../platform/http/auth/auth-context.js';
import { Auth } from '../../platform/http/auth/decorators.js';
import { EventDto, ListEventsQuery } from './dto/event.dto.js';
import { EventLogService } from './event-log.service.js';

@ApiTags('webhooks')
@Controller('v1/events')
export class EventsController {
  constructor(private readonly events: EventLogService) {}

  @ApiList(EventDto)
  @Get()
  @ApiOperation({
    summary: 'The event log behind webhooks, newest first; filter by type. Items are the webhook bodies.',
  })
  list(@Auth() auth: MerchantAuth, @Query() query: ListEventsQuery) {
    return this.events.list(auth.merchantId, query);
  }
}
