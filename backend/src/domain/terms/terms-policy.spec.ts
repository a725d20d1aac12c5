import { describe, expect, it } from '@jest/globals';
import type { MerchantAuth } from '../../platform/http/auth/auth-context.js';
import { defaultSettings, type MerchantSettings } from '../merchants/merchant-settings.js';
import { acceptedNetDays, assertMayChangeTerms } from './terms-policy.js';

const admin: MerchantAuth = { kind: 'secret_key', merchantId: 'mer_x', role: 'admin', keyId: 'key_x' };
const member: MerchantAuth = {
  kind: 'merchant_session',
  merchantId: 'mer_x',
  role: 'member',
  userId: 'usr_x',
  sessionId: 'ses_x',
};
const settings = (termsPolicy: 'locked' | 'flexible'): MerchantSettings => ({
  ...defaultSettings('a@b.example'),
  termsPolicy,
  allowedNetDays: [30, 45, 60],
});
const code = (fn: () => unknown) => {
  try {
    fn();
    return 'ok';
  } catch (err) {
    return (err as { code: string }).code;
  }
};

describe('terms-lock policy', () => {
  it('lets admins change terms under either policy', () => {
    expect(code(() => assertMayChangeTerms(admin, settings('locked'), 90))).toBe('ok');
    expect(code(() => assertMayChangeTerms(admin, settings('flexible'), 90))).toBe('ok');
  });

  it('refuses members under locked, allows them within allowedNetDays under flexible', () => {
    expect(code(() => assertMayChangeTerms(member, settings('locked'), 30))).toBe('terms_locked');
    expect(code(() => assertMayChangeTerms(member, settings('flexible'), 45))).toBe('ok');
    expect(code(() => assertMayChangeTerms(member, settings('flexible'), 90))).toBe('net_days_not_allowed');
    expect(code(() => assertMayChangeTerms(member, settings('flexible')))).toBe('ok');
  });

  it('holds customers to the offer under locked, lets them pick under flexible', () => {
    expect(acceptedNetDays(settings('locked'), 30, undefined)).toBe(30);
    expect(acceptedNetDays(settings('locked'), 30, 30)).toBe(30);
    expect(code(() => acceptedNetDays(settings('locked'), 30, 45))).toBe('terms_locked');
    expect(acceptedNetDays(settings('flexible'), 30, 60)).toBe(60);
    expect(code(() => acceptedNetDays(settings('flexible'), 30, 90))).toBe('net_days_not_allowed');
  });
});
