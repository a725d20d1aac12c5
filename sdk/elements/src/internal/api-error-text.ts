import type { CcApiError } from './api-error.js';
import type { Messages } from './messages.js';

const setupCodes = new Set([
  'publishable_key_missing',
  'authentication_required',
  'invalid_credentials',
  'origin_not_allowed',
  'invalid_authorization',
]);

/** A failed request in words for the customer, by its code (never by its English message). */
export function apiErrorText(error: CcApiError, m: Messages): string {
  const errors = m.apiErrors;
  if (error.code === 'session_expired' || error.code === 'link_invalid') return errors.session_expired;
  if (error.code === 'network_error' || error.code === 'rate_limited' || error.code === 'mode_not_allowed')
    return errors[error.code];
  if (setupCodes.has(error.code)) return errors.setup;
  return errors.generic;
}
