// The one typed module through which the elements reach the CustomerConnect API's widget side
// (`/v1/public/*`, `/v1/credit-applications`, `/v1/customer/*`): a view renders and dispatches,
// and asks this module for data, as the console asks its ConsoleApi. The wire types live beside
// the events that carry them (events/customer-types.ts, events/wallet-types.ts).
import type { ApiClient, QueryValue, RequestOptions } from './api-client.js';
import type {
  AcceptTermsRequest,
  CreditApplicationAnswer,
  CreditApplicationRequest,
  CustomerCreditApplication,
  TermsOffer,
} from '../events/customer-types.js';
import type {
  NewPaymentMethod,
  Page,
  Wallet,
  WalletDispute,
  WalletInvoice,
  WalletPayment,
  WalletPaymentMethod,
  WalletPaymentRequest,
} from '../events/wallet-types.js';

export * from '../events/customer-types.js';

/** Options of one call: cancel it with `signal`; retry a write safely with the same `idempotencyKey`. */
export type CallOptions = Pick<RequestOptions, 'signal' | 'idempotencyKey'>;

/** A list that pages by cursor, newest first (the wallet's "Show older …"). */
export type PagedList = 'invoices' | 'payment-requests';

const id = encodeURIComponent;

/** The widget-side calls, typed, on an {@link ApiClient} (with a publishable key or a customer session). */
export class CustomerApi {
  constructor(readonly client: ApiClient) {}

  /** `POST /v1/public/wallet-links`: emails the customer a link to their wallet. */
  requestWalletLink(email: string, options?: CallOptions): Promise<void> {
    return this.client.post('/v1/public/wallet-links', { email }, options);
  }

  /** `POST /v1/credit-applications` with the publishable key. */
  applyForCredit(body: CreditApplicationRequest, options?: CallOptions): Promise<CreditApplicationAnswer> {
    return this.client.post('/v1/credit-applications', body, options);
  }

  creditApplication(applicationId: string, options?: CallOptions): Promise<CustomerCreditApplication> {
    return this.client.get(`/v1/customer/credit-applications/${id(applicationId)}`, options);
  }

  termsOffer(offerId: string, options?: CallOptions): Promise<TermsOffer> {
    return this.client.get(`/v1/customer/terms-offers/${id(offerId)}`, options);
  }

  /** Accepts (with the signature) or declines an offer; answers the offer's changed fields. */
  answerTermsOffer(
    offerId: string,
    action: 'accept' | 'decline',
    body: AcceptTermsRequest | undefined,
    options?: CallOptions,
  ): Promise<Partial<TermsOffer> | undefined> {
    return this.client.post(`/v1/customer/terms-offers/${id(offerId)}/${action}`, body, options);
  }

  wallet(options?: CallOptions): Promise<Wallet> {
    return this.client.get('/v1/customer/wallet', options);
  }

  /** One page of a list after the row `startingAfter`. */
  page<T>(list: PagedList, query: { limit: number; startingAfter: string }, options?: CallOptions): Promise<Page<T>> {
    const q: Record<string, QueryValue> = query;
    return this.client.get(`/v1/customer/${list}`, { ...options, query: q });
  }

  invoice(invoiceId: string, options?: CallOptions): Promise<WalletInvoice> {
    return this.client.get(`/v1/customer/invoices/${id(invoiceId)}`, options);
  }

  payInvoice(invoiceId: string, body: { paymentMethodId: string }, options?: CallOptions): Promise<WalletPayment> {
    return this.client.post(`/v1/customer/invoices/${id(invoiceId)}/payments`, body, options);
  }

  disputeInvoice(
    invoiceId: string,
    body: { amount: number; explanation: string },
    options?: CallOptions,
  ): Promise<WalletDispute> {
    return this.client.post(`/v1/customer/invoices/${id(invoiceId)}/disputes`, body, options);
  }

  paymentRequest(requestId: string, options?: CallOptions): Promise<WalletPaymentRequest> {
    return this.client.get(`/v1/customer/payment-requests/${id(requestId)}`, options);
  }

  answerPaymentRequest(
    requestId: string,
    action: 'approve' | 'decline',
    options?: CallOptions,
  ): Promise<WalletPaymentRequest> {
    return this.client.post(`/v1/customer/payment-requests/${id(requestId)}/${action}`, undefined, options);
  }

  payPaymentRequest(
    requestId: string,
    body: { amount: number; paymentMethodId: string },
    options?: CallOptions,
  ): Promise<WalletPayment> {
    return this.client.post(`/v1/customer/payment-requests/${id(requestId)}/payments`, body, options);
  }

  paymentMethods(options?: CallOptions): Promise<Page<WalletPaymentMethod>> {
    return this.client.get('/v1/customer/payment-methods', options);
  }

  addPaymentMethod(body: NewPaymentMethod, options?: CallOptions): Promise<WalletPaymentMethod> {
    return this.client.post('/v1/customer/payment-methods', body, options);
  }

  makeDefaultPaymentMethod(methodId: string, options?: CallOptions): Promise<WalletPaymentMethod> {
    return this.client.post(`/v1/customer/payment-methods/${id(methodId)}/default`, undefined, options);
  }

  removePaymentMethod(methodId: string, options?: CallOptions): Promise<void> {
    return this.client.delete(`/v1/customer/payment-methods/${id(methodId)}`, options);
  }
}

const apis = new WeakMap<ApiClient, CustomerApi>();

/** The {@link CustomerApi} on a client (one per client). */
export function customerApi(client: ApiClient): CustomerApi {
  let api = apis.get(client);
  if (!api) apis.set(client, (api = new CustomerApi(client)));
  return api;
}
