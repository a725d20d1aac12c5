// Signing in and out (ms_ sessions), the SDK manifest, the merchant and its settings (merge patch, admin only), the overview.
import { adminOnly, error } from './access.js';
import { id, mergePatch, publicUser, store } from './store.js';

export const accountRoutes = [
  [
    'POST',
    /^\/v1\/auth\/login$/,
    (_c, body) => {
      const user = store.users.find((u) => u.email === body?.email && u.password === body?.password);
      if (!user) throw error(401, 'authentication', 'invalid_login', 'Wrong email or password.');
      const token = `ms_${id('tok')}`;
      store.sessions.set(token, { userId: user.id, expired: false });
      return { token, user: publicUser(user), expiresAt: new Date(Date.now() + 12 * 3600_000).toISOString() };
    },
    'public',
  ],
  ['POST', /^\/v1\/auth\/password-reset$/, () => ({ sent: true }), 'public'],
  [
    'POST',
    /^\/v1\/auth\/logout$/,
    (context) => {
      store.sessions.delete(context.get('Authorization').slice('Bearer '.length));
      return { loggedOut: true };
    },
  ],
  [
    'GET',
    /^\/sdk\/manifest\.json$/,
    () => ({
      script: '/sdk/cc-sdk.js',
      hashedPath: '/sdk/cc-sdk.0123456789ab.js',
      integrity: 'sha384-TESTINTEGRITY',
      version: '1.0.0',
      evergreen: '/sdk/v1/cc-sdk.js',
      pinned: '/sdk/1.0.0/cc-sdk.js',
    }),
    'public',
  ],
  ['GET', /^\/v1\/merchant$/, () => store.merchant],
  [
    'PATCH',
    /^\/v1\/merchant\/settings$/,
    (_c, body, user) => {
      adminOnly(user);
      if (body.walletUrl && !String(body.walletUrl).startsWith('https://'))
        throw error(422, 'invalid_request', 'parameter_invalid', 'walletUrl must be an https URL.', 'walletUrl');
      store.merchant = { ...store.merchant, settings: mergePatch(store.merchant.settings, body) };
      return store.merchant;
    },
  ],
  [
    'GET',
    /^\/v1\/overview$/,
    () => ({
      currencies: [
        { currency: 'USD', openBalance: 210000, overdueAmount: 90000, paymentsThisMonth: 55000 },
        { currency: 'EUR', openBalance: 4200, overdueAmount: 0, paymentsThisMonth: 0 },
      ],
      openDisputes: store.disputes.filter((d) => d.status === 'open').length,
      asOf: '2026-11-25',
    }),
  ],
];
