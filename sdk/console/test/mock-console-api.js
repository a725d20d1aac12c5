// The merchant side of the API for the console's browser tests (a wtr middleware placed before
// mock-api.js): dashboard login (ms_ sessions), the merchant and its settings (merge patch,
// admin only), overview, contacts, terms offers (terms_locked for members under `locked`),
// invoices (409 duplicate_invoice_number; edit, credit notes), payments and refunds, disputes,
// users, API keys and the SDK manifest,
// with the real backend's error envelope. It answers only dashboard credentials, the auth
// routes, /sdk/manifest.json and its /__console/ helpers; everything else goes on to sdk/elements/test/mock-api.js.
// The routes are in test/mock/, one file per API area; this router composes them.
import { MockApiError, readJson, send } from '../../elements/test/mock/http.js';
import { auth } from './mock/access.js';
import { accountRoutes } from './mock/account.js';
import { contactRoutes } from './mock/contacts.js';
import { disputeRoutes } from './mock/disputes.js';
import { invoiceRoutes } from './mock/invoices.js';
import { paymentRoutes } from './mock/payments.js';
import { testHelperRoutes } from './mock/test-helpers.js';
import { userAndKeyRoutes } from './mock/users-and-keys.js';
import { webhookRoutes } from './mock/webhooks.js';

/** [method, path pattern, handler(context, body, user, ...params), 'public'?]; user is undefined for public routes. */
const routes = [
  ...accountRoutes,
  ...contactRoutes,
  ...paymentRoutes,
  ...invoiceRoutes,
  ...disputeRoutes,
  ...userAndKeyRoutes,
  ...webhookRoutes,
  ...testHelperRoutes,
];

const isDashboard = (context) => (context.get('Authorization') ?? '').startsWith('Bearer ms_');

export async function mockConsoleApi(context, next) {
  const route = routes.find(
    ([method, path, , access]) =>
      method === context.method && path.test(context.path) && (access === 'public' || isDashboard(context)),
  );
  if (!route) {
    if (isDashboard(context) && context.path.startsWith('/v1/')) {
      return send(context, 404, { error: { type: 'not_found', code: 'route_not_found', message: 'No such route.' } });
    }
    return next();
  }
  const [, path, handle, access] = route;
  try {
    const body = ['POST', 'PATCH'].includes(context.method) ? await readJson(context) : undefined;
    const user = access === 'public' ? undefined : auth(context);
    const answer = await handle(context, body, user, ...path.exec(context.path).slice(1));
    send(
      context,
      context.method === 'POST' &&
        !context.path.startsWith('/__') &&
        !/\/(resolve|void|logout|login)$/.test(context.path)
        ? 201
        : 200,
      answer,
    );
  } catch (e) {
    if (!(e instanceof MockApiError)) throw e;
    send(context, e.status, { error: e.body });
  }
}
