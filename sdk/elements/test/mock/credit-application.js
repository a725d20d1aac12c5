// POST /v1/credit-applications as the contract (docs: shared/spec/api.md) describes it.
// Deterministic bureau test tax ids: 12-3456789 scores 82, 98-7654321 scores 31,
// 55-5555555 is pending until the second poll of GET /v1/customer/credit-applications/:id.
// Server-only checks the browser cannot know, to test 422 mapping: an applicant email at
// rejected.example (applicant.email), the city "Atlantis" (business.address.city).
import { conflict, invalid, missing, MockApiError } from './http.js';
import { addContact, findContact, offerTerms, openSession, store } from './store.js';

const passingScore = 60;

export function validateApplication(body, merchant) {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw invalid('parameter_invalid', undefined, 'Send a JSON object.');
  refuseUnknown(body, ['mode', 'business', 'applicant', 'requestedCreditLimit', 'consent'], '');
  if (body.mode === undefined) throw missing('mode');
  if (!['credit_check', 'credit_check_with_terms'].includes(body.mode))
    throw invalid('parameter_invalid', 'mode', 'mode must be credit_check or credit_check_with_terms.');
  if (!merchant.creditAppModes.includes(body.mode)) {
    throw new MockApiError(
      403,
      'permission',
      'mode_not_allowed',
      `This merchant does not offer the ${body.mode} credit application.`,
    );
  }
  const business = object(body, 'business', ['legalName', 'taxId', 'address', 'yearsInBusiness', 'annualRevenue']);
  text(business, 'business.legalName');
  text(business, 'business.taxId');
  if (!/^(?=(?:.*\d){5})[0-9A-Za-z][0-9A-Za-z .\-/]{3,29}$/.test(business.taxId.trim())) {
    throw invalid('parameter_invalid', 'business.taxId', 'taxId must be a tax id such as 12-3456789');
  }
  const address = object(business, 'business.address', ['line1', 'line2', 'city', 'region', 'postalCode', 'country']);
  for (const field of ['line1', 'city', 'region', 'postalCode']) text(address, `business.address.${field}`);
  text(address, 'business.address.line2', false);
  text(address, 'business.address.country');
  if (!/^[A-Z]{2}$/.test(address.country))
    throw invalid('parameter_invalid', 'business.address.country', 'country must be an ISO 3166 alpha-2 code.');
  if (address.city.trim().toLowerCase() === 'atlantis')
    throw invalid('parameter_invalid', 'business.address.city', 'We could not find this city in the country given.');
  integer(business, 'business.yearsInBusiness', 0);
  if (business.yearsInBusiness > 500)
    throw invalid('parameter_invalid', 'business.yearsInBusiness', 'yearsInBusiness must not be greater than 500');
  integer(business, 'business.annualRevenue', 0);
  const applicant = object(body, 'applicant', ['name', 'email', 'phone', 'title']);
  text(applicant, 'applicant.name');
  text(applicant, 'applicant.email');
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(applicant.email))
    throw invalid('parameter_invalid', 'applicant.email', 'email must be an email address.');
  if (applicant.email.toLowerCase().endsWith('@rejected.example'))
    throw invalid('parameter_invalid', 'applicant.email', 'This email address cannot receive mail.');
  text(applicant, 'applicant.phone', false);
  if (applicant.phone !== undefined && !/^\+?[0-9 ().-]{7,25}$/.test(applicant.phone.trim())) {
    throw invalid('parameter_invalid', 'applicant.phone', 'phone must be a phone number');
  }
  text(applicant, 'applicant.title', false);
  if (body.requestedCreditLimit !== undefined) integer(body, 'requestedCreditLimit', 1);
  const consent = object(body, 'consent', ['agreed', 'name']);
  if (consent.agreed === undefined) throw missing('consent.agreed');
  if (consent.agreed !== true)
    throw invalid('parameter_invalid', 'consent.agreed', 'The applicant must agree to the credit check.');
  text(consent, 'consent.name');
}

/** Makes the application (and the contact, session and offer it brings) and returns the answer. */
export function createApplication(body, merchant) {
  let contact = findContact(merchant.id, body.applicant.email);
  const created = !contact;
  if (!contact) contact = addContact(merchant.id, body.applicant.email, body.business.legalName);
  const application = {
    id: `app_test_${Math.random().toString(36).slice(2, 10)}`,
    merchantId: merchant.id,
    contactId: contact.id,
    mode: body.mode,
    polls: 0,
    termsOfferId: null,
    createdAt: new Date().toISOString(),
    ...decide(body.business.taxId),
  };
  store.applications.set(application.id, application);
  const offer = settle(application, merchant);
  const answer = { application: applicationView(application), contact: { id: contact.id, status: contact.status } };
  if (created) {
    answer.customerSession = openSession(merchant.id, contact.id);
    if (offer) answer.termsOffer = offer;
  }
  return answer;
}

/** Moves the contact after a decision and, with terms, offers the merchant's default terms. */
export function settle(application, merchant) {
  const contact = store.contacts.get(application.contactId);
  if (application.status !== 'pending') application.decidedAt = new Date().toISOString();
  if (application.status === 'approved') contact.status = 'verified';
  if (application.status === 'declined') contact.status = 'credit_declined';
  if (application.status !== 'approved' || application.mode !== 'credit_check_with_terms') return undefined;
  const offer = offerTerms(merchant, contact.id, { applicationId: application.id });
  application.termsOfferId = offer.id;
  return offer;
}

/** An application as a widget sees it (no termsOfferId: the offer itself comes with it). */
export function applicationView(application) {
  const { id, status, score, reasons, mode, contactId, decidedAt = null, createdAt } = application;
  return { id, status, mode, score, reasons, contactId, decidedAt, createdAt };
}

export const approvedOnRetry = {
  status: 'approved',
  score: 75,
  reasons: [{ code: 'years_in_business', description: 'Established business history.' }],
};

function decide(taxId) {
  if (taxId === '55-5555555') return { status: 'pending', score: null, reasons: [] };
  const score = taxId === '12-3456789' ? 82 : taxId === '98-7654321' ? 31 : 40 + (hash(taxId) % 60);
  if (score >= passingScore) {
    return {
      status: 'approved',
      score,
      reasons: [
        { code: 'payment_history', description: 'Bills are paid on time.' },
        { code: 'years_in_business', description: 'Established business history.' },
      ],
    };
  }
  return {
    status: 'declined',
    score,
    reasons: [
      { code: 'recent_delinquencies', description: 'Recent late payments were reported.' },
      { code: 'limited_credit_history', description: 'The business has a short credit history.' },
    ],
  };
}

function hash(text) {
  let value = 0;
  for (const char of text) value = (value * 31 + char.charCodeAt(0)) >>> 0;
  return value;
}

function refuseUnknown(value, allowed, prefix) {
  for (const field of Object.keys(value)) {
    if (!allowed.includes(field))
      throw invalid('unknown_field', `${prefix}${field}`, `${prefix}${field} is not a known field.`);
  }
}

function object(parent, path, allowed) {
  const name = path.split('.').at(-1);
  const value = parent[name];
  if (value === undefined) throw missing(path);
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw invalid('parameter_invalid', path, `${path} must be an object.`);
  refuseUnknown(value, allowed, `${path}.`);
  return value;
}

function text(parent, path, required = true) {
  const value = parent[path.split('.').at(-1)];
  if (value === undefined && !required) return;
  if (value === undefined || (typeof value === 'string' && value.trim() === '')) throw missing(path);
  if (typeof value !== 'string') throw invalid('parameter_invalid', path, `${path} must be a string.`);
}

function integer(parent, path, min) {
  const value = parent[path.split('.').at(-1)];
  if (value === undefined) throw missing(path);
  if (!Number.isSafeInteger(value) || value < min)
    throw invalid('parameter_invalid', path, `${path} must be an integer of at least ${min}.`);
}

/** Same key and body: the first answer again; same key, other body: 409. */
export function idempotent(credential, key, body, run) {
  if (!key) return run();
  const id = `${credential} ${key}`;
  const json = JSON.stringify(body);
  const seen = store.idempotency.get(id);
  if (seen && seen.body !== json)
    throw conflict('idempotency_key_reused', 'This Idempotency-Key was used with another body.');
  if (seen) return { ...seen.result, replayed: true };
  const result = run();
  store.idempotency.set(id, { body: json, result });
  return result;
}
