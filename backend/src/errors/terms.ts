import { defineErrors } from '../platform/errors/registry.js';

/**
 * Contacts, credit applications and terms. `terms_locked` is two entries sharing one wire code, as
 * the product rules require: a member offering terms under a `locked` policy is refused the right
 * (403), a customer accepting with another value than offered asks for what the offer is not (409).
 */
export const TERMS_ERRORS = defineErrors('Contacts, credit and terms', {
  contact_exists: {
    status: 409,
    message: 'This merchant already has a contact with that email.',
    when: 'this merchant has a contact with that email, `param: "email"`',
  },
  mode_not_allowed: {
    status: 403,
    message: 'This merchant does not take this kind of application.',
    when: 'a credit application whose `mode` is not in the merchant\'s `creditAppModes`, `param: "mode"`',
  },
  terms_locked_for_member: {
    code: 'terms_locked',
    status: 403,
    message: "Terms are locked by the merchant's admin: only an admin can offer or change a contact's terms.",
    when: 'a member offering terms, withdrawing an offer or ending a contract while `termsPolicy` is `locked`',
  },
  terms_locked_as_offered: {
    code: 'terms_locked',
    status: 409,
    message: 'These terms are fixed by the merchant; accept them as offered or decline.',
    when: 'a customer accepting with another `netDays` than offered while `termsPolicy` is `locked`, `param: "netDays"`',
  },
  net_days_not_allowed: {
    status: 422,
    message: 'netDays is not one of the allowed net days.',
    when: '`netDays` outside `allowedNetDays` (a member\'s offer or a customer\'s choice under `flexible`), `param: "netDays"`',
  },
  offer_not_open: {
    status: 409,
    message: 'This offer is no longer open.',
    when: 'answering or withdrawing a terms offer that is no longer `offered` (answered, withdrawn or expired)',
  },
  contact_not_verified: {
    status: 409,
    message: 'Terms can be offered only to a contact that passed a credit check.',
    when: 'offering terms to a contact that is not `verified` or `authorized`',
  },
});
