// /v1/customer/*: what a customer session (cs_) may read and do.
import { applicationView, approvedOnRetry, settle } from './credit-application.js';
import { conflict, invalid, missing, MockApiError, notFound, unauthenticated } from './http.js';
import { merchantById } from './merchants.js';
import { offerView, store } from './store.js';

/** A session token that the mock always answers as expired. */
export const expiredSessionToken = 'cs_test_expired';

export function authenticateCustomer(context) {
  const header = context.get('Authorization');
  if (!header) throw unauthenticated('authentication_required', 'Send a credential: a customer session.');
  const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
  if (token === expiredSessionToken)
    throw unauthenticated('session_expired', 'This session has expired; sign in again.');
  const session = token && store.sessions.get(token);
  if (!session) throw unauthenticated('invalid_credentials', 'This API key or session token is unknown or revoked.');
  return session;
}

/**
 * GET /v1/customer/credit-applications/:id: `{ application, contact, termsOffer? }` (the POST's
 * answer without a session); a pending application is decided on its second poll.
 */
export function getApplication(session, id) {
  const application = store.applications.get(id);
  if (!application || application.contactId !== session.contactId) throw notFound('credit application');
  if (application.status === 'pending' && ++application.polls >= 2) {
    Object.assign(application, approvedOnRetry);
    settle(application, merchantById(application.merchantId));
  }
  const contact = store.contacts.get(application.contactId);
  const offer = application.termsOfferId && store.offers.get(application.termsOfferId);
  return {
    application: applicationView(application),
    contact: { id: contact.id, status: contact.status },
    ...(offer ? { termsOffer: offerView(offer) } : {}),
  };
}

function ownOffer(session, id) {
  const offer = store.offers.get(id);
  if (!offer || offer.contactId !== session.contactId) throw notFound('terms offer');
  return offer;
}

/** The offer with what the merchant allows now, as the backend answers it. */
export function getOffer(session, id) {
  const merchant = merchantById(session.merchantId);
  return {
    ...offerView(ownOffer(session, id)),
    merchant: { name: merchant.name },
    termsPolicy: merchant.termsPolicy,
    allowedNetDays: merchant.allowedNetDays,
  };
}

/** POST .../accept { signatureName, netDays?, paymentMethodId? } under the merchant's current policy. */
export function acceptOffer(session, id, body = {}) {
  for (const field of Object.keys(body)) {
    if (!['signatureName', 'netDays', 'paymentMethodId'].includes(field))
      throw invalid('unknown_field', field, `${field} is not a known field.`);
  }
  if (typeof body.signatureName !== 'string' || body.signatureName.trim() === '') throw missing('signatureName');
  if (body.netDays !== undefined && !Number.isSafeInteger(body.netDays))
    throw invalid('parameter_invalid', 'netDays', 'netDays must be an integer.');
  const offer = ownOffer(session, id);
  if (offer.status !== 'offered') throw conflict('offer_not_open', `This offer is ${offer.status}.`);
  const merchant = merchantById(offer.merchantId);
  const netDays = body.netDays ?? offer.netDays;
  if (netDays !== offer.netDays) {
    if (merchant.termsPolicy === 'locked') {
      throw new MockApiError(
        409,
        'conflict',
        'terms_locked',
        'These terms are fixed by the merchant; accept them as offered or decline.',
        'netDays',
      );
    }
    if (!merchant.allowedNetDays.includes(netDays)) {
      throw invalid('net_days_not_allowed', 'netDays', `netDays must be one of ${merchant.allowedNetDays.join(', ')}.`);
    }
  }
  // netDays stays as offered; acceptedNetDays is what the customer chose.
  Object.assign(offer, {
    status: 'accepted',
    acceptedNetDays: netDays,
    signatureName: body.signatureName.trim(),
    answeredAt: new Date().toISOString(),
  });
  store.contacts.get(offer.contactId).status = 'authorized';
  return offerView(offer);
}

export function declineOffer(session, id) {
  const offer = ownOffer(session, id);
  if (offer.status !== 'offered') throw conflict('offer_not_open', `This offer is ${offer.status}.`);
  offer.status = 'declined';
  offer.answeredAt = new Date().toISOString();
  return offerView(offer);
}
