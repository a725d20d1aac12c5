import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import type { Actor } from '../../platform/http/auth/auth-context.js';
import { Clock } from '../../platform/clock/clock.js';
import { Db } from '../../platform/database/db.js';
import { Encryption } from '../../platform/crypto/encryption.js';
import { invalidParam, notFound } from '../../platform/errors/errors.js';
import { newId } from '../../platform/ids/ids.js';
import { mapPage, paginate, type ListQuery } from '../../platform/pagination/pagination.js';
import { newToken } from '../../platform/crypto/secrets.js';
import { AuditService } from '../audit/audit.service.js';
import { toEndpointDto, type CreateWebhookEndpointDto, type WebhookEndpointDto } from './dto/webhook-endpoint.dto.js';
import { eventIdFloor, idTime } from './event-cursor.js';
import { ALL_EVENTS, isKnownEventType, KNOWN_EVENT_TYPES } from './event-types.js';
import { WebhookUrlPolicy } from './url-policy.js';
import { WebhookDelivery } from './webhook-delivery.entity.js';
import { WebhookEndpoint } from './webhook-endpoint.entity.js';

/** After a rotation the previous secret still signs this long. */
export const SECRET_OVERLAP_MS = 24 * 3_600_000;

/** Endpoints: create (secret shown once), list, read, delete, rotate the secret. */
@Injectable()
export class WebhookEndpointsService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly encryption: Encryption,
    private readonly audit: AuditService,
    private readonly urls: WebhookUrlPolicy,
  ) {}

  async create(merchantId: string, dto: CreateWebhookEndpointDto, actor: Actor): Promise<WebhookEndpointDto> {
    const events = normalizeEvents(dto.events);
    const url = (await this.urls.assertAcceptable(dto.url)).href;
    return this.db.transaction(async () => {
      const id = newId('we');
      const secret = newToken('whsec');
      const now = this.clock.now();
      const endpoint: WebhookEndpoint = {
        merchantId,
        id,
        url,
        events,
        secretEncrypted: this.encryption.encrypt(secret),
        previousSecretEncrypted: null,
        previousSecretExpiresAt: null,
        status: 'active',
        eventCursor: eventIdFloor(idTime(id)),
        createdAt: now,
        updatedAt: now,
        deletedAt: null,
      };
      await this.db.repo(WebhookEndpoint).insert(endpoint);
      await this.audit.record({
        merchantId,
        actor,
        action: 'webhook_endpoint.created',
        subjectId: id,
        after: { url, events },
      });
      return { ...toEndpointDto(endpoint), secret };
    });
  }

  async list(merchantId: string, query: ListQuery) {
    const qb = this.db
      .repo(WebhookEndpoint)
      .createQueryBuilder('w')
      .where('w.merchantId = :merchantId AND w.deletedAt IS NULL', { merchantId });
    return mapPage(await paginate(qb, query), toEndpointDto);
  }

  async get(merchantId: string, id: string): Promise<WebhookEndpointDto> {
    return toEndpointDto(await this.find(merchantId, id));
  }

  /** Stops deliveries at once: the endpoint is disabled and hidden, its pending deliveries `failed`. */
  async delete(merchantId: string, id: string, actor: Actor): Promise<WebhookEndpointDto> {
    return this.db.transaction(async () => {
      const endpoint = await this.find(merchantId, id, true);
      const now = this.clock.now();
      Object.assign(endpoint, { status: 'disabled', deletedAt: now, updatedAt: now });
      await this.db
        .repo(WebhookEndpoint)
        .update({ merchantId, id }, { status: 'disabled', deletedAt: now, updatedAt: now });
      await this.db
        .repo(WebhookDelivery)
        .update(
          { merchantId, endpointId: id, status: 'pending' },
          { status: 'failed', nextAttemptAt: null, lastError: 'The endpoint was deleted.' },
        );
      await this.audit.record({
        merchantId,
        actor,
        action: 'webhook_endpoint.deleted',
        subjectId: id,
        before: { status: 'active' },
        after: { status: 'disabled' },
      });
      return { ...toEndpointDto(endpoint), deleted: true };
    });
  }

  /**
   * A new signing secret, shown in this answer only. The old one keeps signing beside it (one
   * `v1=` each) for 24 h, so receivers can switch without losing a delivery; a second rotation
   * within that window ends the oldest secret at once (only the current and the previous sign).
   */
  async rotateSecret(merchantId: string, id: string, actor: Actor): Promise<WebhookEndpointDto> {
    return this.db.transaction(async () => {
      const endpoint = await this.find(merchantId, id, true);
      const secret = newToken('whsec');
      const now = this.clock.now();
      const change = {
        secretEncrypted: this.encryption.encrypt(secret),
        previousSecretEncrypted: endpoint.secretEncrypted,
        previousSecretExpiresAt: new Date(now.getTime() + SECRET_OVERLAP_MS),
        updatedAt: now,
      };
      Object.assign(endpoint, change);
      await this.db.repo(WebhookEndpoint).update({ merchantId, id }, change);
      await this.audit.record({
        merchantId,
        actor,
        action: 'webhook_endpoint.secret_rotated',
        subjectId: id,
        after: { previousSecretExpiresAt: change.previousSecretExpiresAt.toISOString() },
      });
      return { ...toEndpointDto(endpoint), secret };
    });
  }

  /** The merchant's endpoint (not deleted), or 404, also for another merchant's id. */
  async find(merchantId: string, id: string, lock = false): Promise<WebhookEndpoint> {
    const endpoint = await this.db.repo(WebhookEndpoint).findOne({
      where: { merchantId, id, deletedAt: IsNull() },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!endpoint) throw notFound('webhook endpoint', id);
    return endpoint;
  }
}

/** Known types (by index, for the error's path), `["*"]` alone, duplicates dropped. */
export function normalizeEvents(events: string[]): string[] {
  if (!events.length)
    throw invalidParam('events', 'events must list at least one event type, or ["*"] for every event.');
  events.forEach((type, i) => {
    if (type !== ALL_EVENTS && !isKnownEventType(type)) {
      throw invalidParam(
        `events.${i}`,
        `Unknown event type '${type}'. Known types: ${KNOWN_EVENT_TYPES.join(', ')}, or "*".`,
      );
    }
  });
  if (events.includes(ALL_EVENTS) && events.length > 1)
    throw invalidParam('events', '"*" already means every event: send ["*"] alone.');
  return [...new Set(events)];
}
