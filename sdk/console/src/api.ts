import { ApiClient, type RequestOptions } from '@customerconnect/sdk';
import { CcApiError } from '@customerconnect/sdk';

/** The merchant side of the API as the console reads it (shapes of the backend's DTOs). */

export type Role = 'admin' | 'member';

export interface ConsoleUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  merchantId: string;
  createdAt: string;
}

export interface LoginAnswer {
  token: string;
  user: ConsoleUser;
  expiresAt: string;
}

export type TermsPolicy = 'locked' | 'flexible';
export type PaymentMethodType = 'card' | 'ach';

export interface MerchantSettings {
  termsPolicy: TermsPolicy;
  defaultTerms: { netDays: number; creditLimit: number; currency: string };
  allowedNetDays: number[];
  partialPayments: { defaultMinimumPercent: number | null; byMethod: Partial<Record<PaymentMethodType, number>> };
  creditAppModes: string[];
  allowedOrigins: string[];
  walletUrl: string | null;
  notificationEmail: string;
  theme: { primaryColor?: string; radius?: string; fontFamily?: string };
}

export interface Merchant {
  id: string;
  name: string;
  settings: MerchantSettings;
  createdAt: string;
}

export interface Page<T> {
  data: T[];
  hasMore: boolean;
}

export type ContactStatus = 'prospect' | 'verified' | 'authorized' | 'credit_declined';

export interface Contact {
  id: string;
  companyName: string;
  email: string;
  name: string | null;
  status: ContactStatus;
  terms: { contractId: string; netDays: number; creditLimit: number; currency: string } | null;
  createdAt: string;
  updatedAt: string;
}

export interface CreditApplication {
  id: string;
  status: 'pending' | 'approved' | 'declined';
  mode: string;
  score: number | null;
  reasons: { code: string; description: string }[];
  contactId: string;
  policyVersion: number | null;
  modelVersion: string | null;
  decidedAt: string | null;
  createdAt: string;
}

export interface TermsOffer {
  id: string;
  contactId: string;
  netDays: number;
  creditLimit: number;
  currency: string;
  status: 'offered' | 'accepted' | 'declined' | 'withdrawn' | 'expired';
  expiresAt: string;
  acceptedNetDays: number | null;
  createdAt: string;
}

export type InvoiceStatus = 'open' | 'partially_paid' | 'paid' | 'disputed' | 'void';

export interface LineItem {
  description: string;
  quantity: number;
  unitAmount: number;
}

export interface Invoice {
  id: string;
  number: string;
  contactId: string;
  amount: number;
  balance: number;
  currency: string;
  status: InvoiceStatus;
  overdue: boolean;
  issuedAt: string;
  dueDate: string;
  description: string | null;
  lineItems: LineItem[];
  paidAmount: number;
  refundedAmount: number;
  creditedAmount: number;
  /** Automated payment (an authorized contact's invoice); null when it is not charged automatically. */
  autopay: { status: string; attempts: number; nextAttemptAt: string | null } | null;
  createdAt: string;
}

export interface NewInvoice {
  contactId: string;
  number: string;
  amount?: number;
  currency: string;
  issuedAt?: string;
  dueDate?: string;
  description?: string;
  lineItems?: LineItem[];
}

export type PaymentRequestStatus =
  'pending_approval' | 'approved' | 'partially_paid' | 'paid' | 'declined' | 'cancelled' | 'expired';

export interface PaymentRequest {
  id: string;
  contactId: string;
  invoiceId: string | null;
  amount: number;
  paidAmount: number;
  remaining: number;
  currency: string;
  status: PaymentRequestStatus;
  dueDate: string | null;
  memo: string | null;
  minimumPercent: number | null;
  minimums: Record<PaymentMethodType, { percent: number; amount: number }>;
  createdAt: string;
}

export interface Payment {
  id: string;
  contactId: string;
  invoiceId: string | null;
  paymentRequestId: string | null;
  amount: number;
  refundedAmount: number;
  currency: string;
  status: 'succeeded' | 'failed';
  failureCode: string | null;
  source: string;
  createdAt: string;
}

export interface Dispute {
  id: string;
  invoiceId: string;
  contactId: string;
  amount: number;
  currency: string;
  explanation: string;
  status: 'open' | 'resolved';
  outcome: 'credit' | 'reject' | null;
  note: string | null;
  resolvedAt: string | null;
  createdAt: string;
}

export interface Overview {
  currencies: { currency: string; openBalance: number; overdueAmount: number; paymentsThisMonth: number }[];
  openDisputes: number;
  asOf: string;
}

export interface ApiKey {
  id: string;
  kind: 'secret' | 'publishable';
  role: Role;
  last4: string;
  publishableKey?: string;
  secret?: string;
  createdAt: string;
  revokedAt: string | null;
}

export interface RecurringSchedule {
  id: string;
  contactId: string;
  kind: 'invoice' | 'payment_request';
  amount: number;
  currency: string;
  interval: 'week' | 'month' | 'quarter' | 'year';
  intervalCount: number;
  startDate: string;
  endDate: string | null;
  occurrences: number | null;
  description: string | null;
  invoiceNumberPrefix: string | null;
  status: 'active' | 'paused' | 'cancelled' | 'completed';
  nextRunDate: string | null;
  createdAt: string;
}

export interface RecurringPeriod {
  index: number;
  date: string;
  status: 'generated' | 'failed';
  invoiceId: string | null;
  paymentRequestId: string | null;
  errorCode: string | null;
  createdAt: string;
}

export interface RecurringScheduleDetail extends RecurringSchedule {
  periods: RecurringPeriod[];
}

export interface WebhookEndpoint {
  id: string;
  url: string;
  events: string[];
  status: 'active' | 'disabled';
  secret?: string;
  createdAt: string;
}

export interface WebhookDelivery {
  id: string;
  eventType: string;
  status: 'pending' | 'succeeded' | 'failed';
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
  /** Every attempt, oldest first: status code (null: no answer), duration in ms. */
  history?: { statusCode: number | null; error: string | null; durationMs: number }[];
}

export interface ImportRow {
  row: number;
  number?: string;
  status: 'ok' | 'error';
  invoiceId?: string;
  error?: { code: string; message: string; param?: string };
}

export interface ImportAnswer {
  dryRun: boolean;
  valid: boolean;
  imported: number;
  summary: { total: number; ok: number; errors: number };
  rows: ImportRow[];
}

export interface SdkManifest {
  script: string;
  hashedPath?: string;
  integrity?: string;
  /** The release this backend serves (`/sdk/<version>/cc-sdk.js`). */
  version?: string;
  /** `/sdk/v1/cc-sdk.js`: the newest 1.x, what the snippet uses by default. */
  evergreen?: string;
  /** `/sdk/<version>/cc-sdk.js`: this release, byte for byte, for pinning with `integrity`. */
  pinned?: string;
}

/** A 401 that means the dashboard session is over. */
export const isSessionEnd = (error: unknown): boolean =>
  error instanceof CcApiError &&
  error.status === 401 &&
  ['session_expired', 'invalid_credentials', 'authentication_required'].includes(error.code);

/** Turns anything thrown into a typed API error (a bug or a lost connection reads as network_error). */
export const asApiError = (error: unknown): CcApiError =>
  error instanceof CcApiError ? error : CcApiError.network(error);

type Query = RequestOptions['query'];

/**
 * The console's API client: a dashboard session (`ms_…`, held in memory only) sent as
 * `Authorization: Bearer`. A 401 that ends the session calls `onSessionEnd` once, then
 * rejects as usual.
 */
export class ConsoleApi {
  readonly client: ApiClient;
  readonly apiBase: string;
  #ended = false;

  constructor(
    apiBase: string,
    token: string,
    private readonly onSessionEnd: (error: CcApiError) => void,
  ) {
    this.apiBase = apiBase;
    this.client = new ApiClient({ apiBase, sessionToken: token });
  }

  /** Email + password → a session; no credential is sent. */
  static login(apiBase: string, email: string, password: string, idempotencyKey?: string): Promise<LoginAnswer> {
    return new ApiClient({ apiBase }).post<LoginAnswer>(
      '/v1/auth/login',
      { email, password },
      idempotencyKey ? { idempotencyKey } : {},
    );
  }

  static requestPasswordReset(apiBase: string, email: string): Promise<unknown> {
    return new ApiClient({ apiBase }).post('/v1/auth/password-reset', { email });
  }

  static confirmPasswordReset(apiBase: string, token: string, password: string): Promise<unknown> {
    return new ApiClient({ apiBase }).post('/v1/auth/password-reset/confirm', { token, password });
  }

  static signUp(
    apiBase: string,
    body: { name: string; adminEmail: string; adminPassword: string },
  ): Promise<{ secretKey?: string; publishableKey: string }> {
    return new ApiClient({ apiBase }).post('/v1/merchants', body);
  }

  get<T>(path: string, query?: Query, signal?: AbortSignal): Promise<T> {
    return this.#watch(this.client.get<T>(path, { ...(query ? { query } : {}), ...(signal ? { signal } : {}) }));
  }

  post<T>(path: string, body?: unknown, idempotencyKey?: string): Promise<T> {
    return this.#watch(this.client.post<T>(path, body, idempotencyKey ? { idempotencyKey } : {}));
  }

  patch<T>(path: string, body: unknown): Promise<T> {
    return this.#watch(this.client.patch<T>(path, body));
  }

  delete<T>(path: string): Promise<T> {
    return this.#watch(this.client.delete<T>(path));
  }

  /** Ends the session on the server; the console forgets it whatever the answer. */
  async logout(): Promise<void> {
    this.#ended = true;
    await this.client.post('/v1/auth/logout').catch(() => undefined);
  }

  async #watch<T>(request: Promise<T>): Promise<T> {
    try {
      return await request;
    } catch (error) {
      if (!this.#ended && isSessionEnd(error)) {
        this.#ended = true;
        this.onSessionEnd(error as CcApiError);
      }
      throw error;
    }
  }
}
