import { Module, type OnModuleInit } from '@nestjs/common';
import { InvoicesModule } from '../invoices/invoices.module.js';
import { PaymentRequestsModule } from '../payment-requests/payment-requests.module.js';
import { ContactsModule } from '../contacts/contacts.module.js';
import { MerchantsModule } from '../merchants/merchants.module.js';
import { WorkerService } from '../../platform/worker/worker.service.js';
import { RecurringGenerator } from './recurring-generator.service.js';
import { RecurringSchedulesController } from './recurring-schedules.controller.js';
import { RecurringSchedulesRepository } from './recurring-schedules.repository.js';
import { RecurringSchedulesService } from './recurring-schedules.service.js';

/** Recurring schedules (routes) and the worker job that makes their periods. Depends on billing, never the reverse. */
@Module({
  imports: [InvoicesModule, PaymentRequestsModule, ContactsModule, MerchantsModule],
  controllers: [RecurringSchedulesController],
  providers: [RecurringSchedulesService, RecurringSchedulesRepository, RecurringGenerator],
  exports: [RecurringSchedulesService],
})
export class RecurringModule implements OnModuleInit {
  constructor(
    private readonly worker: WorkerService,
    private readonly generator: RecurringGenerator,
  ) {}

  onModuleInit(): void {
    this.worker.register({ name: 'recurring', run: () => this.generator.run() });
  }
}
