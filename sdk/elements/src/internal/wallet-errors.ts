import { CcApiError } from './api-error.js';
import type { WalletMessages } from './wallet-messages.js';

// The wallet elements' request errors in words: what their first render needs (the session
// gate, a failed read), apart from the money and date formatting of wallet-format.ts.

/** A failed request in plain words, by its code (never by the API's English message). */
export function requestErrorText(error: CcApiError, m: WalletMessages): string {
  const payment = m.paymentErrors as Record<string, unknown>;
  const text = payment[error.code];
  if (typeof text === 'string') return text;
  if (error.status === 402) return m.paymentErrors.processing_error;
  if (error.code === 'network_error') return m.apiErrors.network_error;
  if (error.code === 'rate_limited') return m.apiErrors.rate_limited;
  if (
    ['publishable_key_missing', 'authentication_required', 'invalid_credentials', 'origin_not_allowed'].includes(
      error.code,
    )
  )
    return m.errors.setup;
  return m.errors.generic;
}

export const asApiError = (error: unknown): CcApiError =>
  error instanceof CcApiError ? error : CcApiError.network(error);
