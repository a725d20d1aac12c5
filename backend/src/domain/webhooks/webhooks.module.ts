import { Module, type OnModuleInit } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import { WorkerService } from '../../platform/worker/worker.service.js';
import { EventLogService } from './event-log.service.js';
import { EventsController } from './events.controller.js';
import { WebhookUrlPolicy } from './url-policy.js';
import { WebhookDeliveryLogService } from './webhook-delivery-log.service.js';
import { WebhookDeliveryService } from './webhook-delivery.service.js';
import { WebhookMetrics } from './webhook-metrics.js';
import { WebhookEndpointsController } from './webhook-endpoints.controller.js';
import { WebhookEndpointsService } from './webhook-endpoints.service.js';
import { WebhookTestService } from './webhook-test.service.js';
import { WebhookFanOutService } from './webhook-fan-out.service.js';

/** Webhook endpoints, the event log behind them, and the two worker jobs: fan-out, then delivery. */
@Module({
  controllers: [WebhookEndpointsController, EventsController],
  providers: [
    WebhookEndpointsService,
    WebhookDeliveryLogService,
    WebhookFanOutService,
    WebhookDeliveryService,
    WebhookMetrics,
    WebhookTestService,
    EventLogService,
    {
      provide: WebhookUrlPolicy,
      inject: [AppConfig],
      useFactory: (c: AppConfig) => new WebhookUrlPolicy(c.isProduction, undefined, c.CC_WEBHOOKS_ALLOW_PRIVATE),
    },
  ],
})
export class WebhooksModule implements OnModuleInit {
  constructor(
    private readonly worker: WorkerService,
    private readonly fanOut: WebhookFanOutService,
    private readonly delivery: WebhookDeliveryService,
  ) {}

  onModuleInit(): void {
    this.worker.register({ name: 'webhook-fan-out', run: () => this.fanOut.run() });
    this.worker.register({ name: 'webhook-delivery', run: () => this.delivery.run() });
  }
}
