// The wallet side of the mock API, as the real backend answers it (backend/src/modules/
// wallet, wallet-links, payments/customer-billing.controller.ts, payment-requests, disputes):
// wallet link exchange, "email me a fresh link", the wallet read, invoices, payment requests
// with snapshotted minimums, payment methods behind a simulated processor with the documented
// test numbers, payments (402 for refused charges) and disputes.
// Test-only helpers under /__mock/wallet seed a contact with data, expire links and sessions
// and change an invoice behind the widget's back.
import { idempotent } from './credit-application.js';
import { authenticateCustomer } from './customer.js';
import { conflict, invalid, missing, MockApiError, notFound, randomSuffix, send, unauthenticated } from './http.js';
import { authenticatePublishable, merchantById, merchantByKey } from './merchants.js';
import { addContact, openSession, store } from './store.js';

/** An error envelope with extra fields (`paymentId`, `minimum`, `remaining`), as the backend sends them. */
class MockApiErrorWith extends MockApiError {
  constructor(status, type, code, message, param, extra) {
    super(status, type, code, message, param);
    Object.assign(this.body, extra);
  }
}

export const walletStore = {
  links: new Map(), // token → { merchantId, contactId, expired }
  invoices: new Map(), // id → invoice (+ merchantId, statusBeforeDispute)
  requests: new Map(), // id → request (+ merchantId, minimum snapshot)
  payments: new Map(),
  methods: new Map(), // id → method (+ merchantId, contactId, outcome, deleted)
  disputes: new Map(),
  expiredSessions: new Set(),
  keyOfContact: new Map(), // contactId → the publishable key it was seeded under (some test merchants share an id)
  freshLinks: [], // { merchantId, email }
};

export function resetWallet() {
  for (const value of Object.values(walletStore)) {
    if (value instanceof Map || value instanceof Set) value.clear();
  }
  walletStore.freshLinks.length = 0;
}

const today = () => new Date().toISOString().slice(0, 10);
const strip = (row, ...fields) => Object.fromEntries(Object.entries(row).filter(([key]) => !fields.includes(key)));
const page = (rows) => ({ data: rows, hasMore: false });
/** A cursor page (`limit`, `startingAfter`), newest first, as the backend pages every list. */
function cursorPage(rows, { limit = 20, startingAfter } = {}) {
  const start = startingAfter ? rows.findIndex((row) => row.id === startingAfter) + 1 : 0;
  return { data: rows.slice(start, start + limit), hasMore: start + limit < rows.length };
}
const newest = (map, predicate) => [...map.values()].filter(predicate).reverse();

function customer(context) {
  const token = /^Bearer\s+(\S+)$/i.exec(context.get('Authorization') ?? '')?.[1];
  if (token && walletStore.expiredSessions.has(token))
    throw unauthenticated('session_expired', 'This session has expired; sign in again.');
  return authenticateCustomer(context);
}

function own(map, session, id, what) {
  const row = map.get(id);
  if (!row || row.merchantId !== session.merchantId || row.contactId !== session.contactId || row.deleted)
    throw notFound(what);
  return row;
}

export function invoiceView(invoice) {
  const overdue = invoice.balance > 0 && invoice.dueDate < today() && invoice.status !== 'void';
  return { ...strip(invoice, 'merchantId', 'statusBeforeDispute'), overdue };
}

function minimumPercent(request, type) {
  return request.minimumPercent ?? request.byMethod[type] ?? request.defaultMinimumPercent ?? 100;
}

function minimumAmount(amount, percent) {
  return Number((BigInt(amount) * BigInt(percent) + 99n) / 100n);
}

export function requestView(request) {
  const remaining = request.amount - request.paidAmount;
  const minimums = Object.fromEntries(
    ['card', 'ach'].map((type) => {
      const percent = minimumPercent(request, type);
      return [type, { percent, amount: Math.min(minimumAmount(request.amount, percent), remaining) }];
    }),
  );
  return { ...strip(request, 'merchantId', 'byMethod', 'defaultMinimumPercent'), remaining, minimums };
}

const methodView = (method) => strip(method, 'merchantId', 'outcome', 'deleted');
const paymentView = (payment) => strip(payment, 'merchantId');
const disputeView = (dispute) => strip(dispute, 'merchantId');

function contactView(contact) {
  return {
    id: contact.id,
    companyName: contact.companyName,
    email: contact.email,
    name: null,
    status: contact.status,
    terms: contact.terms ?? null,
  };
}

function luhn(digits) {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

const outcomes = {
  4000000000000002: 'card_declined',
  4000000000009995: 'insufficient_funds',
  '000111111113': 'account_closed',
};
const failures = {
  card_declined: 'The card was declined.',
  insufficient_funds: 'The card has insufficient funds.',
  account_closed: 'The bank account is closed.',
};

function brandOf(number) {
  if (number.startsWith('4')) return 'visa';
  if (/^5[1-5]|^2[2-7]/.test(number)) return 'mastercard';
  if (/^3[47]/.test(number)) return 'amex';
  if (/^6(?:011|5)/.test(number)) return 'discover';
  return 'card';
}

function addMethod(session, body) {
  if (typeof body !== 'object' || body === null) throw invalid('parameter_invalid', undefined, 'Send a JSON object.');
  for (const field of Object.keys(body))
    if (!['type', 'card', 'ach'].includes(field))
      throw invalid('unknown_field', field, `${field} is not a known field.`);
  if (!['card', 'ach'].includes(body.type)) throw invalid('parameter_invalid', 'type', "type must be 'card' or 'ach'");
  const method = {
    id: `pm_test_${randomSuffix()}`,
    merchantId: session.merchantId,
    contactId: session.contactId,
    type: body.type,
    createdAt: new Date().toISOString(),
  };
  if (body.type === 'card') {
    const card = body.card ?? {};
    if (body.card === undefined) throw missing('card');
    if (typeof card.number !== 'string' || !/^[\d\s-]{12,23}$/.test(card.number))
      throw invalid('parameter_invalid', 'card.number', 'card.number must be a card number');
    if (!Number.isInteger(card.expMonth) || card.expMonth < 1 || card.expMonth > 12)
      throw invalid('parameter_invalid', 'card.expMonth', 'card.expMonth must not be greater than 12');
    if (!Number.isInteger(card.expYear) || card.expYear < 0 || card.expYear > 2100)
      throw invalid('parameter_invalid', 'card.expYear', 'card.expYear must not be greater than 2100');
    if (typeof card.cvc !== 'string' || !/^\d{3,4}$/.test(card.cvc))
      throw invalid('parameter_invalid', 'card.cvc', 'card.cvc must be 3 or 4 digits');
    const number = card.number.replace(/[\s-]/g, '');
    if (!/^\d{12,19}$/.test(number) || !luhn(number))
      throw invalid('parameter_invalid', 'card.number', 'The card number is not valid.');
    const year = card.expYear < 100 ? 2000 + card.expYear : card.expYear;
    if (new Date(Date.UTC(year, card.expMonth, 1)) <= new Date())
      throw invalid('parameter_invalid', 'card.expYear', 'The card has expired.');
    Object.assign(method, {
      brand: brandOf(number),
      last4: number.slice(-4),
      expMonth: card.expMonth,
      expYear: year,
      outcome: outcomes[number] ?? 'ok',
    });
  } else {
    const ach = body.ach ?? {};
    if (body.ach === undefined) throw missing('ach');
    if (typeof ach.routingNumber !== 'string' || !/^\d{9}$/.test(ach.routingNumber))
      throw invalid('parameter_invalid', 'ach.routingNumber', 'The routing number must be 9 digits.');
    if (typeof ach.accountNumber !== 'string' || !/^\d{4,17}$/.test(ach.accountNumber))
      throw invalid('parameter_invalid', 'ach.accountNumber', 'The account number must be 4 to 17 digits.');
    if (typeof ach.accountHolder !== 'string' || ach.accountHolder.trim() === '')
      throw invalid(
        'parameter_invalid',
        'ach.accountHolder',
        'accountHolder must be longer than or equal to 1 characters',
      );
    Object.assign(method, {
      brand: 'bank_account',
      last4: ach.accountNumber.slice(-4),
      expMonth: null,
      expYear: null,
      outcome: outcomes[ach.accountNumber] ?? 'ok',
    });
  }
  method.isDefault = ![...walletStore.methods.values()].some((m) => m.contactId === session.contactId && !m.deleted);
  walletStore.methods.set(method.id, method);
  return methodView(method);
}

function methodFor(session, id) {
  const method = walletStore.methods.get(id);
  if (typeof id !== 'string') throw missing('paymentMethodId');
  if (!method || method.contactId !== session.contactId || method.deleted)
    throw invalid('parameter_invalid', 'paymentMethodId', `No payment method '${id}' for this contact.`);
  return method;
}

function assertPayable(invoice) {
  if (invoice.status === 'disputed')
    throw conflict('invoice_disputed', 'This invoice is disputed; it takes no payment until the dispute is resolved.');
  if (!['open', 'partially_paid'].includes(invoice.status))
    throw conflict('invoice_not_payable', `A ${invoice.status} invoice takes no payment.`);
}

/** One charge: a failed one is kept and answered 402 with its paymentId. */
function charge(session, method, amount, currency, invoice, request) {
  const payment = {
    id: `pay_test_${randomSuffix()}`,
    merchantId: session.merchantId,
    contactId: session.contactId,
    invoiceId: invoice?.id ?? null,
    paymentRequestId: request?.id ?? null,
    paymentMethodId: method.id,
    amount,
    refundedAmount: 0,
    currency,
    status: method.outcome === 'ok' ? 'succeeded' : 'failed',
    failureCode: method.outcome === 'ok' ? null : method.outcome,
    source: 'customer',
    createdAt: new Date().toISOString(),
  };
  walletStore.payments.set(payment.id, payment);
  if (payment.status === 'failed') {
    throw new MockApiErrorWith(402, 'payment_error', method.outcome, failures[method.outcome], 'paymentMethodId', {
      paymentId: payment.id,
    });
  }
  if (invoice) {
    invoice.balance -= amount;
    invoice.status = invoice.balance === 0 ? 'paid' : 'partially_paid';
    if (invoice.status === 'paid') {
      for (const other of walletStore.requests.values()) {
        if (
          other.invoiceId === invoice.id &&
          other !== request &&
          ['pending_approval', 'approved', 'partially_paid'].includes(other.status)
        )
          other.status = 'cancelled';
      }
    }
  }
  return paymentView(payment);
}

function onIdempotent(context, session, body, run) {
  const result = idempotent(`${session.contactId}`, context.get('Idempotency-Key'), body, () => ({ answer: run() }));
  return result.answer;
}

export const walletRoutes = [
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
  [
    'GET',
    /^\/v1\/customer\/invoices$/,
    (context) => {
      const session = customer(context);
      const rows = newest(walletStore.invoices, (row) => row.contactId === session.contactId && !row.deleted).map(
        invoiceView,
      );
      return cursorPage(rows, { limit: Number(context.query.limit) || 20, startingAfter: context.query.startingAfter });
    },
  ],
  [
    'GET',
    /^\/v1\/customer\/invoices\/([^/]+)$/,
    (context, _body, id) => invoiceView(own(walletStore.invoices, customer(context), id, 'invoice')),
  ],
  [
    'POST',
    /^\/v1\/customer\/invoices\/([^/]+)\/payments$/,
    (context, body, id) => {
      const session = customer(context);
      const answer = onIdempotent(context, session, body, () => {
        const invoice = own(walletStore.invoices, session, id, 'invoice');
        assertPayable(invoice);
        if (body?.amount !== undefined && body.amount !== invoice.balance) {
          throw invalid(
            'partial_payment_not_allowed',
            'amount',
            `An invoice is paid whole (${invoice.balance}); partial payments go through a payment request.`,
          );
        }
        const method = methodFor(session, body?.paymentMethodId);
        return charge(session, method, invoice.balance, invoice.currency, invoice, null);
      });
      send(context, 201, answer);
    },
  ],
  [
    'POST',
    /^\/v1\/customer\/invoices\/([^/]+)\/disputes$/,
    (context, body, id) => {
      const session = customer(context);
      const answer = onIdempotent(context, session, body, () => {
        for (const field of Object.keys(body ?? {}))
          if (!['amount', 'explanation'].includes(field))
            throw invalid('unknown_field', field, `${field} is not a known field.`);
        if (body?.amount === undefined) throw missing('amount');
        if (!Number.isSafeInteger(body.amount) || body.amount <= 0)
          throw invalid('parameter_invalid', 'amount', 'amount must be a positive whole number of minor units (cents)');
        const explanation = typeof body.explanation === 'string' ? body.explanation.trim() : undefined;
        if (explanation === undefined) throw missing('explanation');
        if (explanation === '') throw invalid('parameter_invalid', 'explanation', 'explanation must not be empty');
        if ([...explanation].length > 2000)
          throw invalid('parameter_invalid', 'explanation', 'explanation must be at most 2,000 characters');
        const invoice = own(walletStore.invoices, session, id, 'invoice');
        if (invoice.status === 'disputed')
          throw conflict('dispute_already_open', 'This invoice already has an open dispute.');
        if (!['open', 'partially_paid'].includes(invoice.status))
          throw conflict('invoice_not_disputable', `A ${invoice.status} invoice cannot be disputed.`);
        if (body.amount > invoice.balance)
          throw invalid(
            'parameter_invalid',
            'amount',
            `The dispute amount cannot exceed the invoice balance (${invoice.balance}).`,
          );
        const dispute = {
          id: `dsp_test_${randomSuffix()}`,
          merchantId: session.merchantId,
          invoiceId: invoice.id,
          contactId: session.contactId,
          amount: body.amount,
          currency: invoice.currency,
          explanation,
          status: 'open',
          outcome: null,
          note: null,
          resolvedAt: null,
          createdAt: new Date().toISOString(),
        };
        walletStore.disputes.set(dispute.id, dispute);
        invoice.statusBeforeDispute = invoice.status;
        invoice.status = 'disputed';
        return disputeView(dispute);
      });
      send(context, 201, answer);
    },
  ],
  [
    'GET',
    /^\/v1\/customer\/payment-requests$/,
    (context) => {
      const session = customer(context);
      const rows = newest(walletStore.requests, (row) => row.contactId === session.contactId).map(requestView);
      return cursorPage(rows, { limit: Number(context.query.limit) || 20, startingAfter: context.query.startingAfter });
    },
  ],
  [
    'GET',
    /^\/v1\/customer\/payment-requests\/([^/]+)$/,
    (context, _body, id) => requestView(own(walletStore.requests, customer(context), id, 'payment request')),
  ],
  [
    'POST',
    /^\/v1\/customer\/payment-requests\/([^/]+)\/(approve|decline)$/,
    (context, _body, id, action) => {
      const request = own(walletStore.requests, customer(context), id, 'payment request');
      if (request.status !== 'pending_approval')
        throw conflict('invalid_state_transition', `A ${request.status} payment request cannot be ${action}d.`);
      request.status = action === 'approve' ? 'approved' : 'declined';
      if (action === 'approve') request.approvedAt = new Date().toISOString();
      return requestView(request);
    },
  ],
  [
    'POST',
    /^\/v1\/customer\/payment-requests\/([^/]+)\/payments$/,
    (context, body, id) => {
      const session = customer(context);
      const answer = onIdempotent(context, session, body, () => {
        const request = own(walletStore.requests, session, id, 'payment request');
        if (body?.amount === undefined) throw missing('amount');
        if (!Number.isSafeInteger(body.amount) || body.amount <= 0)
          throw invalid('parameter_invalid', 'amount', 'amount must be a positive whole number of minor units (cents)');
        if (request.status === 'pending_approval')
          throw conflict('approval_required', 'Approve this payment request before paying it.');
        if (!['approved', 'partially_paid'].includes(request.status))
          throw conflict('payment_request_not_open', `A ${request.status} payment request takes no payment.`);
        const invoice = request.invoiceId ? walletStore.invoices.get(request.invoiceId) : null;
        if (invoice) assertPayable(invoice);
        const method = methodFor(session, body.paymentMethodId);
        const remaining = Math.min(request.amount - request.paidAmount, invoice ? invoice.balance : Infinity);
        const minimum = Math.min(minimumAmount(request.amount, minimumPercent(request, method.type)), remaining);
        if (body.amount > remaining)
          throw new MockApiErrorWith(
            422,
            'invalid_request',
            'exceeds_remaining_balance',
            `The most you can pay is ${remaining}.`,
            'amount',
            { minimum, remaining },
          );
        if (body.amount < minimum && body.amount !== remaining) {
          throw new MockApiErrorWith(
            422,
            'invalid_request',
            'below_minimum_payment',
            `The least you can pay is ${minimum} (or the whole ${remaining}).`,
            'amount',
            { minimum, remaining },
          );
        }
        const payment = charge(session, method, body.amount, request.currency, invoice, request);
        request.paidAmount += body.amount;
        request.status = request.paidAmount === request.amount ? 'paid' : 'partially_paid';
        return payment;
      });
      send(context, 201, answer);
    },
  ],
  [
    'GET',
    /^\/v1\/customer\/payment-methods$/,
    (context) => {
      const session = customer(context);
      return page(newest(walletStore.methods, (m) => m.contactId === session.contactId && !m.deleted).map(methodView));
    },
  ],
  [
    'POST',
    /^\/v1\/customer\/payment-methods$/,
    (context, body) => {
      const session = customer(context);
      send(
        context,
        201,
        onIdempotent(context, session, body, () => addMethod(session, body)),
      );
    },
  ],
  [
    'POST',
    /^\/v1\/customer\/payment-methods\/([^/]+)\/default$/,
    (context, _body, id) => {
      const session = customer(context);
      const method = own(walletStore.methods, session, id, 'payment method');
      for (const other of walletStore.methods.values())
        if (other.contactId === session.contactId) other.isDefault = false;
      method.isDefault = true;
      return methodView(method);
    },
  ],
  [
    'DELETE',
    /^\/v1\/customer\/payment-methods\/([^/]+)$/,
    (context, _body, id) => {
      const method = own(walletStore.methods, customer(context), id, 'payment method');
      Object.assign(method, { deleted: true, isDefault: false });
      return methodView(method);
    },
  ],

  // Test helpers.
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
