// The customer's payment requests: approve or decline, then pay from the snapshotted minimums.
import { conflict, invalid, missing, send } from './http.js';
import { assertPayable, charge, MockApiErrorWith } from './wallet-charges.js';
import { methodFor } from './wallet-methods.js';
import {
  cursorPage,
  customer,
  minimumAmount,
  minimumPercent,
  newest,
  onIdempotent,
  own,
  requestView,
  walletStore,
} from './wallet-store.js';

export const paymentRequestRoutes = [
  [
    'GET',
    /^\/v1\/customer\/payment-requests$/,
    (context) => {
      const session = customer(context);
      const rows = newest(walletStore.requests, (row) => row.contactId === session.contactId).map(requestView);
      return cursorPage(rows, { limit: Number(context.query.limit) || 20, startingAfter: context.query.startingAfter });
    },
  ],
  [
    'GET',
    /^\/v1\/customer\/payment-requests\/([^/]+)$/,
    (context, _body, id) => requestView(own(walletStore.requests, customer(context), id, 'payment request')),
  ],
  [
    'POST',
    /^\/v1\/customer\/payment-requests\/([^/]+)\/(approve|decline)$/,
    (context, _body, id, action) => {
      const request = own(walletStore.requests, customer(context), id, 'payment request');
      if (request.status !== 'pending_approval')
        throw conflict('invalid_state_transition', `A ${request.status} payment request cannot be ${action}d.`);
      request.status = action === 'approve' ? 'approved' : 'declined';
      if (action === 'approve') request.approvedAt = new Date().toISOString();
      return requestView(request);
    },
  ],
  [
    'POST',
    /^\/v1\/customer\/payment-requests\/([^/]+)\/payments$/,
    (context, body, id) => {
      const session = customer(context);
      const answer = onIdempotent(context, session, body, () => {
        const request = own(walletStore.requests, session, id, 'payment request');
        if (body?.amount === undefined) throw missing('amount');
        if (!Number.isSafeInteger(body.amount) || body.amount <= 0)
          throw invalid('parameter_invalid', 'amount', 'amount must be a positive whole number of minor units (cents)');
        if (request.status === 'pending_approval')
          throw conflict('approval_required', 'Approve this payment request before paying it.');
        if (!['approved', 'partially_paid'].includes(request.status))
          throw conflict('payment_request_not_open', `A ${request.status} payment request takes no payment.`);
        const invoice = request.invoiceId ? walletStore.invoices.get(request.invoiceId) : null;
        if (invoice) assertPayable(invoice);
        const method = methodFor(session, body.paymentMethodId);
        const remaining = Math.min(request.amount - request.paidAmount, invoice ? invoice.balance : Infinity);
        const minimum = Math.min(minimumAmount(request.amount, minimumPercent(request, method.type)), remaining);
        if (body.amount > remaining)
          throw new MockApiErrorWith(
            422,
            'invalid_request',
            'exceeds_remaining_balance',
            `The most you can pay is ${remaining}.`,
            'amount',
            { minimum, remaining },
          );
        if (body.amount < minimum && body.amount !== remaining) {
          throw new MockApiErrorWith(
            422,
            'invalid_request',
            'below_minimum_payment',
            `The least you can pay is ${minimum} (or the whole ${remaining}).`,
            'amount',
            { minimum, remaining },
          );
        }
        const payment = charge(session, method, body.amount, request.currency, invoice, request);
        request.paidAmount += body.amount;
        request.status = request.paidAmount === request.amount ? 'paid' : 'partially_paid';
        return payment;
      });
      send(context, 201, answer);
    },
  ],
];
