import { Injectable } from '@nestjs/common';
import type { CustomerAuth } from '../../platform/http/auth/auth-context.js';
import { ContactsService } from '../contacts/contacts.service.js';
import { mapPage } from '../../platform/pagination/pagination.js';
import { toContactDto, toCustomerContactDto } from '../contacts/dto/contact.dto.js';
import { DisputesService } from '../disputes/disputes.service.js';
import { toCustomerInvoiceDto } from '../invoices/dto/invoice.dto.js';
import { InvoicesService } from '../invoices/invoices.service.js';
import { MerchantsService } from '../merchants/merchants.service.js';
import { PaymentMethodsService } from '../payments/payment-methods/payment-methods.service.js';
import { toCustomerPaymentRequestDto } from '../payment-requests/dto/payment-request.dto.js';
import { PaymentRequestsService } from '../payment-requests/payment-requests.service.js';
import { PaymentsService } from '../payments/payments.service.js';

const PAGE = { limit: 50 };

/** One read for the wallet widget, built from each module's own service. */
@Injectable()
export class WalletService {
  constructor(
    private readonly contacts: ContactsService,
    private readonly merchants: MerchantsService,
    private readonly invoices: InvoicesService,
    private readonly requests: PaymentRequestsService,
    private readonly payments: PaymentsService,
    private readonly methods: PaymentMethodsService,
    private readonly disputes: DisputesService,
  ) {}

  /** Every object in it is a customer shape (the `toCustomer…Dto` mappers): no merchant `metadata`. */
  async get(auth: CustomerAuth) {
    const { merchantId, contactId } = auth;
    const contact = toCustomerContactDto(toContactDto(await this.contacts.find(merchantId, contactId)));
    const merchant = await this.merchants.getCached(merchantId);
    const s = merchant.settings;
    return {
      contact,
      merchant: {
        id: merchant.id,
        name: merchant.name,
        termsPolicy: s.termsPolicy,
        allowedNetDays: s.allowedNetDays,
        partialPayments: s.partialPayments,
        theme: s.theme,
      },
      terms: contact.terms,
      invoices: mapPage(await this.invoices.list(merchantId, { ...PAGE, contactId }), toCustomerInvoiceDto),
      paymentRequests: mapPage(await this.requests.list(merchantId, PAGE, contactId), toCustomerPaymentRequestDto),
      payments: await this.payments.list(merchantId, PAGE, contactId),
      paymentMethods: { data: await this.methods.list(merchantId, contactId), hasMore: false },
      disputes: await this.disputes.list(merchantId, PAGE, contactId),
    };
  }
}
