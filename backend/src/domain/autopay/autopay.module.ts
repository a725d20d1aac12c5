import { Module, type OnModuleInit } from '@nestjs/common';
import { PaymentsModule } from '../payments/payments.module.js';
import { ContactsModule } from '../contacts/contacts.module.js';
import { MerchantsModule } from '../merchants/merchants.module.js';
import { WorkerService } from '../../platform/worker/worker.service.js';
import { AutopayService } from './autopay.service.js';

/** Automated payments of authorized contacts' invoices: a worker job, no routes (the state shows on the invoice). */
@Module({
  imports: [PaymentsModule, ContactsModule, MerchantsModule],
  providers: [AutopayService],
  exports: [AutopayService],
})
export class AutopayModule implements OnModuleInit {
  constructor(
    private readonly worker: WorkerService,
    private readonly autopay: AutopayService,
  ) {}

  onModuleInit(): void {
    this.worker.register({ name: 'autopay', run: () => this.autopay.run() });
  }
}
