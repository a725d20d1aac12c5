import type { UnknownFieldRule } from '../../platform/validation/unknown-fields.js';

/**
 * Early-payment discounts are not offered: a field naming one (`discount`, `earlyPaymentDiscount`,
 * `discountPercent`…), on any endpoint, is refused with its own code rather than `unknown_field`.
 */
export const EARLY_PAYMENT_DISCOUNT: UnknownFieldRule = {
  matches: (field) => /discount/i.test(field),
  code: 'early_payment_discount_unsupported',
  message: 'Early-payment discounts are not supported.',
};
