import type { CcApiError } from '../../internal/api-error.js';
import type { Messages } from '../../internal/messages.js';
import { formatMoney } from '../../internal/money-format.js';
import type { WalletPaymentMethod, WalletPaymentRequest } from '../../internal/wallet-api.js';
import { moneyErrorText, readAmount, requestErrorText } from '../../internal/wallet-format.js';

/** The amount typed for a request, read in the locale: minor units, or what is wrong with it. */
export function checkAmount(
  request: WalletPaymentRequest,
  text: string,
  method: WalletPaymentMethod | undefined,
  m: Messages,
  locale: string,
): { amount: number } | { error: string } {
  const money = (minor: number) => formatMoney(minor, request.currency, locale);
  const read = readAmount(text, request.currency, locale);
  if ('code' in read)
    return { error: moneyErrorText(read.code, m.request.amountToPay, request.currency, locale, m, request.remaining) };
  if (read.amount > request.remaining) return { error: m.paymentErrors.exceeds_remaining(money(request.remaining)) };
  const minimum = method ? request.minimums[method.type].amount : 0;
  if (read.amount < minimum && read.amount !== request.remaining)
    return { error: m.paymentErrors.below_minimum(money(minimum)) };
  return { amount: read.amount };
}

/** A refused payment that a field explains (the amount, the method); undefined for the others. */
export function payFieldError(
  error: CcApiError,
  request: WalletPaymentRequest,
  m: Messages,
  locale: string,
): { amount: string } | { method: string } | undefined {
  const money = (minor: unknown) => formatMoney(Number(minor), request.currency, locale);
  if (error.code === 'below_minimum_payment' && typeof error.body.minimum === 'number')
    return { amount: m.paymentErrors.below_minimum(money(error.body.minimum)) };
  if (error.code === 'exceeds_remaining_balance' && typeof error.body.remaining === 'number')
    return { amount: m.paymentErrors.exceeds_remaining(money(error.body.remaining)) };
  if (error.status === 422 && error.param === 'amount') return { amount: error.message };
  if (error.status === 422 && error.param === 'paymentMethodId') return { method: requestErrorText(error, m) };
  return undefined;
}
