import { ApiKey } from '../modules/api-keys/api-key.entity.js';
import { AuditEntry } from '../modules/audit/audit-entry.entity.js';
import { PasswordReset } from '../modules/auth/password-reset.entity.js';
import { Session } from '../modules/auth/session.entity.js';
import { Contact } from '../modules/contacts/contact.entity.js';
import { CreditApplication } from '../modules/credit/credit-application.entity.js';
import { DomainEvent } from '../modules/events/event.entity.js';
import { IdempotencyKey } from '../modules/idempotency/idempotency-key.entity.js';
import { Merchant } from '../modules/merchants/merchant.entity.js';
import { OutboxMessage } from '../modules/outbox/outbox-message.entity.js';
import { RecurringOccurrence } from '../modules/recurring/recurring-occurrence.entity.js';
import { RecurringSchedule } from '../modules/recurring/recurring-schedule.entity.js';
import { UnderwritingPolicy } from '../modules/platform/underwriting-policy.entity.js';
import { Contract } from '../modules/terms/contract.entity.js';
import { Dispute } from '../modules/disputes/dispute.entity.js';
import { WalletLink } from '../modules/wallet-links/wallet-link.entity.js';
import { Invoice } from '../modules/invoices/invoice.entity.js';
import { InvoiceCredit } from '../modules/invoices/invoice-credit.entity.js';
import { PaymentMethod } from '../modules/payment-methods/payment-method.entity.js';
import { PaymentRequest } from '../modules/payment-requests/payment-request.entity.js';
import { Payment } from '../modules/payments/payment.entity.js';
import { Refund } from '../modules/payments/refund.entity.js';
import { TermsOffer } from '../modules/terms/terms-offer.entity.js';
import { User } from '../modules/users/user.entity.js';
import { WebhookDelivery } from '../modules/webhooks/webhook-delivery.entity.js';
import { WebhookEndpoint } from '../modules/webhooks/webhook-endpoint.entity.js';

export const entities = [
  Merchant,
  User,
  ApiKey,
  Session,
  PasswordReset,
  Contact,
  IdempotencyKey,
  DomainEvent,
  AuditEntry,
  OutboxMessage,
  UnderwritingPolicy,
  CreditApplication,
  TermsOffer,
  Contract,
  Invoice,
  InvoiceCredit,
  PaymentMethod,
  PaymentRequest,
  Payment,
  Refund,
  Dispute,
  WalletLink,
  RecurringSchedule,
  RecurringOccurrence,
  WebhookEndpoint,
  WebhookDelivery,
];
