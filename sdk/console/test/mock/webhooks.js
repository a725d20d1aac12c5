// Webhook endpoints (admin creates; the secret is shown once), test events and the delivery log.
import { adminOnly, error, notFound, page, throwIt } from './access.js';
import { id, now, store } from './store.js';

export const webhookRoutes = [
  ['GET', /^\/v1\/webhook-endpoints$/, () => page(store.endpoints)],
  [
    'POST',
    /^\/v1\/webhook-endpoints$/,
    (_c, body, user) => {
      adminOnly(user);
      if (!String(body.url).startsWith('https://'))
        throw error(422, 'invalid_request', 'parameter_invalid', 'url must be an https URL.', 'url');
      const endpoint = {
        id: id('we'),
        url: body.url,
        events: body.events,
        status: 'active',
        createdAt: now(),
        updatedAt: now(),
      };
      store.endpoints.unshift(endpoint);
      return { ...endpoint, secret: 'whsec_test_shown_once' };
    },
  ],
  [
    'POST',
    /^\/v1\/webhook-endpoints\/([^/]+)\/test$/,
    (_c, _b, _u, endpointId) => {
      const endpoint = store.endpoints.find((e) => e.id === endpointId) ?? throwIt(notFound());
      const refused = endpoint.url.includes('down'); // a receiver that answers 503
      const statusCode = refused ? 503 : 200;
      return {
        id: id('wd'),
        endpointId,
        eventId: id('evt'),
        eventType: 'ping',
        status: refused ? 'failed' : 'succeeded',
        attempts: 1,
        lastStatusCode: statusCode,
        lastError: refused ? 'HTTP 503' : null,
        createdAt: now(),
        deliveredAt: refused ? null : now(),
        history: [{ at: now(), statusCode, error: refused ? 'HTTP 503' : null, durationMs: refused ? 12 : 42 }],
      };
    },
  ],
  [
    'GET',
    /^\/v1\/webhook-endpoints\/([^/]+)\/deliveries$/,
    () =>
      page([
        {
          id: 'wd_1',
          endpointId: 'we_1',
          eventId: 'evt_1',
          eventType: 'invoice.created',
          status: 'failed',
          attempts: 3,
          lastStatusCode: 500,
          lastError: null,
          createdAt: now(),
          deliveredAt: null,
          history: [],
        },
      ]),
  ],
];
