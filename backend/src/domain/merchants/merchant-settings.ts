import { ApiError, invalidParam, missingParam } from '../../platform/errors/errors.js';
import { ACCOUNT_ERRORS } from '../../errors/accounts.js';
import { mergePatch } from '../../platform/validation/merge-patch.js';
import { unknownFieldError } from '../../platform/validation/unknown-fields.js';
import { isCurrency, isMinorAmount } from '../../platform/money/money.js';

export type TermsPolicy = 'locked' | 'flexible';
export type CreditAppMode = 'credit_check' | 'credit_check_with_terms';
export type PaymentMethodType = 'card' | 'ach';

export interface MerchantSettings {
  termsPolicy: TermsPolicy;
  defaultTerms: { netDays: number; creditLimit: number; currency: string };
  allowedNetDays: number[];
  partialPayments: { defaultMinimumPercent: number | null; byMethod: Partial<Record<PaymentMethodType, number>> };
  creditAppModes: CreditAppMode[];
  allowedOrigins: string[];
  walletUrl: string | null;
  notificationEmail: string;
  theme: { primaryColor?: string; radius?: string; fontFamily?: string };
}

export const CREDIT_APP_MODES: CreditAppMode[] = ['credit_check', 'credit_check_with_terms'];

/** A new merchant's settings (api.md). */
export function defaultSettings(notificationEmail: string): MerchantSettings {
  return {
    termsPolicy: 'locked',
    defaultTerms: { netDays: 30, creditLimit: 1_000_000, currency: 'USD' },
    allowedNetDays: [30],
    partialPayments: { defaultMinimumPercent: null, byMethod: {} },
    creditAppModes: [...CREDIT_APP_MODES],
    allowedOrigins: [],
    walletUrl: null,
    notificationEmail,
    theme: {},
  };
}

/** The keys a settings object may hold, nested; `true` marks a leaf. */
const SHAPE = {
  termsPolicy: true,
  defaultTerms: { netDays: true, creditLimit: true, currency: true },
  allowedNetDays: true,
  partialPayments: { defaultMinimumPercent: true, byMethod: { card: true, ach: true } },
  creditAppModes: true,
  allowedOrigins: true,
  walletUrl: true,
  notificationEmail: true,
  theme: { primaryColor: true, radius: true, fontFamily: true },
} as const;

type Shape = { readonly [k: string]: true | Shape };

/** A passing score anywhere in the body is an attempt to set platform policy (403), whatever else is wrong. */
function refusePassingScore(value: unknown, path: string): void {
  if (typeof value !== 'object' || value === null) return;
  for (const [k, v] of Object.entries(value)) {
    const p = path ? `${path}.${k}` : k;
    if (/passing_?score/i.test(k))
      throw new ApiError(
        ACCOUNT_ERRORS.platform_policy,
        'The passing credit score is set by the platform underwriting team, not by merchants.',
        p,
      );
    refusePassingScore(v, p);
  }
}

function checkKeys(patch: unknown, shape: Shape, path: string): void {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
    throw invalidParam(path || 'body', `${path || 'The body'} must be an object.`);
  }
  for (const [k, v] of Object.entries(patch)) {
    const p = path ? `${path}.${k}` : k;
    const sub = Object.hasOwn(shape, k) ? shape[k] : undefined;
    if (!sub) throw unknownFieldError(k, p);
    if (sub !== true && v !== null) checkKeys(v, sub, p);
  }
}

const intIn = (v: unknown, lo: number, hi: number): v is number =>
  Number.isInteger(v) && (v as number) >= lo && (v as number) <= hi;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const HEX_COLOR = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;
const CSS_LENGTH = /^(?:0|\d+(?:\.\d+)?(?:px|rem|em))$/;

function originOf(value: unknown, param: string): string {
  if (typeof value !== 'string')
    throw invalidParam(param, `${param} must be an origin such as https://shop.example.com.`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalidParam(param, `${param} must be an origin such as https://shop.example.com.`);
  }
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (
    (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) ||
    url.origin !== value.replace(/\/$/, '').toLowerCase()
  ) {
    throw invalidParam(param, `${param} must be an origin (scheme, host and port, no path), https unless localhost.`);
  }
  return url.origin;
}

function urlOf(value: unknown, param: string): string {
  try {
    const url = new URL(String(value));
    if (url.protocol === 'https:' || (url.protocol === 'http:' && ['localhost', '127.0.0.1'].includes(url.hostname)))
      return url.toString();
  } catch {
    /* falls through */
  }
  throw invalidParam(param, `${param} must be an https URL.`);
}

/** Validates a whole settings object (after a merge), normalising what it may. */
export function validateSettings(s: MerchantSettings): MerchantSettings {
  if (!['locked', 'flexible'].includes(s.termsPolicy))
    throw invalidParam('termsPolicy', "termsPolicy must be 'locked' or 'flexible'.");
  const t = s.defaultTerms;
  if (!intIn(t.netDays, 0, 365))
    throw invalidParam('defaultTerms.netDays', 'defaultTerms.netDays must be a whole number of days from 0 to 365.');
  if (!isMinorAmount(t.creditLimit, { allowZero: true }))
    throw invalidParam(
      'defaultTerms.creditLimit',
      'defaultTerms.creditLimit must be a non-negative integer amount in minor units.',
    );
  if (!isCurrency(t.currency))
    throw invalidParam('defaultTerms.currency', 'defaultTerms.currency must be an ISO 4217 code such as USD.');
  if (!Array.isArray(s.allowedNetDays) || s.allowedNetDays.length === 0)
    throw invalidParam('allowedNetDays', 'allowedNetDays must list at least one number of days.');
  s.allowedNetDays.forEach((d, i) => {
    if (!intIn(d, 0, 365))
      throw invalidParam(`allowedNetDays.${i}`, 'Each allowed net days value must be a whole number from 0 to 365.');
  });
  s.allowedNetDays = [...new Set(s.allowedNetDays)].sort((a, b) => a - b);
  const pp = s.partialPayments;
  if (pp.defaultMinimumPercent !== null && !intIn(pp.defaultMinimumPercent, 1, 100)) {
    throw invalidParam(
      'partialPayments.defaultMinimumPercent',
      'partialPayments.defaultMinimumPercent must be a whole percentage from 1 to 100, or null for no partial payments.',
    );
  }
  for (const [m, v] of Object.entries(pp.byMethod)) {
    if (!intIn(v, 1, 100))
      throw invalidParam(
        `partialPayments.byMethod.${m}`,
        `partialPayments.byMethod.${m} must be a whole percentage from 1 to 100.`,
      );
  }
  if (!Array.isArray(s.creditAppModes) || s.creditAppModes.length === 0)
    throw invalidParam('creditAppModes', 'creditAppModes must list at least one mode.');
  s.creditAppModes.forEach((m, i) => {
    if (!CREDIT_APP_MODES.includes(m))
      throw invalidParam(`creditAppModes.${i}`, `creditAppModes may hold ${CREDIT_APP_MODES.join(' and ')}.`);
  });
  s.creditAppModes = [...new Set(s.creditAppModes)];
  if (!Array.isArray(s.allowedOrigins))
    throw invalidParam('allowedOrigins', 'allowedOrigins must be a list of origins.');
  s.allowedOrigins = [...new Set(s.allowedOrigins.map((o, i) => originOf(o, `allowedOrigins.${i}`)))];
  if (s.walletUrl !== null) s.walletUrl = urlOf(s.walletUrl, 'walletUrl');
  if (typeof s.notificationEmail !== 'string' || !EMAIL.test(s.notificationEmail))
    throw invalidParam('notificationEmail', 'notificationEmail must be an email address.');
  s.notificationEmail = s.notificationEmail.toLowerCase();
  const th = s.theme;
  if (th.primaryColor !== undefined && !(typeof th.primaryColor === 'string' && HEX_COLOR.test(th.primaryColor)))
    throw invalidParam('theme.primaryColor', 'theme.primaryColor must be a hex colour such as #0b5fff.');
  if (th.radius !== undefined && !(typeof th.radius === 'string' && CSS_LENGTH.test(th.radius)))
    throw invalidParam('theme.radius', 'theme.radius must be a CSS length such as 6px or 0.5rem.');
  if (
    th.fontFamily !== undefined &&
    !(typeof th.fontFamily === 'string' && th.fontFamily.length <= 200 && !/[;{}<>]/.test(th.fontFamily))
  ) {
    throw invalidParam('theme.fontFamily', 'theme.fontFamily must be a CSS font-family list of up to 200 characters.');
  }
  return s;
}

/**
 * Applies a JSON merge patch to settings: unknown fields refused, `null` restores a field's
 * default (`walletUrl: null` means none), then the result is validated as a whole.
 */
export function patchSettings(current: MerchantSettings, patch: unknown, firstAdminEmail: string): MerchantSettings {
  refusePassingScore(patch, '');
  checkKeys(patch, SHAPE, '');
  const defaults = defaultSettings(firstAdminEmail);
  const merged = mergePatch(current, patch) as Partial<MerchantSettings>;
  const filled = fillDefaults(merged, defaults as unknown as Record<string, unknown>) as unknown as MerchantSettings;
  for (const key of Object.keys(SHAPE) as (keyof MerchantSettings)[])
    if (filled[key] === undefined) throw missingParam(key);
  return validateSettings(filled);
}

function fillDefaults(value: Record<string, unknown>, defaults: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...value };
  for (const [k, d] of Object.entries(defaults)) {
    if (out[k] === undefined) out[k] = d;
    else if (d && typeof d === 'object' && !Array.isArray(d) && k !== 'byMethod' && k !== 'theme') {
      out[k] = fillDefaults(out[k] as Record<string, unknown>, d as Record<string, unknown>);
    }
  }
  return out;
}
