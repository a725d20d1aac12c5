import { defineErrors } from '../platform/errors/registry.js';

/** Payments, payment requests, refunds and the processor's refusals. */
export const PAYMENT_ERRORS = defineErrors('Payments', {
  card_declined: {
    status: 402,
    message: 'The card was declined.',
    when: 'the processor refused a charge: the card was declined (`param: "paymentMethodId"`, plus `paymentId` of the failed payment, which is kept)',
  },
  insufficient_funds: {
    status: 402,
    message: 'The card has insufficient funds.',
    when: 'the processor refused a charge for insufficient funds (as `card_declined`)',
  },
  account_closed: {
    status: 402,
    message: 'The bank account is closed.',
    when: 'the processor refused an ACH charge: the account is closed (as `card_declined`)',
  },
  processing_error: {
    status: 402,
    message: 'The payment could not be processed.',
    when: 'the processor failed the charge for another reason, or never received it (as `card_declined`)',
  },
  payment_processing: {
    status: 409,
    transient: true,
    message: 'This payment is being processed; retry in a minute.',
    when: 'a payment whose charge is still being processed: the retry of a payment (same `Idempotency-Key`) whose processor answer is not known yet (after waiting up to 3 s), (`param: "Idempotency-Key"`), or a new payment for what `processing` payments already hold, or voiding, editing, crediting or disputing an invoice with a `processing` payment (no `param`). Retry the same request later (it is not remembered): it answers the settled payment (`201`) or its refusal (`402`)',
  },
  invoice_not_payable: {
    status: 409,
    message: 'This invoice takes no payment.',
    when: 'paying an invoice that is `paid` or `void`; a payment request for an invoice that is not `open` or `partially_paid` (`param: "invoiceId"`)',
  },
  invoice_disputed: {
    status: 409,
    message: 'This invoice is disputed; it takes no payment until the dispute is resolved.',
    when: 'paying an invoice while it is `disputed`',
  },
  invoice_not_refundable: {
    status: 409,
    message: 'Payments of this invoice cannot be refunded.',
    when: 'refunding a payment of an invoice that is not `paid` or `partially_paid` (a `disputed` one: until the dispute is resolved)',
  },
  approval_required: {
    status: 409,
    message: 'Approve this payment request before paying it.',
    when: 'paying a payment request still `pending_approval`',
  },
  payment_request_not_open: {
    status: 409,
    message: 'This payment request does not allow that.',
    when: 'approving, declining, cancelling or paying a request whose status does not allow it (an expired one included)',
  },
  payment_not_refundable: {
    status: 409,
    message: 'Only a succeeded payment can be refunded.',
    when: 'refunding a payment that did not succeed',
  },
  partial_payment_not_allowed: {
    status: 422,
    message: 'An invoice is paid whole; partial payments go through a payment request.',
    when: 'paying an invoice with an `amount` other than its balance, `param: "amount"`',
  },
  below_minimum_payment: {
    status: 422,
    message: 'This is less than the least you can pay.',
    when: 'a payment-request payment under the minimum and not the whole remainder; adds `minimum` and `remaining`',
  },
  exceeds_remaining_balance: {
    status: 422,
    message: 'This is more than remains to pay.',
    when: "a payment above what remains (adds `minimum` and `remaining`), or a payment request above its invoice's balance",
  },
});
