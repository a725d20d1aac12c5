import type { UnknownFieldRule } from '../../platform/validation/unknown-fields.js';
import { INVOICE_ERRORS } from '../../errors/invoices.js';

/**
 * Early-payment discounts are not offered: a field naming one (`discount`, `earlyPaymentDiscount`,
 * `discountPercent`…), on any endpoint, is refused with its own code rather than `unknown_field`.
 */
export const EARLY_PAYMENT_DISCOUNT: UnknownFieldRule = {
  matches: (field) => /discount/i.test(field),
  error: INVOICE_ERRORS.early_payment_discount_unsupported,
};
