import { Module, type OnModuleInit } from '@nestjs/common';
import { WorkerService } from '../../platform/worker/worker.service.js';
import { InvoicesModule } from '../invoices/invoices.module.js';
import { PaymentRequestsModule } from '../payment-requests/payment-requests.module.js';
import { ChargeAttempts } from './charge-attempts.js';
import { CustomerBillingController } from './customer-billing.controller.js';
import { PaymentMethodsService } from './payment-methods/payment-methods.service.js';
import { PAYMENT_PROCESSOR } from './processor/payment-processor.js';
import { SimulatedProcessor } from './processor/simulated-processor.js';
import { PaymentsController } from './payments.controller.js';
import { PaymentsRepository } from './payments.repository.js';
import { PaymentsService } from './payments.service.js';

/**
 * Payments, refunds, payment methods and the processor. A payment settles an invoice and its payment
 * request in one transaction, so this module stands on both (and re-exports them for its users).
 */
@Module({
  imports: [InvoicesModule, PaymentRequestsModule],
  controllers: [PaymentsController, CustomerBillingController],
  providers: [
    PaymentsService,
    ChargeAttempts,
    PaymentsRepository,
    PaymentMethodsService,
    { provide: PAYMENT_PROCESSOR, useClass: SimulatedProcessor },
  ],
  exports: [PaymentsService, PaymentMethodsService, InvoicesModule, PaymentRequestsModule],
})
export class PaymentsModule implements OnModuleInit {
  constructor(
    private readonly worker: WorkerService,
    private readonly attempts: ChargeAttempts,
  ) {}

  /** Attempts left `processing` by a crash or a lost answer are settled with the processor, by key. */
  onModuleInit(): void {
    this.worker.register({ name: 'payment-settlement', run: () => this.attempts.settleStale() });
  }
}
