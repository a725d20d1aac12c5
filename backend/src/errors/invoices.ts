import { defineErrors } from '../platform/errors/registry.js';

/** Invoices, credit notes, imports, recurring schedules and disputes. */
export const INVOICE_ERRORS = defineErrors('Invoices and disputes', {
  early_payment_discount_unsupported: {
    status: 422,
    message: 'Early-payment discounts are not supported.',
    when: 'any field whose name contains `discount`, at any depth, on any endpoint',
  },
  credit_limit_exceeded: {
    status: 422,
    message: "This would take the contact's open balance over its credit limit.",
    when: 'an invoice that would take an `authorized` contact\'s open balance above its credit limit, `param: "amount"`',
  },
  currency_mismatch: {
    status: 422,
    message: 'The currency is not the one this must be in.',
    when: 'an invoice or recurring schedule in another currency than the contact\'s contract, or a payment request in another currency than its invoice, `param: "currency"`',
  },
  contact_not_found: {
    status: 422,
    message: 'No contact with that email.',
    when: 'in an invoice import, a row whose `contactEmail` is no contact of the merchant (`param: "contactEmail"`, in that row of `import_invalid`)',
  },
  import_invalid: {
    status: 422,
    message: 'Some rows are invalid; nothing was imported.',
    when: 'an invoice import with a bad row: nothing imported; adds `rows` (per-row results) and `summary`',
  },
  duplicate_invoice_number: {
    status: 409,
    message: 'This invoice number is already used.',
    when: 'an invoice `number` the merchant already used, `param: "number"`',
  },
  invoice_not_editable: {
    status: 409,
    message: 'Only an open invoice with nothing paid can be edited.',
    when: 'editing an invoice that is not `open` or had a payment',
  },
  invoice_not_voidable: {
    status: 409,
    message: 'Only an open invoice with nothing paid can be voided.',
    when: 'voiding an invoice that is not `open` or had a payment',
  },
  invoice_not_creditable: {
    status: 409,
    message: 'This invoice cannot be credited.',
    when: 'a credit note on an invoice that is `paid` or `void`',
  },
  invalid_schedule_state: {
    status: 409,
    message: 'This recurring schedule cannot make that move from its status.',
    when: 'pausing, resuming or cancelling a recurring schedule whose status does not allow it (e.g. resuming an `active` one)',
  },
  invoice_not_disputable: {
    status: 409,
    message: 'This invoice cannot be disputed.',
    when: 'disputing an invoice that is `paid` or `void`',
  },
  dispute_already_open: {
    status: 409,
    message: 'This invoice already has an open dispute.',
    when: 'disputing an invoice that has an open dispute',
  },
  dispute_not_open: {
    status: 409,
    message: 'This dispute is already resolved.',
    when: 'resolving a dispute already resolved',
  },
});
