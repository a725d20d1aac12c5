import { afterAll, beforeAll } from '@jest/globals';
import { SessionsService } from '../../src/domain/users/sessions.service.js';
import { startApp, type TestApp } from './app.js';
import { applicationBody } from './credit.js';
import { signUpMerchant, unique, type SignedUpMerchant } from './factories.js';

export const CARDS = { ok: '4242 4242 4242 4242', declined: '4000 0000 0000 0002', insufficient: '4000000000009995' };

/** A contact that passed the credit check (verified), with a customer session. */
export async function verifiedContact(t: TestApp, merchantKey: string, merchantId: string, mode = 'credit_check') {
  const res = await t.http.post('/v1/credit-applications', applicationBody({ mode }), { token: merchantKey });
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  const session = (await t.app.get(SessionsService).createCustomerSession(merchantId, res.body.contact.id)).token;
  return { contactId: res.body.contact.id as string, session, offerId: res.body.termsOffer?.id as string | undefined };
}

/** A contact that accepted the merchant's default terms (authorized: net 30, limit 1,000,000 USD). */
export async function authorizedContact(t: TestApp, merchantKey: string, merchantId: string) {
  const c = await verifiedContact(t, merchantKey, merchantId, 'credit_check_with_terms');
  const res = await t.http.post(
    `/v1/customer/terms-offers/${c.offerId}/accept`,
    { signatureName: 'Jordan Lee' },
    { token: c.session },
  );
  if (res.status !== 200) throw new Error(JSON.stringify(res.body));
  return c;
}

export async function addCard(t: TestApp, session: string, number = CARDS.ok) {
  const res = await t.http.post(
    '/v1/customer/payment-methods',
    { type: 'card', card: { number, expMonth: 12, expYear: 2034, cvc: '123' } },
    { token: session },
  );
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  return res.body.id as string;
}

/**
 * What the 'invoices, payment requests and payments' suites share: one app and one merchant for the
 * describe (started before its tests, closed after), and `invoice()`, which keys one in for a contact.
 * `suite()` gives the app and merchant to the tests.
 */
export function billingSuite() {
  let t: TestApp;
  let m: SignedUpMerchant;
  beforeAll(async () => {
    t = await startApp();
    m = await signUpMerchant(t.http);
  });
  afterAll(async () => t?.close());
  const invoice = (contactId: string, over: Record<string, unknown> = {}) =>
    t.http.post(
      '/v1/invoices',
      { contactId, number: `INV-${unique()}`, amount: 100_000, ...over },
      { token: m.secretKey },
    );
  return { suite: () => ({ t, m }), invoice };
}
