import { Injectable } from '@nestjs/common';
import type { Actor } from '../../platform/http/auth/auth-context.js';
import { Clock } from '../../platform/clock/clock.js';
import { Db } from '../../platform/database/db.js';
import { notFound } from '../../platform/errors/errors.js';
import { mapPage, paginate } from '../../platform/pagination/pagination.js';
import { AuditService } from '../audit/audit.service.js';
import { toDeliveryDto, type ListDeliveriesQuery, type WebhookDeliveryDto } from './dto/webhook-delivery.dto.js';
import { WebhookDelivery } from './webhook-delivery.entity.js';
import { WebhookEndpointsService } from './webhook-endpoints.service.js';

/** The delivery log of an endpoint, and manual redelivery. */
@Injectable()
export class WebhookDeliveryLogService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly endpoints: WebhookEndpointsService,
  ) {}

  async list(merchantId: string, endpointId: string, query: ListDeliveriesQuery) {
    await this.endpoints.find(merchantId, endpointId);
    const qb = this.db
      .repo(WebhookDelivery)
      .createQueryBuilder('d')
      .where('d.merchantId = :merchantId AND d.endpointId = :endpointId', { merchantId, endpointId });
    if (query.status) qb.andWhere('d.status = :status', { status: query.status });
    return mapPage(await paginate(qb, query), toDeliveryDto);
  }

  /**
   * Sends the event again on the worker's next pass, whatever the delivery's status. Automatic
   * retries after a failed manual attempt still end 24 h after the event.
   */
  async retry(merchantId: string, endpointId: string, deliveryId: string, actor: Actor): Promise<WebhookDeliveryDto> {
    return this.db.transaction(async () => {
      await this.endpoints.find(merchantId, endpointId);
      const repo = this.db.repo(WebhookDelivery);
      const delivery = await repo.findOne({
        where: { merchantId, endpointId, id: deliveryId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!delivery) throw notFound('webhook delivery', deliveryId);
      const before = delivery.status;
      Object.assign(delivery, { status: 'pending', nextAttemptAt: this.clock.now() });
      await repo.update({ merchantId, id: deliveryId }, { status: 'pending', nextAttemptAt: delivery.nextAttemptAt });
      await this.audit.record({
        merchantId,
        actor,
        action: 'webhook_delivery.retried',
        subjectId: deliveryId,
        before: { status: before },
        after: { status: 'pending' },
      });
      return toDeliveryDto(delivery);
    });
  }
}
