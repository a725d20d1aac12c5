// One charge on the simulated processor: a refused one is kept and answered 402 with its paymentId.
import { conflict, MockApiError, randomSuffix } from './http.js';
import { paymentView, walletStore } from './wallet-store.js';

/** An error envelope with extra fields (`paymentId`, `minimum`, `remaining`), as the backend sends them. */
export class MockApiErrorWith extends MockApiError {
  constructor(status, type, code, message, param, extra) {
    super(status, type, code, message, param);
    Object.assign(this.body, extra);
  }
}

const failures = {
  card_declined: 'The card was declined.',
  insufficient_funds: 'The card has insufficient funds.',
  account_closed: 'The bank account is closed.',
};

export function assertPayable(invoice) {
  if (invoice.status === 'disputed')
    throw conflict('invoice_disputed', 'This invoice is disputed; it takes no payment until the dispute is resolved.');
  if (!['open', 'partially_paid'].includes(invoice.status))
    throw conflict('invoice_not_payable', `A ${invoice.status} invoice takes no payment.`);
}

/** One charge: a failed one is kept and answered 402 with its paymentId. */
export function charge(session, method, amount, currency, invoice, request) {
  const payment = {
    id: `pay_test_${randomSuffix()}`,
    merchantId: session.merchantId,
    contactId: session.contactId,
    invoiceId: invoice?.id ?? null,
    paymentRequestId: request?.id ?? null,
    paymentMethodId: method.id,
    amount,
    refundedAmount: 0,
    currency,
    status: method.outcome === 'ok' ? 'succeeded' : 'failed',
    failureCode: method.outcome === 'ok' ? null : method.outcome,
    source: 'customer',
    createdAt: new Date().toISOString(),
  };
  walletStore.payments.set(payment.id, payment);
  if (payment.status === 'failed') {
    throw new MockApiErrorWith(402, 'payment_error', method.outcome, failures[method.outcome], 'paymentMethodId', {
      paymentId: payment.id,
    });
  }
  if (invoice) {
    invoice.balance -= amount;
    invoice.status = invoice.balance === 0 ? 'paid' : 'partially_paid';
    if (invoice.status === 'paid') {
      for (const other of walletStore.requests.values()) {
        if (
          other.invoiceId === invoice.id &&
          other !== request &&
          ['pending_approval', 'approved', 'partially_paid'].includes(other.status)
        )
          other.status = 'cancelled';
      }
    }
  }
  return paymentView(payment);
}
