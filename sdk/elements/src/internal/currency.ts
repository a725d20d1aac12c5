import { isoCurrencyDigits } from '../currencies/iso-4217.js';
import { CcMoneyError } from './money-error.js';

/**
 * The number of minor-unit digits of an ISO 4217 currency: USD 2, JPY 0, KWD 3, IQD 3. Read from the
 * ISO 4217 table the API shares (`@customerconnect/sdk/currencies`), never from the browser's locale
 * data, so the page and the server read an amount alike. Codes not in the table are refused.
 */
export function currencyDecimals(currency: string): number {
  const decimals = isoCurrencyDigits(currency.toUpperCase());
  if (decimals === undefined) throw new CcMoneyError('currency_invalid');
  return decimals;
}
