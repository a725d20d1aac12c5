import { Module, type OnModuleInit } from '@nestjs/common';
import { WorkerService } from '../../platform/worker/worker.service.js';
import { ContactsModule } from '../contacts/contacts.module.js';
import { MerchantsModule } from '../merchants/merchants.module.js';
import { PaymentRequestsController } from './payment-requests.controller.js';
import { PaymentRequestsRepository } from './payment-requests.repository.js';
import { PaymentRequestsService } from './payment-requests.service.js';

/** Payment requests: what a contact is asked to pay (for an invoice or on its own), and their expiry. */
@Module({
  imports: [ContactsModule, MerchantsModule],
  controllers: [PaymentRequestsController],
  providers: [PaymentRequestsService, PaymentRequestsRepository],
  exports: [PaymentRequestsService],
})
export class PaymentRequestsModule implements OnModuleInit {
  constructor(
    private readonly worker: WorkerService,
    private readonly requests: PaymentRequestsService,
  ) {}

  onModuleInit(): void {
    this.worker.register({ name: 'payment-request-expiry', run: () => this.requests.expireDue() });
  }
}
