import { Injectable } from '@nestjs/common';
import { Db } from '../../platform/database/db.js';
import { mapPage, paginate } from '../../platform/pagination/pagination.js';
import { DomainEvent } from '../../platform/events/event.entity.js';
import { PING_EVENT } from './event-types.js';
import { toEventDto, type ListEventsQuery } from './dto/event.dto.js';

/**
 * `GET /v1/events`: the merchant's event log, read-only. (The events module owns the table
 * and appends to it; webhooks is its reader, so the read side lives here.)
 */
@Injectable()
export class EventLogService {
  constructor(private readonly db: Db) {}

  async list(merchantId: string, query: ListEventsQuery) {
    const qb = this.db
      .repo(DomainEvent)
      .createQueryBuilder('e')
      .where('e.merchantId = :merchantId AND e.type <> :ping', { merchantId, ping: PING_EVENT }); // test events are not the merchant's
    if (query.type) qb.andWhere('e.type = :type', { type: query.type });
    return mapPage(await paginate(qb, query), toEventDto);
  }
}
