import { CcMoneyError } from './money-error.js';

const decimalsByCurrency = new Map<string, number>();

/** The number of minor-unit digits of an ISO 4217 currency: USD 2, JPY 0, KWD 3. */
export function currencyDecimals(currency: string): number {
  const code = currency.toUpperCase();
  let decimals = decimalsByCurrency.get(code);
  if (decimals === undefined) {
    if (!/^[A-Z]{3}$/.test(code)) throw new CcMoneyError('currency_invalid');
    decimals =
      new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits ?? 2;
    decimalsByCurrency.set(code, decimals);
  }
  return decimals;
}
