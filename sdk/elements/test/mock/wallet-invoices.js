// The customer's invoices: the list, one invoice, paying it whole, disputing it.
import { conflict, invalid, missing, randomSuffix, send } from './http.js';
import { assertPayable, charge } from './wallet-charges.js';
import { methodFor } from './wallet-methods.js';
import {
  cursorPage,
  customer,
  disputeView,
  invoiceView,
  newest,
  onIdempotent,
  own,
  walletStore,
} from './wallet-store.js';

export const invoiceRoutes = [
  [
    'GET',
    /^\/v1\/customer\/invoices$/,
    (context) => {
      const session = customer(context);
      const rows = newest(walletStore.invoices, (row) => row.contactId === session.contactId && !row.deleted).map(
        invoiceView,
      );
      return cursorPage(rows, { limit: Number(context.query.limit) || 20, startingAfter: context.query.startingAfter });
    },
  ],
  [
    'GET',
    /^\/v1\/customer\/invoices\/([^/]+)$/,
    (context, _body, id) => invoiceView(own(walletStore.invoices, customer(context), id, 'invoice')),
  ],
  [
    'POST',
    /^\/v1\/customer\/invoices\/([^/]+)\/payments$/,
    (context, body, id) => {
      const session = customer(context);
      const answer = onIdempotent(context, session, body, () => {
        const invoice = own(walletStore.invoices, session, id, 'invoice');
        assertPayable(invoice);
        if (body?.amount !== undefined && body.amount !== invoice.balance) {
          throw invalid(
            'partial_payment_not_allowed',
            'amount',
            `An invoice is paid whole (${invoice.balance}); partial payments go through a payment request.`,
          );
        }
        const method = methodFor(session, body?.paymentMethodId);
        return charge(session, method, invoice.balance, invoice.currency, invoice, null);
      });
      send(context, 201, answer);
    },
  ],
  [
    'POST',
    /^\/v1\/customer\/invoices\/([^/]+)\/disputes$/,
    (context, body, id) => {
      const session = customer(context);
      const answer = onIdempotent(context, session, body, () => {
        for (const field of Object.keys(body ?? {}))
          if (!['amount', 'explanation'].includes(field))
            throw invalid('unknown_field', field, `${field} is not a known field.`);
        if (body?.amount === undefined) throw missing('amount');
        if (!Number.isSafeInteger(body.amount) || body.amount <= 0)
          throw invalid('parameter_invalid', 'amount', 'amount must be a positive whole number of minor units (cents)');
        const explanation = typeof body.explanation === 'string' ? body.explanation.trim() : undefined;
        if (explanation === undefined) throw missing('explanation');
        if (explanation === '') throw invalid('parameter_invalid', 'explanation', 'explanation must not be empty');
        if ([...explanation].length > 2000)
          throw invalid('parameter_invalid', 'explanation', 'explanation must be at most 2,000 characters');
        const invoice = own(walletStore.invoices, session, id, 'invoice');
        if (invoice.status === 'disputed')
          throw conflict('dispute_already_open', 'This invoice already has an open dispute.');
        if (!['open', 'partially_paid'].includes(invoice.status))
          throw conflict('invoice_not_disputable', `A ${invoice.status} invoice cannot be disputed.`);
        if (body.amount > invoice.balance)
          throw invalid(
            'parameter_invalid',
            'amount',
            `The dispute amount cannot exceed the invoice balance (${invoice.balance}).`,
          );
        const dispute = {
          id: `dsp_test_${randomSuffix()}`,
          merchantId: session.merchantId,
          invoiceId: invoice.id,
          contactId: session.contactId,
          amount: body.amount,
          currency: invoice.currency,
          explanation,
          status: 'open',
          outcome: null,
          note: null,
          resolvedAt: null,
          createdAt: new Date().toISOString(),
        };
        walletStore.disputes.set(dispute.id, dispute);
        invoice.statusBeforeDispute = invoice.status;
        invoice.status = 'disputed';
        return disputeView(dispute);
      });
      send(context, 201, answer);
    },
  ],
];
