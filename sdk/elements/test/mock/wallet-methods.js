// Payment methods behind the simulated processor, with the documented test numbers (cards and ACH).
import { invalid, missing, randomSuffix, send } from './http.js';
import { customer, methodView, newest, onIdempotent, own, page, walletStore } from './wallet-store.js';

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

function brandOf(number) {
  if (number.startsWith('4')) return 'visa';
  if (/^5[1-5]|^2[2-7]/.test(number)) return 'mastercard';
  if (/^3[47]/.test(number)) return 'amex';
  if (/^6(?:011|5)/.test(number)) return 'discover';
  return 'card';
}

export function addMethod(session, body) {
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

export function methodFor(session, id) {
  const method = walletStore.methods.get(id);
  if (typeof id !== 'string') throw missing('paymentMethodId');
  if (!method || method.contactId !== session.contactId || method.deleted)
    throw invalid('parameter_invalid', 'paymentMethodId', `No payment method '${id}' for this contact.`);
  return method;
}

export const methodRoutes = [
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
];
