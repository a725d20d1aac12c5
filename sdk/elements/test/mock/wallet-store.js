// The mock wallet's data (links, invoices, payment requests, payments, methods, disputes), the
// customer-session checks, and the rows as the API shows them.
import { idempotent } from './credit-application.js';
import { authenticateCustomer } from './customer.js';
import { notFound, unauthenticated } from './http.js';

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

export const today = () => new Date().toISOString().slice(0, 10);
export const strip = (row, ...fields) =>
  Object.fromEntries(Object.entries(row).filter(([key]) => !fields.includes(key)));
export const page = (rows) => ({ data: rows, hasMore: false });
/** A cursor page (`limit`, `startingAfter`), newest first, as the backend pages every list. */
export function cursorPage(rows, { limit = 20, startingAfter } = {}) {
  const start = startingAfter ? rows.findIndex((row) => row.id === startingAfter) + 1 : 0;
  return { data: rows.slice(start, start + limit), hasMore: start + limit < rows.length };
}
export const newest = (map, predicate) => [...map.values()].filter(predicate).reverse();

export function customer(context) {
  const token = /^Bearer\s+(\S+)$/i.exec(context.get('Authorization') ?? '')?.[1];
  if (token && walletStore.expiredSessions.has(token))
    throw unauthenticated('session_expired', 'This session has expired; sign in again.');
  return authenticateCustomer(context);
}

export function own(map, session, id, what) {
  const row = map.get(id);
  if (!row || row.merchantId !== session.merchantId || row.contactId !== session.contactId || row.deleted)
    throw notFound(what);
  return row;
}

export function invoiceView(invoice) {
  const overdue = invoice.balance > 0 && invoice.dueDate < today() && invoice.status !== 'void';
  return { ...strip(invoice, 'merchantId', 'statusBeforeDispute'), overdue };
}

export function minimumPercent(request, type) {
  return request.minimumPercent ?? request.byMethod[type] ?? request.defaultMinimumPercent ?? 100;
}

export function minimumAmount(amount, percent) {
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

export const methodView = (method) => strip(method, 'merchantId', 'outcome', 'deleted');
export const paymentView = (payment) => strip(payment, 'merchantId');
export const disputeView = (dispute) => strip(dispute, 'merchantId');

export function contactView(contact) {
  return {
    id: contact.id,
    companyName: contact.companyName,
    email: contact.email,
    name: null,
    status: contact.status,
    terms: contact.terms ?? null,
  };
}

export function onIdempotent(context, session, body, run) {
  const result = idempotent(`${session.contactId}`, context.get('Idempotency-Key'), body, () => ({ answer: run() }));
  return result.answer;
}
