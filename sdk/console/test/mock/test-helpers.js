// The console tests' own helpers under /__console/: reset, expire every session, change settings, read the state.
import { mergePatch, publicUser, reset, store } from './store.js';

export const testHelperRoutes = [
  ['POST', /^\/__console\/reset$/, () => (reset(), { ok: true }), 'public'],
  [
    'POST',
    /^\/__console\/expire$/,
    () => {
      for (const session of store.sessions.values()) session.expired = true;
      return { ok: true };
    },
    'public',
  ],
  [
    'POST',
    /^\/__console\/settings$/,
    (_c, body) => ((store.merchant.settings = mergePatch(store.merchant.settings, body)), { ok: true }),
    'public',
  ],
  [
    'GET',
    /^\/__console\/state$/,
    () => ({
      merchant: store.merchant,
      invoices: store.invoices,
      payments: store.payments,
      disputes: store.disputes,
      offers: store.offers,
      users: store.users.map(publicUser),
    }),
    'public',
  ],
];
