import type { JsonObject } from '../database/columns.js';
import { Injectable } from '@nestjs/common';
import { LessThan } from 'typeorm';
import { Clock } from '../clock/clock.js';
import { Db } from '../database/db.js';
import { newId } from '../ids/ids.js';
import { OutboxMessage } from './outbox-message.entity.js';

export interface OutboxHandler {
  topic: string;
  /** Delivers one message; throwing schedules a retry. */
  handle(message: OutboxMessage): Promise<void>;
  /** Delay before attempt n+1 (ms); null: give up (status `failed`). */
  retryDelay?(attempts: number): number | null;
}

/** How long a claimed message is hidden from other workers while it is being delivered. */
const LEASE_MS = 5 * 60_000;
/** Delivered rows are kept this long (for support questions about a mail), then purged. */
export const OUTBOX_RETENTION_DAYS = 30;
const DEFAULT_BACKOFF_MS = [30_000, 120_000, 600_000, 3_600_000, 6 * 3_600_000];

/**
 * Writes outbox rows in the caller's transaction and drains them for the worker:
 * claims due rows with FOR UPDATE SKIP LOCKED, so any number of instances share the work.
 */
@Injectable()
export class OutboxService {
  private readonly handlers = new Map<string, OutboxHandler>();

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  register(handler: OutboxHandler): void {
    this.handlers.set(handler.topic, handler);
  }

  async enqueue(
    merchantId: string,
    topic: string,
    payload: JsonObject,
    availableAt = this.clock.now(),
  ): Promise<string> {
    const id = newId('obx');
    // Written with the transaction's other appends, just before COMMIT (nothing reads it back before).
    await this.db.insertLater(OutboxMessage, {
      merchantId,
      id,
      topic,
      payload,
      status: 'pending',
      attempts: 0,
      availableAt,
      lastError: null,
      createdAt: this.clock.now(),
      completedAt: null,
    });
    return id;
  }

  /**
   * Delivers up to `batch` due messages. Each is first claimed in its own short transaction
   * (attempt counted, lease taken), then delivered outside any transaction, then marked.
   * A crash mid-delivery leaves the message to be retried when the lease ends: at least once.
   */
  async drain(batch = 20): Promise<number> {
    let handled = 0;
    for (; handled < batch; handled++) {
      const message = await this.claim();
      if (!message) break;
      await this.deliver(message);
    }
    return handled;
  }

  /** Worker job: forget delivered messages older than {@link OUTBOX_RETENTION_DAYS} (failed ones stay for a look). */
  async purgeDelivered(): Promise<void> {
    const before = new Date(this.clock.now().getTime() - OUTBOX_RETENTION_DAYS * 86400_000);
    await this.db.repo(OutboxMessage).delete({ status: 'done', completedAt: LessThan(before) });
  }

  private claim(): Promise<OutboxMessage | undefined> {
    return this.db.detached(async (em) => {
      const now = this.clock.now();
      const [message] = await em
        .getRepository(OutboxMessage)
        .createQueryBuilder('m')
        .where("m.status = 'pending' AND m.availableAt <= :now", { now })
        .orderBy('m.availableAt', 'ASC')
        .limit(1)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      if (!message) return undefined;
      message.attempts += 1;
      await em
        .getRepository(OutboxMessage)
        .update(
          { merchantId: message.merchantId, id: message.id },
          { attempts: message.attempts, availableAt: new Date(now.getTime() + LEASE_MS) },
        );
      return message;
    });
  }

  private async deliver(message: OutboxMessage): Promise<void> {
    const handler = this.handlers.get(message.topic);
    const key = { merchantId: message.merchantId, id: message.id };
    try {
      if (!handler) throw new Error(`no handler for topic ${message.topic}`);
      await handler.handle(message);
      await this.db.detached((em) =>
        em.getRepository(OutboxMessage).update(key, { status: 'done', completedAt: this.clock.now(), lastError: null }),
      );
    } catch (err) {
      const delay = handler?.retryDelay
        ? handler.retryDelay(message.attempts)
        : (DEFAULT_BACKOFF_MS[message.attempts - 1] ?? null);
      const lastError = String((err as Error)?.message ?? err).slice(0, 1000);
      await this.db.detached((em) =>
        em
          .getRepository(OutboxMessage)
          .update(
            key,
            delay === null
              ? { status: 'failed', lastError }
              : { availableAt: new Date(this.clock.now().getTime() + delay), lastError },
          ),
      );
    }
  }
}
