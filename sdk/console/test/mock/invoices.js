// Invoices: keyed in (409 duplicate_invoice_number), edited, credited, voided, imported from CSV.
import { error, notFound, page, throwIt } from './access.js';
import { id, invoice, store } from './store.js';

export const invoiceRoutes = [
  [
    'GET',
    /^\/v1\/invoices$/,
    (context) => {
      const { status, contactId, overdue } = context.query;
      return page(
        store.invoices.filter(
          (i) =>
            (!status || i.status === status) &&
            (!contactId || i.contactId === contactId) &&
            (overdue !== 'true' || i.overdue),
        ),
      );
    },
  ],
  [
    'POST',
    /^\/v1\/invoices$/,
    (_c, body) => {
      if (store.invoices.some((i) => i.number === body.number))
        throw error(
          409,
          'conflict',
          'duplicate_invoice_number',
          `Invoice number '${body.number}' is already used.`,
          'number',
        );
      if (!store.contacts.some((c) => c.id === body.contactId))
        throw error(422, 'invalid_request', 'parameter_invalid', 'No such contact.', 'contactId');
      const amount = body.lineItems?.length
        ? body.lineItems.reduce((sum, l) => sum + l.quantity * l.unitAmount, 0)
        : body.amount;
      const created = {
        ...invoice({ id: id('inv'), number: body.number, contactId: body.contactId, amount }),
        currency: body.currency ?? 'USD',
        issuedAt: body.issuedAt,
        dueDate: body.dueDate ?? '2026-12-31',
        description: body.description ?? null,
        lineItems: body.lineItems ?? [],
      };
      store.invoices.unshift(created);
      return created;
    },
  ],
  [
    'GET',
    /^\/v1\/invoices\/([^/]+)$/,
    (_c, _b, _u, invoiceId) => store.invoices.find((i) => i.id === invoiceId) ?? throwIt(notFound()),
  ],
  [
    'PATCH',
    /^\/v1\/invoices\/([^/]+)$/,
    (_c, body, _u, invoiceId) => {
      const found = store.invoices.find((i) => i.id === invoiceId) ?? throwIt(notFound());
      if (found.status !== 'open' || found.paidAmount > 0)
        throw error(409, 'conflict', 'invoice_not_editable', 'Only an open invoice with nothing paid can be edited.');
      if (body.dueDate !== undefined && body.dueDate < found.issuedAt)
        throw error(422, 'invalid_request', 'parameter_invalid', 'dueDate cannot be before issuedAt.', 'dueDate');
      if (body.amount !== undefined)
        Object.assign(found, { amount: body.amount, balance: body.amount - found.creditedAmount });
      if (body.dueDate !== undefined) found.dueDate = body.dueDate;
      if (body.description !== undefined) found.description = body.description;
      return found;
    },
  ],
  [
    'POST',
    /^\/v1\/invoices\/([^/]+)\/credits$/,
    (_c, body, _u, invoiceId) => {
      const found = store.invoices.find((i) => i.id === invoiceId) ?? throwIt(notFound());
      if (!(body.amount > 0) || body.amount > found.balance)
        throw error(422, 'invalid_request', 'parameter_invalid', 'amount must be at most the balance.', 'amount');
      Object.assign(found, {
        creditedAmount: found.creditedAmount + body.amount,
        balance: found.balance - body.amount,
      });
      if (found.balance === 0) found.status = 'paid';
      return found;
    },
  ],
  [
    'POST',
    /^\/v1\/invoices\/([^/]+)\/void$/,
    (_c, _b, _u, invoiceId) => {
      const found = store.invoices.find((i) => i.id === invoiceId) ?? throwIt(notFound());
      if (found.status !== 'open')
        throw error(409, 'conflict', 'invoice_not_voidable', 'Only an open invoice can be voided.');
      Object.assign(found, { status: 'void', balance: 0 });
      return found;
    },
  ],
  [
    'POST',
    /^\/v1\/invoices\/import$/,
    (_c, body) => {
      const lines = String(body.data).trim().split('\n').slice(1);
      const rows = lines.map((line, i) => {
        const [number, email] = line.split(',');
        return store.contacts.some((c) => c.email === email)
          ? { row: i + 1, number, status: 'ok' }
          : {
              row: i + 1,
              number,
              status: 'error',
              error: {
                code: 'contact_not_found',
                message: `No contact with the email ${email}.`,
                param: 'contactEmail',
              },
            };
      });
      const errors = rows.filter((r) => r.status === 'error').length;
      const summary = { total: rows.length, ok: rows.length - errors, errors };
      if (errors && !body.dryRun)
        throw Object.assign(error(422, 'invalid_request', 'import_invalid', 'Some rows are invalid.', 'data'), {});
      if (errors) return { dryRun: true, valid: false, imported: 0, summary, rows };
      return { dryRun: Boolean(body.dryRun), valid: true, imported: body.dryRun ? 0 : rows.length, summary, rows };
    },
  ],
];
