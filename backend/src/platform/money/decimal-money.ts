import { currencyDecimals } from './money.js';

/**
 * A decimal amount as exported by invoicing software ("1,234.56", "1234.5", "-" refused) → minor
 * units, exactly (string arithmetic), in the currency's own decimals. Null when it is not one.
 */
export function parseDecimalAmount(text: string, currency: string): number | null {
  const clean = text.trim().replace(/[,\s]/g, '');
  const m = /^(\d+)(?:\.(\d+))?$/.exec(clean);
  if (!m) return null;
  const decimals = currencyDecimals(currency);
  const fraction = (m[2] ?? '').replace(/0+$/, '');
  if (fraction.length > decimals) return null;
  const minor = BigInt(m[1]! + fraction.padEnd(decimals, '0'));
  return minor > BigInt(Number.MAX_SAFE_INTEGER) ? null : Number(minor);
}
