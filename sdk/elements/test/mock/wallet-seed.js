// The wallet's test helpers under /__mock/wallet: seed a contact with data, expire links and sessions,
// change an invoice behind the widget's back, read the fresh-link requests.
import { randomSuffix } from './http.js';
import { merchantByKey } from './merchants.js';
import { addContact, openSession } from './store.js';
import { addMethod } from './wallet-methods.js';
import { contactView, invoiceView, requestView, walletStore } from './wallet-store.js';

export const walletTestRoutes = [
  ['POST', /^\/__mock\/wallet$/, (_context, body) => seedWallet(body)],
  [
    'POST',
    /^\/__mock\/wallet\/links\/([^/]+)\/expire$/,
    (_context, _body, token) => {
      walletStore.links.get(token).expired = true;
      return { ok: true };
    },
  ],
  [
    'POST',
    /^\/__mock\/wallet\/sessions\/([^/]+)\/expire$/,
    (_context, _body, token) => {
      walletStore.expiredSessions.add(token);
      return { ok: true };
    },
  ],
  [
    'POST',
    /^\/__mock\/wallet\/invoices\/([^/]+)$/,
    (_context, patch, id) => {
      Object.assign(walletStore.invoices.get(id), patch);
      return invoiceView(walletStore.invoices.get(id));
    },
  ],
  ['GET', /^\/__mock\/wallet\/fresh-links$/, () => walletStore.freshLinks],
];

/**
 * A contact of the merchant behind `publishableKey` with a wallet link, a session and the
 * given invoices, payment requests (`{ amount, invoice?: index, status?, minimumPercent? }`)
 * and payment methods (`{ type: 'card', number }` or `{ type: 'ach', accountNumber }`).
 */
function seedWallet({
  publishableKey,
  email = `buyer-${randomSuffix()}@example.com`,
  terms = null,
  invoices = [],
  requests = [],
  methods = [],
}) {
  const merchant = merchantByKey(publishableKey);
  const contact = addContact(merchant.id, email, 'Harbor Freight Logistics LLC');
  contact.status = terms ? 'authorized' : 'verified';
  contact.terms = terms;
  walletStore.keyOfContact.set(contact.id, publishableKey);
  const session = openSession(merchant.id, contact.id);
  const linkToken = `wl_test_${randomSuffix()}${randomSuffix()}`;
  walletStore.links.set(linkToken, { merchantId: merchant.id, contactId: contact.id, expired: false });
  const currency = merchant.defaultTerms.currency;
  const seededInvoices = invoices.map((spec, index) => {
    const invoice = {
      id: `inv_test_${randomSuffix()}`,
      merchantId: merchant.id,
      contactId: contact.id,
      number: spec.number ?? `INV-${1001 + index}`,
      amount: spec.amount,
      balance: spec.balance ?? spec.amount,
      currency: spec.currency ?? currency,
      status: spec.status ?? 'open',
      issuedAt: spec.issuedAt ?? '2025-01-02',
      dueDate: spec.dueDate ?? '2099-12-31',
      description: spec.description ?? null,
      lineItems: [],
    };
    walletStore.invoices.set(invoice.id, invoice);
    return invoiceView(invoice);
  });
  const seededRequests = requests.map((spec) => {
    const invoice = spec.invoice === undefined ? null : seededInvoices[spec.invoice];
    const request = {
      id: `pr_test_${randomSuffix()}`,
      merchantId: merchant.id,
      contactId: contact.id,
      invoiceId: invoice?.id ?? null,
      amount: spec.amount ?? invoice.balance,
      paidAmount: spec.paidAmount ?? 0,
      currency: spec.currency ?? invoice?.currency ?? currency,
      status: spec.status ?? 'pending_approval',
      dueDate: spec.dueDate ?? null,
      memo: spec.memo ?? null,
      minimumPercent: spec.minimumPercent ?? null,
      byMethod: { ...merchant.partialPayments.byMethod },
      defaultMinimumPercent: merchant.partialPayments.defaultMinimumPercent,
      scheduleId: null,
      approvedAt: null,
      createdAt: new Date().toISOString(),
    };
    walletStore.requests.set(request.id, request);
    return requestView(request);
  });
  const seededMethods = methods.map((spec) =>
    addMethod(
      { merchantId: merchant.id, contactId: contact.id },
      spec.type === 'ach'
        ? {
            type: 'ach',
            ach: {
              routingNumber: '110000000',
              accountNumber: spec.accountNumber ?? '000123456789',
              accountHolder: 'Harbor Freight',
            },
          }
        : {
            type: 'card',
            card: { number: spec.number ?? '4242424242424242', expMonth: 12, expYear: 2040, cvc: '123' },
          },
    ),
  );
  return {
    linkToken,
    session,
    contact: contactView(contact),
    invoices: seededInvoices,
    requests: seededRequests,
    methods: seededMethods,
  };
}
