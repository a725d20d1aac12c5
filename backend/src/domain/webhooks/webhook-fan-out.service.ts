import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../platform/clock/clock.js';
import { Db } from '../../platform/database/db.js';
import { newId } from '../../platform/ids/ids.js';
import { eventIdFloor } from './event-cursor.js';
import { ALL_EVENTS, PING_EVENT } from './event-types.js';
import { WebhookDelivery } from './webhook-delivery.entity.js';
import { WebhookEndpoint } from './webhook-endpoint.entity.js';

/**
 * Events are committed by their own transactions, so one with an older id can become visible
 * after a newer one was scanned. Each scan therefore looks this far back (by id time) and
 * skips what already has a delivery; a transaction open longer than this could slip past.
 */
export const LOOKBACK_MS = 5 * 60_000;
const ENDPOINTS_PER_ROUND = 50;
const MAX_ROUNDS = 20;
const EVENTS_PER_SCAN = 500;
const MAX_SCANS_PER_ENDPOINT = 10;

/**
 * Worker job: turns new events into one pending delivery per subscribed active endpoint.
 * Endpoints are claimed with FOR UPDATE SKIP LOCKED (instances share them), and the unique
 * (merchant, endpoint, event) key makes any overlap harmless. Each endpoint keeps a cursor,
 * the newest event id scanned, so a pass reads only new events and a short recent window.
 */
@Injectable()
export class WebhookFanOutService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /** One pass; answers how many deliveries it created. */
  async run(): Promise<number> {
    const recent = eventIdFloor(Date.now() - LOOKBACK_MS); // ids carry real time, not the test clock
    const done: string[] = [];
    let created = 0;
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const claimed = await this.db.detached(async (em) => {
        const endpoints = await this.claimEndpoints(em, recent, done);
        for (const endpoint of endpoints) created += await this.fanOut(em, endpoint, recent);
        return endpoints;
      });
      done.push(...claimed.map((e) => e.id));
      if (claimed.length < ENDPOINTS_PER_ROUND) break;
    }
    return created;
  }

  /** Active endpoints whose merchant has events past their scan floor, not yet handled in this pass. */
  private claimEndpoints(em: EntityManager, recent: string, done: string[]): Promise<WebhookEndpoint[]> {
    return em
      .getRepository(WebhookEndpoint)
      .createQueryBuilder('w')
      .where("w.status = 'active'")
      .andWhere(
        'EXISTS (SELECT 1 FROM events e WHERE e.merchant_id = w.merchant_id AND e.id > LEAST(w.event_cursor, :recent))',
        { recent },
      )
      .andWhere(done.length ? 'w.id NOT IN (:...done)' : 'TRUE', { done })
      .orderBy('w.id')
      .limit(ENDPOINTS_PER_ROUND)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
  }

  private async fanOut(em: EntityManager, endpoint: WebhookEndpoint, recent: string): Promise<number> {
    const { merchantId, id: endpointId } = endpoint;
    const [{ head }] = await em.query('SELECT max(id) AS head FROM events WHERE merchant_id = $1', [merchantId]);
    if (!head) return 0;
    let from = endpoint.eventCursor < recent ? endpoint.eventCursor : recent;
    let created = 0;
    for (let scan = 0; scan < MAX_SCANS_PER_ENDPOINT; scan++) {
      const events: { id: string; type: string }[] = await em.query(
        `SELECT e.id, e.type FROM events e
          WHERE e.merchant_id = $1 AND e.id > $2 AND e.id <= $3 AND e.created_at >= $4 AND e.type <> '${PING_EVENT}'
            AND ($5::boolean OR e.type = ANY($6::text[]))
            AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.merchant_id = e.merchant_id AND d.endpoint_id = $7 AND d.event_id = e.id)
          ORDER BY e.id LIMIT ${EVENTS_PER_SCAN}`,
        [merchantId, from, head, endpoint.createdAt, endpoint.events.includes(ALL_EVENTS), endpoint.events, endpointId],
      );
      created += await this.insertDeliveries(em, endpoint, events);
      if (events.length < EVENTS_PER_SCAN) {
        if (head > endpoint.eventCursor) await this.moveCursor(em, endpoint, head);
        return created;
      }
      from = events.at(-1)!.id;
      if (from > endpoint.eventCursor) await this.moveCursor(em, endpoint, from);
    }
    return created;
  }

  private async insertDeliveries(
    em: EntityManager,
    endpoint: WebhookEndpoint,
    events: { id: string; type: string }[],
  ): Promise<number> {
    if (!events.length) return 0;
    const now = this.clock.now();
    const rows: WebhookDelivery[] = events.map((e) => ({
      merchantId: endpoint.merchantId,
      id: newId('wd'),
      endpointId: endpoint.id,
      eventId: e.id,
      eventType: e.type,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: now,
      lastStatusCode: null,
      lastError: null,
      lastResponseSnippet: null,
      history: [],
      createdAt: now,
      deliveredAt: null,
    }));
    const result = await em
      .getRepository(WebhookDelivery)
      .createQueryBuilder()
      .insert()
      .values(rows)
      .orIgnore()
      .returning(['id'])
      .execute();
    return result.raw.length;
  }

  private async moveCursor(em: EntityManager, endpoint: WebhookEndpoint, cursor: string): Promise<void> {
    endpoint.eventCursor = cursor;
    await em
      .getRepository(WebhookEndpoint)
      .update({ merchantId: endpoint.merchantId, id: endpoint.id }, { eventCursor: cursor });
  }
}
