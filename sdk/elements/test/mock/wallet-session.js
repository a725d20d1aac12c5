// Into the wallet: exchanging a link for a session, "email me a fresh link", and the wallet read.
import { invalid, send, unauthenticated } from './http.js';
import { authenticatePublishable, merchantById, merchantByKey } from './merchants.js';
import { openSession, store } from './store.js';
import {
  contactView,
  cursorPage,
  customer,
  disputeView,
  invoiceView,
  methodView,
  newest,
  page,
  paymentView,
  requestView,
  walletStore,
} from './wallet-store.js';

export const sessionRoutes = [
  [
    'POST',
    /^\/v1\/customer\/sessions$/,
    (context, body) => {
      const link = typeof body?.linkToken === 'string' ? walletStore.links.get(body.linkToken) : undefined;
      if (!link || link.expired)
        throw unauthenticated('link_invalid', 'This wallet link is expired, revoked or unknown; ask for a fresh one.');
      const contact = store.contacts.get(link.contactId);
      const merchant = merchantById(link.merchantId);
      const session = openSession(link.merchantId, link.contactId);
      send(context, 201, {
        ...session,
        contact: contactView(contact),
        merchant: { id: merchant.id, name: merchant.name },
      });
    },
  ],
  [
    'POST',
    /^\/v1\/public\/wallet-links$/,
    (context, body) => {
      const { merchant } = authenticatePublishable(context);
      if (typeof body?.email !== 'string' || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(body.email.trim()))
        throw invalid('parameter_invalid', 'email', 'email must be an email address');
      walletStore.freshLinks.push({ merchantId: merchant.id, email: body.email.trim().toLowerCase() });
      send(context, 202, { sent: true });
    },
  ],
  [
    'GET',
    /^\/v1\/customer\/wallet$/,
    (context) => {
      const session = customer(context);
      const contact = store.contacts.get(session.contactId);
      const key = walletStore.keyOfContact.get(session.contactId);
      const merchant = key ? merchantByKey(key) : merchantById(session.merchantId);
      const mine = (row) => row.contactId === session.contactId && !row.deleted;
      return {
        contact: contactView(contact),
        merchant: {
          id: merchant.id,
          name: merchant.name,
          termsPolicy: merchant.termsPolicy,
          allowedNetDays: merchant.allowedNetDays,
          partialPayments: merchant.partialPayments,
          theme: merchant.theme,
        },
        terms: contact.terms ?? null,
        invoices: cursorPage(newest(walletStore.invoices, mine).map(invoiceView), { limit: 50 }),
        paymentRequests: cursorPage(newest(walletStore.requests, mine).map(requestView), { limit: 50 }),
        payments: page(newest(walletStore.payments, mine).map(paymentView)),
        paymentMethods: page(newest(walletStore.methods, mine).map(methodView)),
        disputes: page(newest(walletStore.disputes, mine).map(disputeView)),
      };
    },
  ],
];
