// Payment requests (minimums from the merchant's settings), payments and refunds.
import { error, notFound, page, throwIt } from './access.js';
import { id, now, store } from './store.js';

export const paymentRoutes = [
  [
    'GET',
    /^\/v1\/payment-requests$/,
    (context) =>
      page(store.requests.filter((r) => !context.query.contactId || r.contactId === context.query.contactId)),
  ],
  [
    'GET',
    /^\/v1\/payments$/,
    (context) => {
      const { contactId, invoiceId, paymentRequestId } = context.query;
      return page(
        store.payments.filter(
          (p) =>
            (!contactId || p.contactId === contactId) &&
            (!invoiceId || p.invoiceId === invoiceId) &&
            (!paymentRequestId || p.paymentRequestId === paymentRequestId),
        ),
      );
    },
  ],
  [
    'POST',
    /^\/v1\/payments\/([^/]+)\/refunds$/,
    (_c, body, _u, paymentId) => {
      const payment = store.payments.find((p) => p.id === paymentId) ?? throwIt(notFound());
      const amount = body?.amount ?? payment.amount - payment.refundedAmount;
      if (amount <= 0 || amount > payment.amount - payment.refundedAmount)
        throw error(
          422,
          'invalid_request',
          'parameter_invalid',
          `At most ${payment.amount - payment.refundedAmount} can still be refunded.`,
          'amount',
        );
      payment.refundedAmount += amount;
      const inv = store.invoices.find((i) => i.id === payment.invoiceId);
      if (inv)
        Object.assign(inv, {
          refundedAmount: inv.refundedAmount + amount,
          balance: inv.balance + amount,
          status: inv.paidAmount - inv.refundedAmount - amount > 0 ? 'partially_paid' : 'open',
        });
      return payment;
    },
  ],
  [
    'POST',
    /^\/v1\/payment-requests$/,
    (_c, body) => {
      if (body.minimumPercent !== undefined && (body.minimumPercent < 1 || body.minimumPercent > 100))
        throw error(422, 'invalid_request', 'parameter_invalid', 'minimumPercent must be 1-100.', 'minimumPercent');
      const { partialPayments } = store.merchant.settings;
      const percent = (m) =>
        body.minimumPercent ?? partialPayments.byMethod[m] ?? partialPayments.defaultMinimumPercent ?? 100;
      const minimums = Object.fromEntries(
        ['card', 'ach'].map((m) => [m, { percent: percent(m), amount: Math.ceil((body.amount * percent(m)) / 100) }]),
      );
      const request = {
        id: id('pr'),
        contactId: body.contactId,
        invoiceId: null,
        amount: body.amount,
        paidAmount: 0,
        remaining: body.amount,
        currency: body.currency ?? 'USD',
        status: 'pending_approval',
        dueDate: body.dueDate ?? null,
        memo: body.memo ?? null,
        minimumPercent: body.minimumPercent ?? null,
        minimums,
        createdAt: now(),
      };
      store.requests.unshift(request);
      return request;
    },
  ],
  [
    'POST',
    /^\/v1\/payment-requests\/([^/]+)\/cancel$/,
    (_c, _b, _u, requestId) => {
      const request = store.requests.find((r) => r.id === requestId) ?? throwIt(notFound());
      request.status = 'cancelled';
      return request;
    },
  ],
];
