import type { JsonObject } from '../database/columns.js';
import { Injectable } from '@nestjs/common';
import { Clock } from '../clock/clock.js';
import { Db } from '../database/db.js';
import { newId } from '../ids/ids.js';
import { DomainEvent } from './event.entity.js';

/** Appends events (the log webhooks and notices read) inside the caller's transaction. */
/** A reader that runs inside the transaction that appends the event (e.g. notices → outbox rows). */
export type EventSubscriber = (event: DomainEvent) => Promise<void>;

@Injectable()
export class EventsService {
  private readonly subscribers: EventSubscriber[] = [];

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  subscribe(subscriber: EventSubscriber): void {
    this.subscribers.push(subscriber);
  }

  async append(merchantId: string, type: string, subjectId: string, data: JsonObject): Promise<DomainEvent> {
    const event: DomainEvent = { merchantId, id: newId('evt'), type, subjectId, data, createdAt: this.clock.now() };
    await this.db.insertLater(DomainEvent, event); // with the transaction's other appends, before COMMIT
    for (const subscriber of this.subscribers) await subscriber(event);
    return event;
  }
}
