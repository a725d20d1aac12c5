import { Injectable } from '@nestjs/common';
import type { Actor } from '../../platform/http/auth/auth-context.js';
import { Clock } from '../../platform/clock/clock.js';
import { Db } from '../../platform/database/db.js';
import { newId } from '../../platform/ids/ids.js';
import { AuditService } from '../audit/audit.service.js';
import { DomainEvent } from '../../platform/events/event.entity.js';
import { toDeliveryDto, type WebhookDeliveryDto } from './dto/webhook-delivery.dto.js';
import { PING_EVENT } from './event-types.js';
import { WebhookDelivery } from './webhook-delivery.entity.js';
import { LEASE_MS, WebhookDeliveryService, type Claimed } from './webhook-delivery.service.js';
import { WebhookEndpointsService } from './webhook-endpoints.service.js';

/** A test event waits this long for the receiver (the request waits with it). */
export const TEST_TIMEOUT_MS = 5_000;

/**
 * `POST /v1/webhook-endpoints/:id/test`: a `ping` event (`{ endpointId }`) for that endpoint
 * only, signed and sent at once like any delivery and logged with it. The ping and its delivery
 * are committed first (so the log has it whatever happens), then sent with no transaction open;
 * the answer is the logged delivery with its outcome. A failed ping is not retried by itself.
 */
@Injectable()
export class WebhookTestService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly endpoints: WebhookEndpointsService,
    private readonly delivery: WebhookDeliveryService,
  ) {}

  async send(merchantId: string, endpointId: string, actor: Actor): Promise<WebhookDeliveryDto> {
    const claimed = await this.db.transaction(async (): Promise<Claimed> => {
      const endpoint = await this.endpoints.find(merchantId, endpointId);
      const now = this.clock.now();
      const event: DomainEvent = {
        merchantId,
        id: newId('evt'),
        type: PING_EVENT,
        subjectId: endpointId,
        data: { endpointId },
        createdAt: now,
      };
      await this.db.repo(DomainEvent).insert(event);
      const delivery: WebhookDelivery = {
        merchantId,
        id: newId('wd'),
        endpointId,
        eventId: event.id,
        eventType: PING_EVENT,
        status: 'pending',
        attempts: 1, // claimed by this request: the worker leaves it alone during the lease
        nextAttemptAt: new Date(now.getTime() + LEASE_MS),
        lastStatusCode: null,
        lastError: null,
        lastResponseSnippet: null,
        history: [],
        createdAt: now,
        deliveredAt: null,
      };
      await this.db.repo(WebhookDelivery).insert(delivery);
      await this.audit.record({
        merchantId,
        actor,
        action: 'webhook_endpoint.test_sent',
        subjectId: endpointId,
        after: { deliveryId: delivery.id },
      });
      return {
        merchantId,
        id: delivery.id,
        attempts: 1,
        history: [],
        url: endpoint.url,
        secretEncrypted: endpoint.secretEncrypted,
        previousSecretEncrypted: endpoint.previousSecretEncrypted,
        previousSecretExpiresAt: endpoint.previousSecretExpiresAt,
        event: { id: event.id, type: event.type, createdAt: now, data: event.data },
      };
    });
    await this.delivery.attempt(claimed, { timeoutMs: TEST_TIMEOUT_MS, retry: false });
    const logged = await this.db.repo(WebhookDelivery).findOneByOrFail({ merchantId, id: claimed.id });
    return toDeliveryDto(logged);
  }
}
