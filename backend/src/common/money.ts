const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

/** ISO 4217 codes this runtime knows (upper-case, three letters). */
export function isCurrency(code: unknown): code is string {
  return typeof code === 'string' && /^[A-Z]{3}$/.test(code) && CURRENCIES.has(code);
}

/** Minor-unit digits of a currency: USD 2, JPY 0, KWD 3. */
export function currencyDecimals(code: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** Amounts are integers in minor units; this bound keeps them exact in JS and in bigint columns. */
export const MAX_AMOUNT = Number.MAX_SAFE_INTEGER;

export function isMinorAmount(v: unknown, { allowZero = false } = {}): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && (allowZero ? v >= 0 : v > 0);
}
