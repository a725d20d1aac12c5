import type { Type } from '@nestjs/common';
import { getSchemaPath, type SchemaObject } from '@nestjs/swagger';
import { pageOf } from '../../platform/http/api-responses.js';
import { ContactTermsDto, CustomerContactDto } from '../contacts/dto/contact.dto.js';
import { DisputeDto } from '../disputes/dto/dispute.dto.js';
import { CustomerInvoiceDto } from '../invoices/dto/invoice.dto.js';
import { PaymentMethodDto } from '../payments/payment-methods/dto/payment-method.dto.js';
import { CustomerPaymentRequestDto } from '../payment-requests/dto/payment-request.dto.js';
import { PaymentDto } from '../payments/dto/payment.dto.js';

/** The models the wallet answer nests: the customer shapes, never the merchant ones (no `metadata`). */
export const WALLET_MODELS: Type<unknown>[] = [
  CustomerContactDto,
  ContactTermsDto,
  CustomerInvoiceDto,
  CustomerPaymentRequestDto,
  PaymentDto,
  PaymentMethodDto,
  DisputeDto,
];

const ref = (model: Type<unknown>) => ({ $ref: getSchemaPath(model) });

/** `GET /v1/customer/wallet`: one read of everything the wallet shows, each list a page, newest first. */
export const WALLET_ANSWER: SchemaObject = {
  type: 'object',
  required: ['contact', 'merchant', 'terms', 'invoices', 'paymentRequests', 'payments', 'paymentMethods', 'disputes'],
  properties: {
    contact: ref(CustomerContactDto),
    merchant: {
      type: 'object',
      required: ['id', 'name', 'termsPolicy', 'allowedNetDays', 'partialPayments', 'theme'],
      properties: {
        id: { type: 'string' },
        name: { type: 'string' },
        termsPolicy: { type: 'string' },
        allowedNetDays: { type: 'array', items: { type: 'integer' } },
        partialPayments: { type: 'object', additionalProperties: true },
        theme: { type: 'object', additionalProperties: { type: 'string' } },
      },
    },
    terms: { oneOf: [ref(ContactTermsDto), { type: 'null' }], description: 'The signed terms in force.' },
    invoices: pageOf(ref(CustomerInvoiceDto)),
    paymentRequests: pageOf(ref(CustomerPaymentRequestDto)),
    payments: pageOf(ref(PaymentDto)),
    paymentMethods: pageOf(ref(PaymentMethodDto)),
    disputes: pageOf(ref(DisputeDto)),
  },
};
