// The wallet's resources of the CustomerConnect API (shared/spec/api.md, "Widget side"),
// as the backend answers them under /v1/customer/* with a customer session.

/** One page of a list: `{ data, hasMore }`, newest first. */
export interface Page<T> {
  data: T[];
  hasMore: boolean;
}

export type InvoiceStatus = 'open' | 'partially_paid' | 'paid' | 'disputed' | 'void';

export interface WalletInvoice {
  id: string;
  number: string;
  /** Minor units of `currency`. */
  amount: number;
  /** What is left to pay, in minor units. */
  balance: number;
  currency: string;
  status: InvoiceStatus;
  /** Balance above zero and the due date passed. */
  overdue: boolean;
  issuedAt?: string;
  /** `YYYY-MM-DD` (UTC calendar date). */
  dueDate: string;
  description?: string | null;
}

export type PaymentMethodType = 'card' | 'ach';

export type PaymentRequestStatus =
  'pending_approval' | 'approved' | 'partially_paid' | 'paid' | 'declined' | 'cancelled' | 'expired';

/** The smallest payment one payment method may make on a request: its percentage and amount (minor units). */
export interface PaymentMinimum {
  percent: number;
  amount: number;
}

export interface WalletPaymentRequest {
  id: string;
  contactId?: string;
  invoiceId: string | null;
  amount: number;
  paidAmount: number;
  /** What is left to pay. */
  remaining: number;
  currency: string;
  status: PaymentRequestStatus;
  dueDate?: string | null;
  memo: string | null;
  minimums: Record<PaymentMethodType, PaymentMinimum>;
  createdAt?: string;
}

export interface WalletPayment {
  id: string;
  invoiceId: string | null;
  paymentRequestId: string | null;
  paymentMethodId: string;
  amount: number;
  refundedAmount?: number;
  currency: string;
  status: 'succeeded' | 'failed';
  /** `card_declined`, `insufficient_funds`, `account_closed`… for a failed payment. */
  failureCode: string | null;
  source?: 'customer' | 'automatic';
  createdAt: string;
}

export interface WalletPaymentMethod {
  id: string;
  type: PaymentMethodType;
  /** `visa`, `mastercard`, `amex`, `discover`, `card`, or `bank_account`. */
  brand: string;
  last4: string;
  expMonth: number | null;
  expYear: number | null;
  isDefault: boolean;
  createdAt?: string;
}

export interface WalletDispute {
  id: string;
  invoiceId: string;
  amount: number;
  currency?: string;
  explanation?: string;
  status: 'open' | 'resolved';
  /** How the merchant resolved it: `credit` (taken off the balance) or `reject`. */
  outcome: 'credit' | 'reject' | null;
  note?: string | null;
  resolvedAt?: string | null;
  createdAt?: string;
}

export interface WalletContact {
  id: string;
  companyName: string;
  email: string;
  name?: string | null;
  status: string;
}

export interface WalletTerms {
  netDays: number;
  creditLimit: number;
  currency: string;
}

export interface WalletMerchant {
  id: string;
  name: string;
  termsPolicy?: 'locked' | 'flexible';
  allowedNetDays?: number[];
  theme?: { primaryColor?: string; radius?: string; fontFamily?: string };
}

/** `GET /v1/customer/wallet`. */
export interface Wallet {
  contact: WalletContact;
  merchant: WalletMerchant;
  terms: WalletTerms | null;
  invoices: Page<WalletInvoice>;
  paymentRequests: Page<WalletPaymentRequest>;
  payments: Page<WalletPayment>;
  paymentMethods: Page<WalletPaymentMethod>;
  disputes: Page<WalletDispute>;
}

/** `POST /v1/customer/sessions` with a wallet link token. */
export interface LinkSessionAnswer {
  token: string;
  expiresAt: string;
  contact?: Pick<WalletContact, 'id' | 'email'> & Partial<WalletContact>;
  merchant?: { id: string; name: string };
}

/** `POST /v1/customer/payment-methods`. */
export type NewPaymentMethod =
  | { type: 'card'; card: { number: string; expMonth: number; expYear: number; cvc: string } }
  | { type: 'ach'; ach: { routingNumber: string; accountNumber: string; accountHolder: string } };
