import { isIsoCurrency, isoCurrencyDigits } from '@customerconnect/sdk/currencies';

// Currencies and their decimals come from the one ISO 4217 table the SDK also reads
// (`@customerconnect/sdk/currencies`, generated from the ISO list), never from Intl / ICU data,
// which disagrees with ISO 4217 (IQD 0 vs 3; HUF, IDR, COP, PKR 0 vs 2) and between versions.

/** Active ISO 4217 codes with minor units (upper-case, three letters). */
export function isCurrency(code: unknown): code is string {
  return isIsoCurrency(code);
}

/** Minor-unit digits of a currency: USD 2, JPY 0, KWD 3, IQD 3. Throws on a code not in the table. */
export function currencyDecimals(code: string): number {
  const digits = isoCurrencyDigits(code);
  if (digits === undefined) throw new RangeError(`Not an ISO 4217 currency with minor units: ${code}`);
  return digits;
}

/** Amounts are integers in minor units; this bound keeps them exact in JS and in bigint columns. */
export const MAX_AMOUNT = Number.MAX_SAFE_INTEGER;

export function isMinorAmount(v: unknown, { allowZero = false } = {}): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && (allowZero ? v >= 0 : v > 0);
}

/** `123456, 'USD'` → `1,234.56 USD`, exactly (string arithmetic, the currency's own decimals). */
export function formatMinor(amount: number, currency: string): string {
  const decimals = currencyDecimals(currency);
  const digits = String(Math.abs(amount)).padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const fraction = decimals ? `.${digits.slice(-decimals)}` : '';
  return `${amount < 0 ? '-' : ''}${whole}${fraction} ${currency}`;
}
