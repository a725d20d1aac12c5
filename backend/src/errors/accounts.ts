import { defineErrors } from '../platform/errors/registry.js';

/** Credentials, sessions, users, API keys and merchant settings. */
export const ACCOUNT_ERRORS = defineErrors('Credentials and accounts', {
  invalid_authorization: {
    status: 401,
    message: 'Send the credential as "Authorization: Bearer <token>".',
    when: 'an `Authorization` header that is not `Bearer <token>`',
  },
  invalid_credentials: {
    status: 401,
    message: 'This API key or session token is unknown or revoked.',
    when: 'unknown or revoked key or session; a session of a removed user; a `pk_` sent as a bearer token',
  },
  session_expired: {
    status: 401,
    message: 'This session has expired; sign in again.',
    when: 'an `ms_` or `cs_` session past its expiry',
  },
  invalid_login: {
    status: 401,
    message: 'The email or password is not right.',
    when: 'wrong email or password (one answer for both)',
  },
  link_invalid: {
    status: 401,
    message: 'This link is expired, used or unknown; ask for a new one.',
    when: 'a password-reset token that is expired, used or unknown; a wallet-link token that is expired, revoked or unknown (`POST /v1/customer/sessions`)',
  },
  credential_not_allowed: {
    status: 403,
    message: 'This endpoint does not take this kind of credential.',
    when: 'a valid credential of the wrong kind for the route',
  },
  origin_not_allowed: {
    status: 403,
    message: "A publishable key is accepted only from one of the merchant's allowedOrigins.",
    when: 'a publishable key from an origin not in `allowedOrigins`, or without an origin',
  },
  not_a_session: {
    status: 403,
    message: 'Only a dashboard session (ms_…) can log out; revoke API keys instead.',
    when: '`POST /v1/auth/logout` with a valid credential that is not a dashboard session (a readable request: not a `400`)',
  },
  admin_required: {
    status: 403,
    message: 'Only a merchant admin can do this.',
    when: 'a member (session or member secret key) on an admin-only route; a member setting a payment request\'s `minimumPercent` below the merchant\'s (`param: "minimumPercent"`)',
  },
  platform_policy: {
    status: 403,
    message: 'Only the platform underwriting team can do this.',
    when: 'a passing score anywhere in a settings patch (`param` its path); any non-platform credential on a platform-only route',
  },
  email_taken: {
    status: 409,
    message: 'A user with this email already exists.',
    when: 'a user with that email exists, in any merchant, `param: "email"`',
  },
  last_admin: {
    status: 409,
    message: 'A merchant must keep at least one admin; add another admin before removing this one.',
    when: "removing the merchant's only admin",
  },
});
