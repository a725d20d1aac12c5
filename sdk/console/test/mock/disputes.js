// The dispute queue and resolving a dispute (a credit or a rejection).
import { error, notFound, page, throwIt } from './access.js';
import { now, store } from './store.js';

export const disputeRoutes = [
  [
    'GET',
    /^\/v1\/disputes$/,
    (context) =>
      page(
        store.disputes.filter(
          (d) =>
            (!context.query.status || d.status === context.query.status) &&
            (!context.query.contactId || d.contactId === context.query.contactId),
        ),
      ),
  ],
  [
    'GET',
    /^\/v1\/disputes\/([^/]+)$/,
    (_c, _b, _u, disputeId) => store.disputes.find((d) => d.id === disputeId) ?? throwIt(notFound()),
  ],
  [
    'POST',
    /^\/v1\/disputes\/([^/]+)\/resolve$/,
    (_c, body, _u, disputeId) => {
      const dispute = store.disputes.find((d) => d.id === disputeId) ?? throwIt(notFound());
      if (!['credit', 'reject'].includes(body?.outcome))
        throw error(422, 'invalid_request', 'parameter_invalid', "outcome must be 'credit' or 'reject'", 'outcome');
      const inv = store.invoices.find((i) => i.id === dispute.invoiceId);
      if (body.outcome === 'credit') inv.balance -= dispute.amount;
      inv.status = 'open';
      Object.assign(dispute, { status: 'resolved', outcome: body.outcome, note: body.note ?? null, resolvedAt: now() });
      return dispute;
    },
  ],
];
