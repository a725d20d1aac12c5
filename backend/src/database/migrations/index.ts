import { DistributionKeys1765070000000 } from './1765070000000-distribution-keys.js';
import { OverviewTotals1765070100000 } from './1765070100000-overview-totals.js';
import { Foundation1764100000000 } from './1764100000000-foundation.js';
import { CreditAndTerms1764200000000 } from './1764200000000-credit-and-terms.js';
import { InvoicesAndPayments1764300000000 } from './1764300000000-invoices-and-payments.js';
import { Recurring1764500000000 } from './1764500000000-recurring.js';
import { DisputesAndWalletLinks1764600000000 } from './1764600000000-disputes-and-wallet-links.js';
import { CreditDecisionsAwaitOwner1765030000000 } from './1765030000000-credit-decisions-await-owner.js';
import { OutboxRetention1765010000000 } from './1765010000000-outbox-retention.js';
import { LoginFailures1765020000000 } from './1765020000000-login-failures.js';
import { RecurringInvoiceNumbers1764800000000 } from './1764800000000-recurring-invoice-numbers.js';
import { SdkReleases1765040000000 } from './1765040000000-sdk-releases.js';
import { RequestExpiryAndDisputeLookups1764700000000 } from './1764700000000-request-expiry-and-dispute-lookups.js';
import { MetadataAndWebhookRotation1765050000000 } from './1765050000000-metadata-and-webhook-rotation.js';
import { ChargeAttempts1765090000000 } from './1765090000000-charge-attempts.js';
import { PaymentStatements1765200000000 } from './1765200000000-payment-statements.js';
import { Webhooks1764400000000 } from './1764400000000-webhooks.js';

/** Every migration, in order (listed as classes so Jest's ESM mode and the build see the same set). */
export const migrations = [
  Foundation1764100000000,
  CreditAndTerms1764200000000,
  InvoicesAndPayments1764300000000,
  Webhooks1764400000000,
  Recurring1764500000000,
  DisputesAndWalletLinks1764600000000,
  RequestExpiryAndDisputeLookups1764700000000,
  RecurringInvoiceNumbers1764800000000,
  CreditDecisionsAwaitOwner1765030000000,
  SdkReleases1765040000000,
  MetadataAndWebhookRotation1765050000000,
  OutboxRetention1765010000000,
  DistributionKeys1765070000000,
  OverviewTotals1765070100000,
  LoginFailures1765020000000,
  ChargeAttempts1765090000000,
  PaymentStatements1765200000000,
];
