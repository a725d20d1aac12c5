// Users and API keys (admin only; a new secret key is shown once).
import { adminOnly, error, page } from './access.js';
import { id, now, publicUser, store } from './store.js';

export const userAndKeyRoutes = [
  ['GET', /^\/v1\/users$/, (_c, _b, user) => (adminOnly(user), page(store.users.map(publicUser)))],
  [
    'POST',
    /^\/v1\/users$/,
    (_c, body, user) => {
      adminOnly(user);
      if (store.users.some((u) => u.email === body.email))
        throw error(409, 'conflict', 'email_taken', 'A user with that email exists.', 'email');
      const created = { id: id('usr'), merchantId: 'mer_test', createdAt: now(), ...body };
      store.users.push(created);
      return publicUser(created);
    },
  ],
  ['GET', /^\/v1\/api-keys$/, (_c, _b, user) => (adminOnly(user), page(store.keys))],
  [
    'POST',
    /^\/v1\/api-keys$/,
    (_c, body, user) => {
      adminOnly(user);
      const key = {
        id: id('key'),
        kind: body.kind,
        role: body.role ?? 'member',
        last4: 'wxyz',
        createdAt: now(),
        revokedAt: null,
      };
      if (body.kind === 'publishable') key.publishableKey = `pk_test_${key.id}`;
      store.keys.unshift(key);
      return body.kind === 'secret' ? { ...key, secret: 'sk_test_shown_once_wxyz' } : key;
    },
  ],
];
