import { ApiKey } from '../domain/api-keys/api-key.entity.js';
import { AuditEntry } from '../domain/audit/audit-entry.entity.js';
import { PasswordReset } from '../domain/auth/password-reset.entity.js';
import { Session } from '../domain/users/session.entity.js';
import { Contact } from '../domain/contacts/contact.entity.js';
import { CreditApplication } from '../domain/credit/credit-application.entity.js';
import { DomainEvent } from '../platform/events/event.entity.js';
import { IdempotencyKey } from '../platform/idempotency/idempotency-key.entity.js';
import { Merchant } from '../domain/merchants/merchant.entity.js';
import { OutboxMessage } from '../platform/outbox/outbox-message.entity.js';
import { RecurringOccurrence } from '../domain/recurring/recurring-occurrence.entity.js';
import { RecurringSchedule } from '../domain/recurring/recurring-schedule.entity.js';
import { UnderwritingPolicy } from '../domain/platform-policy/underwriting-policy.entity.js';
import { Contract } from '../domain/terms/contract.entity.js';
import { Dispute } from '../domain/disputes/dispute.entity.js';
import { WalletLink } from '../domain/wallet/wallet-link.entity.js';
import { Invoice } from '../domain/invoices/invoice.entity.js';
import { InvoiceCredit } from '../domain/invoices/invoice-credit.entity.js';
import { PaymentMethod } from '../domain/payments/payment-methods/payment-method.entity.js';
import { PaymentRequest } from '../domain/payment-requests/payment-request.entity.js';
import { Payment } from '../domain/payments/payment.entity.js';
import { Refund } from '../domain/payments/refund.entity.js';
import { TermsOffer } from '../domain/terms/terms-offer.entity.js';
import { User } from '../domain/users/user.entity.js';
import { WebhookDelivery } from '../domain/webhooks/webhook-delivery.entity.js';
import { WebhookEndpoint } from '../domain/webhooks/webhook-endpoint.entity.js';

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
