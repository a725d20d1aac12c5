import { Global, Module, type OnModuleInit } from '@nestjs/common';
import { IdempotencyService } from '../idempotency/idempotency.service.js';
import { WorkerService } from '../worker/worker.service.js';
import { OutboxService } from './outbox.service.js';

/** The outbox and the worker that drains it (plus housekeeping jobs). */
@Global()
@Module({
  providers: [OutboxService, WorkerService, IdempotencyService],
  exports: [OutboxService, WorkerService, IdempotencyService],
})
export class OutboxModule implements OnModuleInit {
  constructor(
    private readonly worker: WorkerService,
    private readonly outbox: OutboxService,
    private readonly idempotency: IdempotencyService,
  ) {}

  onModuleInit(): void {
    this.worker.register({ name: 'outbox', run: () => this.outbox.drain() });
    this.worker.register({ name: 'outbox-retention', run: () => this.outbox.purgeDelivered() });
    this.worker.register({ name: 'idempotency-keys', run: () => this.idempotency.purgeExpired() });
  }
}
