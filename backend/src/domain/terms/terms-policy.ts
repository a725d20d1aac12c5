import type { MerchantAuth } from '../../platform/http/auth/auth-context.js';
import { ApiError } from '../../platform/errors/errors.js';
import { TERMS_ERRORS as E } from '../../errors/terms.js';
import type { MerchantSettings } from '../merchants/merchant-settings.js';

/**
 * The terms-lock policy, as pure rules.
 * - `locked`: only admins offer, withdraw or end terms (members: 403 terms_locked); customers accept as offered.
 * - `flexible`: members may too, within allowedNetDays; customers pick netDays from allowedNetDays.
 */
export function assertMayChangeTerms(auth: MerchantAuth, settings: MerchantSettings, netDays?: number): void {
  if (auth.role === 'admin') return;
  if (settings.termsPolicy === 'locked') {
    throw new ApiError(E.terms_locked_for_member);
  }
  if (netDays !== undefined && !settings.allowedNetDays.includes(netDays)) {
    throw new ApiError(
      E.net_days_not_allowed,
      `netDays must be one of ${settings.allowedNetDays.join(', ')}.`,
      'netDays',
    );
  }
}

/** The net days a customer ends up with when accepting an offer (or the refusal). */
export function acceptedNetDays(settings: MerchantSettings, offered: number, asked: number | undefined): number {
  if (asked === undefined || asked === offered) return offered;
  if (settings.termsPolicy === 'locked') {
    throw new ApiError(E.terms_locked_as_offered, undefined, 'netDays');
  }
  if (!settings.allowedNetDays.includes(asked)) {
    throw new ApiError(
      E.net_days_not_allowed,
      `netDays must be one of ${settings.allowedNetDays.join(', ')}.`,
      'netDays',
    );
  }
  return asked;
}
