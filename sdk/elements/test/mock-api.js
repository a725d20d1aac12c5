// A faithful stand-in for the CustomerConnect API in the browser tests (wtr middleware):
// the widget endpoints of shared/spec/api.md with the real backend's credentials, error
// envelope, 401/403/404/409/422 codes and Idempotency-Key replays, over real fetch and HTTP.
// Test-only helpers live under /__mock/ (reset, settings changes, seeded offers, request log).
import { acceptOffer, authenticateCustomer, declineOffer, getApplication, getOffer } from './mock/customer.js';
import { createApplication, idempotent, validateApplication } from './mock/credit-application.js';
import { MockApiError, readJson, send } from './mock/http.js';
import {
  authenticatePublishable,
  merchantByKey,
  patchSettings,
  publicConfig,
  resetMerchants,
  testKeys,
} from './mock/merchants.js';
import { addContact, offerTerms, offerView, openSession, resetStore, store } from './mock/store.js';
import { resetWallet, walletRoutes } from './mock/wallet.js';

export { testKeys };

const routes = [
  [
    'GET',
    /^\/v1\/public\/config$/,
    async (context) => {
      const { key, merchant } = authenticatePublishable(context);
      if (key === testKeys.slow) await new Promise((done) => setTimeout(done, 300));
      return publicConfig(merchant);
    },
  ],
  [
    'POST',
    /^\/v1\/credit-applications$/,
    async (context, body) => {
      const { key, merchant } = authenticatePublishable(context);
      const result = idempotent(key, context.get('Idempotency-Key'), body, () => {
        validateApplication(body, merchant);
        return { answer: createApplication(body, merchant) };
      });
      if (!result.replayed) return send(context, 201, result.answer);
      // A replay answers the same object with its secret (the customer session) left out.
      const { customerSession: _secret, ...replay } = result.answer;
      send(context, 201, replay, { 'Idempotent-Replayed': 'true' });
    },
  ],
  [
    'GET',
    /^\/v1\/customer\/credit-applications\/([^/]+)$/,
    (context, _body, id) => getApplication(authenticateCustomer(context), id),
  ],
  [
    'GET',
    /^\/v1\/customer\/terms-offers\/([^/]+)$/,
    (context, _body, id) => getOffer(authenticateCustomer(context), id),
  ],
  [
    'POST',
    /^\/v1\/customer\/terms-offers\/([^/]+)\/accept$/,
    (context, body, id) => acceptOffer(authenticateCustomer(context), id, body),
  ],
  [
    'POST',
    /^\/v1\/customer\/terms-offers\/([^/]+)\/decline$/,
    (context, _body, id) => declineOffer(authenticateCustomer(context), id),
  ],
  // The wallet's endpoints and their test helpers (test/mock/wallet.js).
  ...walletRoutes,
  // Test helpers.
  [
    'POST',
    /^\/__mock\/reset$/,
    () => {
      resetMerchants();
      resetStore();
      resetWallet();
      return { ok: true };
    },
  ],
  [
    'POST',
    /^\/__mock\/settings$/,
    (_context, { publishableKey, ...patch }) => {
      patchSettings(publishableKey, patch);
      return { ok: true };
    },
  ],
  [
    'POST',
    /^\/__mock\/terms-offers$/,
    (_context, { publishableKey, email = 'buyer@example.com', ...terms }) => {
      const merchant = merchantByKey(publishableKey);
      const contact = addContact(merchant.id, email, 'Buyer Co');
      contact.status = 'verified';
      return { offer: offerTerms(merchant, contact.id, terms), session: openSession(merchant.id, contact.id) };
    },
  ],
  [
    'POST',
    /^\/__mock\/terms-offers\/([^/]+)\/withdraw$/,
    (_context, _body, id) => {
      const offer = store.offers.get(id);
      offer.status = 'withdrawn';
      return offerView(offer);
    },
  ],
  ['GET', /^\/__mock\/requests$/, () => store.requests],
];

export async function mockApi(context, next) {
  const route = routes.find(([method, path]) => method === context.method && path.test(context.path));
  if (!route) {
    if (context.path.startsWith('/v1/'))
      return send(context, 404, { error: { type: 'not_found', code: 'route_not_found', message: 'No such route.' } });
    return next();
  }
  const [, path, handle] = route;
  try {
    const body = context.method === 'POST' ? await readJson(context) : undefined;
    if (context.path.startsWith('/v1/')) record(context, body);
    const answer = await handle(context, body, ...path.exec(context.path).slice(1));
    if (answer !== undefined) send(context, 200, answer);
  } catch (error) {
    if (!(error instanceof MockApiError)) throw error;
    send(context, error.status, { error: error.body });
  }
}

function record(context, body) {
  store.requests.push({
    method: context.method,
    path: context.path,
    query: context.querystring,
    idempotencyKey: context.get('Idempotency-Key') || null,
    authorization: context.get('Authorization') || null,
    publishableKey: context.get('CC-Publishable-Key') || null,
    body: body ?? null,
  });
}
