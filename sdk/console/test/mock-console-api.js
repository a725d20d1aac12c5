// The merchant side of the API for the console's browser tests (a wtr middleware placed before
// mock-api.js): dashboard login (ms_ sessions), the merchant and its settings (merge patch,
// admin only), overview, contacts, terms offers (terms_locked for members under `locked`),
// invoices (409 duplicate_invoice_number; edit, credit notes), payments and refunds, disputes,
// users, API keys and the SDK manifest,
// with the real backend's error envelope. It answers only dashboard credentials, the auth
// routes, /sdk/manifest.json and its /__console/ helpers; everything else goes on to sdk/elements/test/mock-api.js.
import { MockApiError, readJson, send } from '../../elements/test/mock/http.js';

const USERS = [
  { id: 'usr_admin', email: 'admin@test.example', name: 'Ada Admin', role: 'admin', password: 'admin-password' },
  { id: 'usr_member', email: 'member@test.example', name: 'Max Member', role: 'member', password: 'member-password' },
];

let store;
let seq = 0;
const id = (prefix) => `${prefix}_${String(++seq).padStart(6, '0')}`;
const now = () => new Date().toISOString();

function reset() {
  seq = 0;
  store = {
    sessions: new Map(),
    users: USERS.map((u) => ({ ...u, merchantId: 'mer_test', createdAt: '2026-01-05T10:00:00.000Z' })),
    merchant: {
      id: 'mer_test',
      name: 'Test Supply Co',
      createdAt: '2026-01-05T10:00:00.000Z',
      settings: {
        termsPolicy: 'locked',
        defaultTerms: { netDays: 30, creditLimit: 1000000, currency: 'USD' },
        allowedNetDays: [30],
        partialPayments: { defaultMinimumPercent: null, byMethod: {} },
        creditAppModes: ['credit_check', 'credit_check_with_terms'],
        allowedOrigins: ['https://shop.example'],
        walletUrl: null,
        notificationEmail: 'admin@test.example',
        theme: {},
      },
    },
    contacts: [
      {
        id: 'ct_acme',
        companyName: 'Acme Fabrication LLC',
        email: 'ap@acme.example',
        name: 'Jordan Lee',
        status: 'prospect',
        terms: null,
      },
      {
        id: 'ct_blue',
        companyName: 'Blue Ridge Builders',
        email: 'billing@blueridge.example',
        name: null,
        status: 'verified',
        terms: null,
      },
      {
        id: 'ct_cascade',
        companyName: 'Cascade Machine Works',
        email: 'ap@cascade.example',
        name: null,
        status: 'authorized',
        terms: { contractId: 'con_1', netDays: 45, creditLimit: 2500000, currency: 'USD' },
      },
    ].map((c) => ({ ...c, createdAt: '2026-02-01T10:00:00.000Z', updatedAt: '2026-02-01T10:00:00.000Z' })),
    offers: [],
    invoices: [
      invoice({ id: 'inv_acme1', number: 'INV-100', contactId: 'ct_acme', amount: 120000 }),
      invoice({
        id: 'inv_cascade1',
        number: 'INV-101',
        contactId: 'ct_cascade',
        amount: 90000,
        status: 'disputed',
        dueDate: '2026-01-01',
        overdue: true,
      }),
      {
        ...invoice({
          id: 'inv_blue1',
          number: 'INV-102',
          contactId: 'ct_blue',
          amount: 50000,
          status: 'partially_paid',
        }),
        paidAmount: 20000,
        balance: 30000,
      },
    ],
    payments: [
      {
        id: 'pay_1',
        contactId: 'ct_blue',
        invoiceId: 'inv_blue1',
        paymentRequestId: null,
        paymentMethodId: 'pm_1',
        amount: 20000,
        refundedAmount: 0,
        currency: 'USD',
        status: 'succeeded',
        failureCode: null,
        source: 'customer',
        createdAt: '2026-11-10T15:00:00.000Z',
      },
    ],
    disputes: [
      {
        id: 'dsp_1',
        invoiceId: 'inv_cascade1',
        contactId: 'ct_cascade',
        amount: 30000,
        currency: 'USD',
        explanation: 'Two pumps arrived damaged.',
        status: 'open',
        outcome: null,
        note: null,
        resolvedAt: null,
        createdAt: '2026-03-01T10:00:00.000Z',
      },
    ],
    applications: [
      {
        id: 'app_1',
        status: 'approved',
        mode: 'credit_check',
        score: 82,
        reasons: [{ code: 'strong_payment_history', description: 'Strong payment history' }],
        contactId: 'ct_blue',
        policyVersion: 1,
        modelVersion: 'builtin-1',
        decidedAt: '2026-02-02T10:00:00.000Z',
        createdAt: '2026-02-02T10:00:00.000Z',
      },
    ],
    keys: [
      {
        id: 'key_pk',
        kind: 'publishable',
        role: 'member',
        last4: 'test',
        publishableKey: 'pk_test_console',
        createdAt: '2026-01-05T10:00:00.000Z',
        revokedAt: null,
      },
      {
        id: 'key_sk',
        kind: 'secret',
        role: 'admin',
        last4: 'abcd',
        createdAt: '2026-01-05T10:00:00.000Z',
        revokedAt: null,
      },
    ],
    requests: [],
    endpoints: [],
  };
}

function invoice({
  id: invoiceId,
  number,
  contactId,
  amount,
  status = 'open',
  dueDate = '2026-12-31',
  overdue = false,
}) {
  return {
    id: invoiceId,
    number,
    contactId,
    amount,
    balance: amount,
    currency: 'USD',
    status,
    overdue,
    issuedAt: '2026-11-01',
    dueDate,
    description: null,
    lineItems: [],
    paidAmount: 0,
    refundedAmount: 0,
    creditedAmount: 0,
    autopay: null,
    createdAt: now(),
  };
}

reset();

const error = (status, type, code, message, param) => new MockApiError(status, type, code, message, param);
const notFound = () => error(404, 'not_found', 'resource_missing', 'No such id.', 'id');
const page = (data) => ({ data, hasMore: false });

function auth(context) {
  const header = context.get('Authorization');
  const session = store.sessions.get(header.slice('Bearer '.length));
  if (!session) throw error(401, 'authentication', 'invalid_credentials', 'Unknown or revoked credential.');
  if (session.expired) throw error(401, 'authentication', 'session_expired', 'The session has expired.');
  return store.users.find((u) => u.id === session.userId);
}

function adminOnly(user) {
  if (user.role !== 'admin') throw error(403, 'permission', 'admin_required', 'Only an admin may do this.');
}

const publicUser = ({ password: _p, ...user }) => user;

/** [method, path pattern, handler(context, body, user, ...params)]; user is undefined for public routes. */
const routes = [
  [
    'POST',
    /^\/v1\/auth\/login$/,
    (_c, body) => {
      const user = store.users.find((u) => u.email === body?.email && u.password === body?.password);
      if (!user) throw error(401, 'authentication', 'invalid_login', 'Wrong email or password.');
      const token = `ms_${id('tok')}`;
      store.sessions.set(token, { userId: user.id, expired: false });
      return { token, user: publicUser(user), expiresAt: new Date(Date.now() + 12 * 3600_000).toISOString() };
    },
    'public',
  ],
  ['POST', /^\/v1\/auth\/password-reset$/, () => ({ sent: true }), 'public'],
  [
    'POST',
    /^\/v1\/auth\/logout$/,
    (context) => {
      store.sessions.delete(context.get('Authorization').slice('Bearer '.length));
      return { loggedOut: true };
    },
  ],
  [
    'GET',
    /^\/sdk\/manifest\.json$/,
    () => ({
      script: '/sdk/cc-sdk.js',
      hashedPath: '/sdk/cc-sdk.0123456789ab.js',
      integrity: 'sha384-TESTINTEGRITY',
      version: '1.0.0',
      evergreen: '/sdk/v1/cc-sdk.js',
      pinned: '/sdk/1.0.0/cc-sdk.js',
    }),
    'public',
  ],
  ['GET', /^\/v1\/merchant$/, () => store.merchant],
  [
    'PATCH',
    /^\/v1\/merchant\/settings$/,
    (_c, body, user) => {
      adminOnly(user);
      if (body.walletUrl && !String(body.walletUrl).startsWith('https://'))
        throw error(422, 'invalid_request', 'parameter_invalid', 'walletUrl must be an https URL.', 'walletUrl');
      store.merchant = { ...store.merchant, settings: mergePatch(store.merchant.settings, body) };
      return store.merchant;
    },
  ],
  [
    'GET',
    /^\/v1\/overview$/,
    () => ({
      currencies: [
        { currency: 'USD', openBalance: 210000, overdueAmount: 90000, paymentsThisMonth: 55000 },
        { currency: 'EUR', openBalance: 4200, overdueAmount: 0, paymentsThisMonth: 0 },
      ],
      openDisputes: store.disputes.filter((d) => d.status === 'open').length,
      asOf: '2026-11-25',
    }),
  ],
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
  [
    'GET',
    /^\/v1\/payment-requests$/,
    (context) =>
      page(store.requests.filter((r) => !context.query.contactId || r.contactId === context.query.contactId)),
  ],
  [
    'GET',
    /^\/v1\/payments$/,
    (context) => {
      const { contactId, invoiceId, paymentRequestId } = context.query;
      return page(
        store.payments.filter(
          (p) =>
            (!contactId || p.contactId === contactId) &&
            (!invoiceId || p.invoiceId === invoiceId) &&
            (!paymentRequestId || p.paymentRequestId === paymentRequestId),
        ),
      );
    },
  ],
  [
    'POST',
    /^\/v1\/payments\/([^/]+)\/refunds$/,
    (_c, body, _u, paymentId) => {
      const payment = store.payments.find((p) => p.id === paymentId) ?? throwIt(notFound());
      const amount = body?.amount ?? payment.amount - payment.refundedAmount;
      if (amount <= 0 || amount > payment.amount - payment.refundedAmount)
        throw error(
          422,
          'invalid_request',
          'parameter_invalid',
          `At most ${payment.amount - payment.refundedAmount} can still be refunded.`,
          'amount',
        );
      payment.refundedAmount += amount;
      const inv = store.invoices.find((i) => i.id === payment.invoiceId);
      if (inv)
        Object.assign(inv, {
          refundedAmount: inv.refundedAmount + amount,
          balance: inv.balance + amount,
          status: inv.paidAmount - inv.refundedAmount - amount > 0 ? 'partially_paid' : 'open',
        });
      return payment;
    },
  ],
  [
    'GET',
    /^\/v1\/invoices$/,
    (context) => {
      const { status, contactId, overdue } = context.query;
      return page(
        store.invoices.filter(
          (i) =>
            (!status || i.status === status) &&
            (!contactId || i.contactId === contactId) &&
            (overdue !== 'true' || i.overdue),
        ),
      );
    },
  ],
  [
    'POST',
    /^\/v1\/invoices$/,
    (_c, body) => {
      if (store.invoices.some((i) => i.number === body.number))
        throw error(
          409,
          'conflict',
          'duplicate_invoice_number',
          `Invoice number '${body.number}' is already used.`,
          'number',
        );
      if (!store.contacts.some((c) => c.id === body.contactId))
        throw error(422, 'invalid_request', 'parameter_invalid', 'No such contact.', 'contactId');
      const amount = body.lineItems?.length
        ? body.lineItems.reduce((sum, l) => sum + l.quantity * l.unitAmount, 0)
        : body.amount;
      const created = {
        ...invoice({ id: id('inv'), number: body.number, contactId: body.contactId, amount }),
        currency: body.currency ?? 'USD',
        issuedAt: body.issuedAt,
        dueDate: body.dueDate ?? '2026-12-31',
        description: body.description ?? null,
        lineItems: body.lineItems ?? [],
      };
      store.invoices.unshift(created);
      return created;
    },
  ],
  [
    'GET',
    /^\/v1\/invoices\/([^/]+)$/,
    (_c, _b, _u, invoiceId) => store.invoices.find((i) => i.id === invoiceId) ?? throwIt(notFound()),
  ],
  [
    'PATCH',
    /^\/v1\/invoices\/([^/]+)$/,
    (_c, body, _u, invoiceId) => {
      const found = store.invoices.find((i) => i.id === invoiceId) ?? throwIt(notFound());
      if (found.status !== 'open' || found.paidAmount > 0)
        throw error(409, 'conflict', 'invoice_not_editable', 'Only an open invoice with nothing paid can be edited.');
      if (body.dueDate !== undefined && body.dueDate < found.issuedAt)
        throw error(422, 'invalid_request', 'parameter_invalid', 'dueDate cannot be before issuedAt.', 'dueDate');
      if (body.amount !== undefined)
        Object.assign(found, { amount: body.amount, balance: body.amount - found.creditedAmount });
      if (body.dueDate !== undefined) found.dueDate = body.dueDate;
      if (body.description !== undefined) found.description = body.description;
      return found;
    },
  ],
  [
    'POST',
    /^\/v1\/invoices\/([^/]+)\/credits$/,
    (_c, body, _u, invoiceId) => {
      const found = store.invoices.find((i) => i.id === invoiceId) ?? throwIt(notFound());
      if (!(body.amount > 0) || body.amount > found.balance)
        throw error(422, 'invalid_request', 'parameter_invalid', 'amount must be at most the balance.', 'amount');
      Object.assign(found, {
        creditedAmount: found.creditedAmount + body.amount,
        balance: found.balance - body.amount,
      });
      if (found.balance === 0) found.status = 'paid';
      return found;
    },
  ],
  [
    'POST',
    /^\/v1\/invoices\/([^/]+)\/void$/,
    (_c, _b, _u, invoiceId) => {
      const found = store.invoices.find((i) => i.id === invoiceId) ?? throwIt(notFound());
      if (found.status !== 'open')
        throw error(409, 'conflict', 'invoice_not_voidable', 'Only an open invoice can be voided.');
      Object.assign(found, { status: 'void', balance: 0 });
      return found;
    },
  ],
  [
    'GET',
    /^\/v1\/disputes$/,
    (context) =>
      page(
        store.disputes.filter(
          (d) =>
            (!context.query.status || d.status === context.query.status) &&
            (!context.query.contactId || d.contactId === context.query.contactId),
        ),
      ),
  ],
  [
    'GET',
    /^\/v1\/disputes\/([^/]+)$/,
    (_c, _b, _u, disputeId) => store.disputes.find((d) => d.id === disputeId) ?? throwIt(notFound()),
  ],
  [
    'POST',
    /^\/v1\/disputes\/([^/]+)\/resolve$/,
    (_c, body, _u, disputeId) => {
      const dispute = store.disputes.find((d) => d.id === disputeId) ?? throwIt(notFound());
      if (!['credit', 'reject'].includes(body?.outcome))
        throw error(422, 'invalid_request', 'parameter_invalid', "outcome must be 'credit' or 'reject'", 'outcome');
      const inv = store.invoices.find((i) => i.id === dispute.invoiceId);
      if (body.outcome === 'credit') inv.balance -= dispute.amount;
      inv.status = 'open';
      Object.assign(dispute, { status: 'resolved', outcome: body.outcome, note: body.note ?? null, resolvedAt: now() });
      return dispute;
    },
  ],
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
  [
    'POST',
    /^\/v1\/payment-requests$/,
    (_c, body) => {
      if (body.minimumPercent !== undefined && (body.minimumPercent < 1 || body.minimumPercent > 100))
        throw error(422, 'invalid_request', 'parameter_invalid', 'minimumPercent must be 1-100.', 'minimumPercent');
      const { partialPayments } = store.merchant.settings;
      const percent = (m) =>
        body.minimumPercent ?? partialPayments.byMethod[m] ?? partialPayments.defaultMinimumPercent ?? 100;
      const minimums = Object.fromEntries(
        ['card', 'ach'].map((m) => [m, { percent: percent(m), amount: Math.ceil((body.amount * percent(m)) / 100) }]),
      );
      const request = {
        id: id('pr'),
        contactId: body.contactId,
        invoiceId: null,
        amount: body.amount,
        paidAmount: 0,
        remaining: body.amount,
        currency: body.currency ?? 'USD',
        status: 'pending_approval',
        dueDate: body.dueDate ?? null,
        memo: body.memo ?? null,
        minimumPercent: body.minimumPercent ?? null,
        minimums,
        createdAt: now(),
      };
      store.requests.unshift(request);
      return request;
    },
  ],
  [
    'POST',
    /^\/v1\/payment-requests\/([^/]+)\/cancel$/,
    (_c, _b, _u, requestId) => {
      const request = store.requests.find((r) => r.id === requestId) ?? throwIt(notFound());
      request.status = 'cancelled';
      return request;
    },
  ],
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
  [
    'POST',
    /^\/v1\/invoices\/import$/,
    (_c, body) => {
      const lines = String(body.data).trim().split('\n').slice(1);
      const rows = lines.map((line, i) => {
        const [number, email] = line.split(',');
        return store.contacts.some((c) => c.email === email)
          ? { row: i + 1, number, status: 'ok' }
          : {
              row: i + 1,
              number,
              status: 'error',
              error: {
                code: 'contact_not_found',
                message: `No contact with the email ${email}.`,
                param: 'contactEmail',
              },
            };
      });
      const errors = rows.filter((r) => r.status === 'error').length;
      const summary = { total: rows.length, ok: rows.length - errors, errors };
      if (errors && !body.dryRun)
        throw Object.assign(error(422, 'invalid_request', 'import_invalid', 'Some rows are invalid.', 'data'), {});
      if (errors) return { dryRun: true, valid: false, imported: 0, summary, rows };
      return { dryRun: Boolean(body.dryRun), valid: true, imported: body.dryRun ? 0 : rows.length, summary, rows };
    },
  ],
  // Test helpers.
  ['POST', /^\/__console\/reset$/, () => (reset(), { ok: true }), 'public'],
  [
    'POST',
    /^\/__console\/expire$/,
    () => {
      for (const session of store.sessions.values()) session.expired = true;
      return { ok: true };
    },
    'public',
  ],
  [
    'POST',
    /^\/__console\/settings$/,
    (_c, body) => ((store.merchant.settings = mergePatch(store.merchant.settings, body)), { ok: true }),
    'public',
  ],
  [
    'GET',
    /^\/__console\/state$/,
    () => ({
      merchant: store.merchant,
      invoices: store.invoices,
      payments: store.payments,
      disputes: store.disputes,
      offers: store.offers,
      users: store.users.map(publicUser),
    }),
    'public',
  ],
];

function throwIt(e) {
  throw e;
}

function mergePatch(target, patch) {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return patch;
  const out = { ...(typeof target === 'object' && target !== null && !Array.isArray(target) ? target : {}) };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = mergePatch(out[key], value);
  }
  return out;
}

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
