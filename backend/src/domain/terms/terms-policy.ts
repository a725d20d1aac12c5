import type { MerchantAuth } from '../../platform/http/auth/auth-context.js';
import { ApiError } from '../../platform/errors/errors.js';
import type { MerchantSettings } from '../merchants/merchant-settings.js';

/**
 * The terms-lock policy, as pure rules.
 * - `locked`: only admins offer, withdraw or end terms (members: 403 terms_locked); customers accept as offered.
 * - `flexible`: members may too, within allowedNetDays; customers pick netDays from allowedNetDays.
 */
export function assertMayChangeTerms(auth: MerchantAuth, settings: MerchantSettings, netDays?: number): void {
  if (auth.role === 'admin') return;
  if (settings.termsPolicy === 'locked') {
    throw new ApiError(
      403,
      'terms_locked',
      "Terms are locked by the merchant's admin: only an admin can offer or change a contact's terms.",
    );
  }
  if (netDays !== undefined && !settings.allowedNetDays.includes(netDays)) {
    throw new ApiError(
      422,
      'net_days_not_allowed',
      `netDays must be one of ${settings.allowedNetDays.join(', ')}.`,
      'netDays',
    );
  }
}

/** The net days a customer ends up with when accepting an offer (or the refusal). */
export function acceptedNetDays(settings: MerchantSettings, offered: number, asked: number | undefined): number {
  if (asked === undefined || asked === offered) return offered;
  if (settings.termsPolicy === 'locked') {
    throw new ApiError(
      409,
      'terms_locked',
      'These terms are fixed by the merchant; accept them as offered or decline.',
      'netDays',
    );
  }
  if (!settings.allowedNetDays.includes(asked)) {
    throw new ApiError(
      422,
      'net_days_not_allowed',
      `netDays must be one of ${settings.allowedNetDays.join(', ')}.`,
      'netDays',
    );
  }
  return asked;
}
