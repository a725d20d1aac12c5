// The merchants the mock API knows, by publishable key. `allowedOrigins: ['self']` means
// the test server's own origin. Tests may change settings (POST /__mock/settings); every
// reset restores these.
import { MockApiError, requestOrigin, unauthenticated } from './http.js';

export const testKeys = {
  valid: 'pk_test_northwind', // flexible terms, net 30/45/60, USD
  themed: 'pk_test_branded',
  slow: 'pk_test_slow', // answers the config after 300 ms
  locked: 'pk_test_locked', // Acme: locked terms, net 30 only, EUR
  checkOnly: 'pk_test_check_only', // creditAppModes: credit_check only
  elsewhere: 'pk_test_elsewhere', // allowed only from https://shop.example
};

const northwind = {
  id: 'mer_test_northwind',
  name: 'Northwind Industrial Supply',
  termsPolicy: 'flexible',
  allowedNetDays: [30, 45, 60],
  defaultTerms: { netDays: 30, creditLimit: 1000000, currency: 'USD' },
  partialPayments: { defaultMinimumPercent: 25, byMethod: { card: 50 } },
  creditAppModes: ['credit_check', 'credit_check_with_terms'],
  allowedOrigins: ['self'],
  theme: {},
};

function seed() {
  return {
    [testKeys.valid]: northwind,
    [testKeys.slow]: northwind,
    [testKeys.themed]: {
      ...northwind,
      theme: { primaryColor: '#fde047', radius: '12px', fontFamily: 'Georgia, serif' },
    },
    [testKeys.locked]: {
      ...northwind,
      id: 'mer_test_acme',
      name: 'Acme Fasteners',
      termsPolicy: 'locked',
      allowedNetDays: [30],
      defaultTerms: { netDays: 30, creditLimit: 2500000, currency: 'EUR' },
      defaultCurrency: 'EUR',
    },
    [testKeys.checkOnly]: {
      ...northwind,
      id: 'mer_test_checkonly',
      name: 'Check Only Co',
      creditAppModes: ['credit_check'],
    },
    [testKeys.elsewhere]: {
      ...northwind,
      id: 'mer_test_elsewhere',
      name: 'Elsewhere Inc',
      allowedOrigins: ['https://shop.example'],
    },
  };
}

let merchants = seed();

export function resetMerchants() {
  merchants = seed();
}

export function patchSettings(publishableKey, patch) {
  merchants[publishableKey] = { ...merchants[publishableKey], ...patch };
}

export function merchantByKey(publishableKey) {
  const merchant = merchants[publishableKey];
  if (!merchant)
    throw new MockApiError(
      400,
      'invalid_request',
      'mock_unknown_key',
      `No mock merchant has the key ${publishableKey}.`,
    );
  return merchant;
}

export function merchantById(id) {
  return Object.values(merchants).find((merchant) => merchant.id === id);
}

/** `GET /v1/public/config`: what a publishable key may know. */
export function publicConfig(merchant) {
  const config = {
    merchant: { id: merchant.id, name: merchant.name },
    termsPolicy: merchant.termsPolicy,
    allowedNetDays: merchant.allowedNetDays,
    partialPayments: merchant.partialPayments,
    creditAppModes: merchant.creditAppModes,
    theme: merchant.theme,
  };
  if (merchant.defaultCurrency) config.defaultCurrency = merchant.defaultCurrency;
  return config;
}

/** The merchant of the request's publishable key, with the real backend's 401/403 codes. */
export function authenticatePublishable(context) {
  const key = context.get('CC-Publishable-Key');
  if (!key) throw unauthenticated('authentication_required', 'Send a credential: a publishable key.');
  const merchant = merchants[key];
  if (!merchant) throw unauthenticated('invalid_credentials', 'This publishable key is unknown or revoked.');
  const origin = requestOrigin(context);
  const allowed = merchant.allowedOrigins.map((entry) => (entry === 'self' ? context.origin : entry));
  if (!origin || !allowed.includes(origin)) {
    throw new MockApiError(
      403,
      'permission',
      'origin_not_allowed',
      origin
        ? `The origin ${origin} is not in this merchant's allowedOrigins; an admin can add it in settings.`
        : "A publishable key is accepted only from a browser page on one of the merchant's allowedOrigins (no Origin header was sent).",
    );
  }
  return { key, merchant };
}
