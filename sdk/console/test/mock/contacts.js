// Contacts, their terms offers (terms_locked for members under `locked`), wallet links and credit applications.
import { error, notFound, page, throwIt } from './access.js';
import { id, now, store } from './store.js';

export const contactRoutes = [
  [
    'GET',
    /^\/v1\/contacts$/,
    (context) => {
      const q = (context.query.q ?? '').toLowerCase();
      return page(
        store.contacts.filter(
          (c) =>
            (!context.query.status || c.status === context.query.status) &&
            (!q || `${c.companyName} ${c.email}`.toLowerCase().includes(q)),
        ),
      );
    },
  ],
  [
    'POST',
    /^\/v1\/contacts$/,
    (_c, body) => {
      if (store.contacts.some((c) => c.email === body.email))
        throw error(409, 'conflict', 'contact_exists', 'A contact has this email.', 'email');
      const contact = {
        id: id('ct'),
        companyName: body.companyName,
        email: body.email,
        name: body.name ?? null,
        status: 'prospect',
        terms: null,
        createdAt: now(),
        updatedAt: now(),
      };
      store.contacts.unshift(contact);
      return contact;
    },
  ],
  [
    'GET',
    /^\/v1\/contacts\/([^/]+)$/,
    (_c, _b, _u, contactId) => store.contacts.find((c) => c.id === contactId) ?? throwIt(notFound()),
  ],
  [
    'GET',
    /^\/v1\/contacts\/([^/]+)\/terms-offers$/,
    (_c, _b, _u, contactId) => page(store.offers.filter((o) => o.contactId === contactId)),
  ],
  [
    'POST',
    /^\/v1\/contacts\/([^/]+)\/terms-offers$/,
    (_c, body, user, contactId) => {
      if (user.role !== 'admin' && store.merchant.settings.termsPolicy === 'locked')
        throw error(403, 'permission', 'terms_locked', 'Terms are locked by the admin.');
      const offer = {
        id: id('off'),
        contactId,
        netDays: body.netDays,
        creditLimit: body.creditLimit,
        currency: body.currency,
        status: 'offered',
        expiresAt: '2026-12-25T00:00:00.000Z',
        acceptedNetDays: null,
        createdAt: now(),
      };
      store.offers.unshift(offer);
      return offer;
    },
  ],
  ['POST', /^\/v1\/contacts\/([^/]+)\/wallet-links$/, (_c, _b, _u, contactId) => ({ sent: true, contactId })],
  ['DELETE', /^\/v1\/contacts\/([^/]+)\/wallet-links$/, (_c, _b, _u, contactId) => ({ revoked: true, contactId })],
  [
    'GET',
    /^\/v1\/credit-applications$/,
    (context) => page(store.applications.filter((a) => a.contactId === context.query.contactId)),
  ],
];
