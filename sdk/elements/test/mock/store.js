// The mock API's data: contacts, credit applications, customer sessions, terms offers and
// idempotency records. Tests start from a clean store with POST /__mock/reset.
import { randomSuffix } from './http.js';

export const store = {
  contacts: new Map(), // id → { id, merchantId, email, companyName, status }
  applications: new Map(), // id → { id, merchantId, contactId, mode, status, score, reasons, polls, termsOfferId }
  sessions: new Map(), // token → { merchantId, contactId, expiresAt }
  offers: new Map(), // id → offer
  idempotency: new Map(), // `${credential} ${key}` → { body, status, answer }
  requests: [], // every /v1 request: { method, path, idempotencyKey, authorization, publishableKey, body }
};

/** Emails the demo merchants already have as contacts: applying with one answers no customer session. */
export const knownEmail = 'ap@known.example';

export function resetStore() {
  for (const value of Object.values(store)) {
    if (value instanceof Map) value.clear();
  }
  store.requests.length = 0;
}

export function findContact(merchantId, email) {
  const address = email.toLowerCase();
  if (
    address === knownEmail &&
    ![...store.contacts.values()].some((c) => c.email === address && c.merchantId === merchantId)
  ) {
    addContact(merchantId, address, 'Known Buyer Co');
  }
  return [...store.contacts.values()].find((contact) => contact.merchantId === merchantId && contact.email === address);
}

export function addContact(merchantId, email, companyName) {
  const contact = {
    id: `ct_test_${randomSuffix()}`,
    merchantId,
    email: email.toLowerCase(),
    companyName,
    status: 'prospect',
  };
  store.contacts.set(contact.id, contact);
  return contact;
}

export function openSession(merchantId, contactId) {
  const token = `cs_test_${randomSuffix()}${randomSuffix()}`;
  const expiresAt = new Date(Date.now() + 3600_000).toISOString();
  store.sessions.set(token, { merchantId, contactId, expiresAt });
  return { token, expiresAt };
}

export function offerTerms(merchant, contactId, terms = {}) {
  const offer = {
    id: `off_test_${randomSuffix()}`,
    contactId,
    status: 'offered',
    netDays: terms.netDays ?? merchant.defaultTerms.netDays,
    creditLimit: terms.creditLimit ?? merchant.defaultTerms.creditLimit,
    currency: terms.currency ?? merchant.defaultTerms.currency,
    expiresAt: new Date(Date.now() + 30 * 86400_000).toISOString(),
    applicationId: terms.applicationId ?? null,
    acceptedNetDays: null,
    answeredAt: null,
    createdAt: new Date().toISOString(),
  };
  store.offers.set(offer.id, { ...offer, merchantId: merchant.id });
  return offer;
}

/** An offer as the API shows it (without the mock's bookkeeping). */
export function offerView(offer) {
  const { merchantId: _merchantId, signatureName: _signature, ...view } = offer;
  return view;
}
