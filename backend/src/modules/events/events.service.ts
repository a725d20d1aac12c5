import type { JsonObject } from '../../common/columns.js';
import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock.js';
import { Db } from '../../common/db.js';
import { newId } from '../../common/ids.js';
import { DomainEvent } from './event.entity.js';

/** Appends events (the log webhooks and notices read) inside the caller's transaction. */
@Injectable()
export class EventsService {
  constructor(private readonly db: Db, private readonly clock: Clock) {}

  async append(merchantId: string, type: string, subjectId: string, data: JsonObject): Promise<DomainEvent> {
    const event: DomainEvent = { merchantId, id: newId('evt'), type, subjectId, data, createdAt: this.clock.now() };
    await this.db.repo(DomainEvent).insert(event);
    return event;
  }
}
