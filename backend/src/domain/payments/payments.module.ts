import { Module } from '@nestjs/common';
import { InvoicesModule } from '../invoices/invoices.module.js';
import { PaymentRequestsModule } from '../payment-requests/payment-requests.module.js';
import { CustomerBillingController } from './customer-billing.controller.js';
import { PaymentMethodsService } from './payment-methods/payment-methods.service.js';
import { PAYMENT_PROCESSOR } from './processor/payment-processor.js';
import { SimulatedProcessor } from './processor/simulated-processor.js';
import { PaymentsController } from './payments.controller.js';
import { PaymentsService } from './payments.service.js';

/**
 * Payments, refunds, payment methods and the processor. A payment settles an invoice and its payment
 * request in one transaction, so this module stands on both (and re-exports them for its users).
 */
@Module({
  imports: [InvoicesModule, PaymentRequestsModule],
  controllers: [PaymentsController, CustomerBillingController],
  providers: [PaymentsService, PaymentMethodsService, { provide: PAYMENT_PROCESSOR, useClass: SimulatedProcessor }],
  exports: [PaymentsService, PaymentMethodsService, InvoicesModule, PaymentRequestsModule],
})
export class PaymentsModule {}
