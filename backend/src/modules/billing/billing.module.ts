import { Module, type OnModuleInit } from '@nestjs/common';
import { ContactsModule } from '../contacts/contacts.module.js';
import { InvoicesController } from '../invoices/invoices.controller.js';
import { InvoiceImportService } from '../invoices/invoice-import.service.js';
import { InvoicesService } from '../invoices/invoices.service.js';
import { MerchantsModule } from '../merchants/merchants.module.js';
import { PaymentMethodsService } from '../payment-methods/payment-methods.service.js';
import { PaymentRequestsController } from '../payment-requests/payment-requests.controller.js';
import { PaymentRequestsService } from '../payment-requests/payment-requests.service.js';
import { ChargeAttempts } from '../payments/charge-attempts.js';
import { PaymentsRepository } from '../payments/payments.repository.js';
import { CustomerBillingController } from '../payments/customer-billing.controller.js';
import { PaymentsController } from '../payments/payments.controller.js';
import { PaymentsService } from '../payments/payments.service.js';
import { PAYMENT_PROCESSOR } from '../processor/payment-processor.js';
import { SimulatedProcessor } from '../processor/simulated-processor.js';
import { WorkerService } from '../worker/worker.service.js';

/**
 * Money: invoices ◄── payment requests ◄── payments (+ payment methods and the processor).
 * One module because they move together in one transaction; each keeps its own folder and service.
 */
@Module({
  imports: [ContactsModule, MerchantsModule],
  controllers: [InvoicesController, PaymentRequestsController, PaymentsController, CustomerBillingController],
  providers: [
    InvoicesService,
    InvoiceImportService,
    PaymentRequestsService,
    PaymentsService,
    ChargeAttempts,
    PaymentsRepository,
    PaymentMethodsService,
    { provide: PAYMENT_PROCESSOR, useClass: SimulatedProcessor },
  ],
  exports: [InvoicesService, PaymentRequestsService, PaymentsService, PaymentMethodsService],
})
export class BillingModule implements OnModuleInit {
  constructor(
    private readonly worker: WorkerService,
    private readonly requests: PaymentRequestsService,
    private readonly attempts: ChargeAttempts,
  ) {}

  onModuleInit(): void {
    this.worker.register({ name: 'payment-request-expiry', run: () => this.requests.expireDue() });
    this.worker.register({ name: 'payment-settlement', run: () => this.attempts.settleStale() });
  }
}
