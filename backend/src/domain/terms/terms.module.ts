import { Module, type OnModuleInit } from '@nestjs/common';
import { PaymentsModule } from '../payments/payments.module.js';
import { ContactsModule } from '../contacts/contacts.module.js';
import { MerchantsModule } from '../merchants/merchants.module.js';
import { WorkerService } from '../../platform/worker/worker.service.js';
import { CustomerTermsController } from './customer-terms.controller.js';
import { TermsController } from './terms.controller.js';
import { TermsService } from './terms.service.js';

@Module({
  imports: [ContactsModule, MerchantsModule, PaymentsModule],
  controllers: [TermsController, CustomerTermsController],
  providers: [TermsService],
  exports: [TermsService],
})
export class TermsModule implements OnModuleInit {
  constructor(
    private readonly worker: WorkerService,
    private readonly terms: TermsService,
  ) {}

  onModuleInit(): void {
    this.worker.register({ name: 'terms-offer-expiry', run: () => this.terms.expireDue() });
  }
}
