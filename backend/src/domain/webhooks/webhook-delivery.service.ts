import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { JsonObject } from '../../platform/database/columns.js';
import { Clock } from '../../platform/clock/clock.js';
import { Db } from '../../platform/database/db.js';
import { Encryption } from '../../platform/crypto/encryption.js';
import { toEventDto } from './dto/event.dto.js';
import { nextAttemptAt } from './retry-schedule.js';
import { signatureHeader } from './signature.js';
import { WebhookUrlPolicy } from './url-policy.js';
import { WebhookMetrics } from './webhook-metrics.js';
import { type DeliveryAttempt, WebhookDelivery } from './webhook-delivery.entity.js';
import { postWebhook, TIMEOUT_MS, type SendResult } from './webhook-sender.js';

/** A claimed attempt hides its delivery from other workers this long (well past the 10 s timeout). */
export const LEASE_MS = 2 * 60_000;
const BATCH = 10;
const MAX_BATCHES = 10;
const HISTORY_KEPT = 25;

export interface Claimed {
  merchantId: string;
  id: string;
  attempts: number;
  history: DeliveryAttempt[];
  url: string;
  secretEncrypted: string;
  previousSecretEncrypted: string | null;
  previousSecretExpiresAt: Date | null;
  event: { id: string; type: string; createdAt: Date; data: JsonObject };
}

/**
 * Worker job: POSTs due deliveries. Each batch is claimed in one short transaction (FOR UPDATE
 * SKIP LOCKED; attempts + 1; the lease moves next_attempt_at forward), then sent with no
 * transaction open, then recorded. A crash mid-send only delays a delivery until its lease
 * ends: delivery is at least once.
 */
@Injectable()
export class WebhookDeliveryService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly encryption: Encryption,
    private readonly urls: WebhookUrlPolicy,
    private readonly metrics: WebhookMetrics,
  ) {}

  /** One pass; answers how many attempts it made. */
  async run(): Promise<number> {
    let attempted = 0;
    for (let i = 0; i < MAX_BATCHES; i++) {
      const batch = await this.db.detached((em) => this.claim(em));
      await Promise.all(batch.map((c) => this.attempt(c)));
      attempted += batch.length;
      if (batch.length < BATCH) break;
    }
    return attempted;
  }

  private async claim(em: EntityManager): Promise<Claimed[]> {
    const now = this.clock.now();
    const rows: (Omit<Claimed, 'event'> & {
      eventId: string;
      eventType: string;
      eventCreatedAt: Date;
      eventData: JsonObject;
    })[] = await em.query(
      `SELECT d.merchant_id AS "merchantId", d.id, d.attempts, d.history, w.url, w.secret_encrypted AS "secretEncrypted",
              w.previous_secret_encrypted AS "previousSecretEncrypted", w.previous_secret_expires_at AS "previousSecretExpiresAt",
              e.id AS "eventId", e.type AS "eventType", e.created_at AS "eventCreatedAt", e.data AS "eventData"
         FROM webhook_deliveries d
         JOIN webhook_endpoints w ON w.merchant_id = d.merchant_id AND w.id = d.endpoint_id
         JOIN events e ON e.merchant_id = d.merchant_id AND e.id = d.event_id
        WHERE d.status = 'pending' AND d.next_attempt_at <= $1 AND w.status = 'active'
        ORDER BY d.next_attempt_at
        LIMIT ${BATCH}
        FOR UPDATE OF d SKIP LOCKED`,
      [now],
    );
    for (const row of rows) {
      row.attempts += 1;
      await em
        .getRepository(WebhookDelivery)
        .update(
          { merchantId: row.merchantId, id: row.id },
          { attempts: row.attempts, nextAttemptAt: new Date(now.getTime() + LEASE_MS) },
        );
    }
    return rows.map(({ eventId, eventType, eventCreatedAt, eventData, ...d }) => ({
      ...d,
      event: { id: eventId, type: eventType, createdAt: new Date(eventCreatedAt), data: eventData },
    }));
  }

  /** Signs (with every live secret) and POSTs one claimed attempt, then records it. */
  async attempt(c: Claimed, options: { timeoutMs?: number; retry?: boolean } = {}): Promise<void> {
    const body = JSON.stringify(toEventDto(c.event));
    let result: SendResult;
    try {
      const now = this.clock.now();
      const signature = signatureHeader(this.liveSecrets(c, now), body, Math.floor(now.getTime() / 1000));
      const timeout = options.timeoutMs ?? TIMEOUT_MS;
      result = await postWebhook(new URL(c.url), body, { 'cc-signature': signature }, this.urls, timeout);
    } catch (err) {
      result = { statusCode: null, error: `Could not sign: ${(err as Error).message}`, snippet: null, durationMs: 0 };
    }
    await this.record(c, result, options.retry ?? true);
  }

  /** The current secret, then the one before a rotation while its 24 h overlap lasts. */
  private liveSecrets(c: Claimed, now: Date): string[] {
    const secrets = [this.encryption.decrypt(c.secretEncrypted)];
    const expires = c.previousSecretExpiresAt ? new Date(c.previousSecretExpiresAt) : null;
    if (c.previousSecretEncrypted && expires && expires > now)
      secrets.push(this.encryption.decrypt(c.previousSecretEncrypted));
    return secrets;
  }

  /**
   * 2xx → succeeded; otherwise retried with jittered backoff until 24 h after the event, then
   * failed (at once when `retry` is false: a test event).
   */
  private async record(c: Claimed, r: SendResult, retry: boolean): Promise<void> {
    const now = this.clock.now();
    const ok = r.statusCode !== null && r.statusCode >= 200 && r.statusCode < 300;
    const retryAt = ok || !retry ? null : nextAttemptAt(c.attempts, c.event.createdAt, now);
    const entry: DeliveryAttempt = {
      at: now.toISOString(),
      statusCode: r.statusCode,
      error: r.error,
      durationMs: r.durationMs,
      responseSnippet: r.snippet,
    };
    const status = ok ? 'succeeded' : retryAt ? 'pending' : 'failed';
    this.metrics.attempted(r, status);
    await this.db.detached((em) =>
      em.getRepository(WebhookDelivery).update(
        // Only the holder of this attempt records it (a manual retry may have started another).
        { merchantId: c.merchantId, id: c.id, attempts: c.attempts },
        {
          status,
          nextAttemptAt: retryAt,
          ...(ok ? { deliveredAt: now } : {}),
          lastStatusCode: r.statusCode,
          lastError: r.error,
          lastResponseSnippet: r.snippet,
          history: [...c.history, entry].slice(-HISTORY_KEPT),
        },
      ),
    );
  }
}
