const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

/** ISO 4217 codes this runtime knows (upper-case, three letters). */
export function isCurrency(code: unknown): code is string {
  return typeof code === 'string' && /^[A-Z]{3}$/.test(code) && CURRENCIES.has(code);
}

/** Minor-unit digits of a currency: USD 2, JPY 0, KWD 3. */
export function currencyDecimals(code: string): number {
  return (
    new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits ?? 2
  );
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
