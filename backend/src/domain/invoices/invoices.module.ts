import { Module } from '@nestjs/common';
import { ContactsModule } from '../contacts/contacts.module.js';
import { refuseUnknownField } from '../../platform/validation/unknown-fields.js';
import { MerchantsModule } from '../merchants/merchants.module.js';
import { PaymentRequestsModule } from '../payment-requests/payment-requests.module.js';
import { EARLY_PAYMENT_DISCOUNT } from './early-payment-discount.js';
import { InvoiceImportService } from './invoice-import.service.js';
import { InvoicesController } from './invoices.controller.js';
import { InvoicesRepository } from './invoices.repository.js';
import { InvoicesService } from './invoices.service.js';

/** Invoices (and credit notes, and the CSV import); issuing one opens its payment request. */
@Module({
  imports: [ContactsModule, MerchantsModule, PaymentRequestsModule],
  controllers: [InvoicesController],
  providers: [InvoicesService, InvoicesRepository, InvoiceImportService],
  exports: [InvoicesService],
})
export class InvoicesModule {
  constructor() {
    refuseUnknownField(EARLY_PAYMENT_DISCOUNT); // the pipe, body-less routes and merchant settings all answer it
  }
}
