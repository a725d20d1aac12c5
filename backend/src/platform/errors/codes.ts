import { defineErrors } from './registry.js';

/** The codes of the platform: reading requests, generic validation, lookups, limits and outages. No product rule. */
export const PLATFORM_ERRORS = defineErrors('Requests and platform', {
  invalid_json: {
    status: 400,
    message: 'The body is not valid JSON.',
    when: 'the body is not JSON, is empty with a JSON content type, or has a `__proto__` key',
  },
  body_too_deep: {
    status: 400,
    message: 'The body nests too deeply.',
    when: 'a JSON body nested deeper than 32 levels (`param: "body"`), refused before any validation',
  },
  invalid_request: {
    status: 400,
    message: 'The request could not be read.',
    when: 'any other request that cannot be read',
  },
  authentication_required: {
    status: 401,
    message: 'Send a credential.',
    when: 'no credential on a route that needs one; `GET /metrics` without its token when `CC_METRICS_TOKEN` is set',
  },
  route_not_found: {
    status: 404,
    message: 'No such route.',
    when: 'no such route (also an unsupported method on an existing path)',
  },
  resource_missing: {
    status: 404,
    message: 'No such object.',
    when: 'no such id for this merchant (including another merchant\'s ids), `param: "id"`; no such SDK file',
  },
  idempotency_key_reused: {
    status: 409,
    message: 'This Idempotency-Key was used with another request; use a new key for a new request.',
    when: 'the same `Idempotency-Key` with another request, `param: "Idempotency-Key"`',
  },
  invalid_state: {
    status: 409,
    message: 'This object cannot make that move from its status.',
    when: 'a move its state machine refuses (e.g. ending the contract of a `verified` contact, resolving a dispute back to a status the invoice cannot take)',
  },
  payload_too_large: {
    status: 413,
    message: 'The request body is too large.',
    when: 'a body over 10 MiB',
  },
  unsupported_media_type: {
    status: 415,
    message: 'Send JSON with Content-Type: application/json.',
    when: 'a body that is neither JSON nor text',
  },
  unknown_field: {
    status: 422,
    message: 'Unknown field.',
    when: 'a body or query field the endpoint does not take, `param` names it',
  },
  parameter_missing: {
    status: 422,
    message: 'A required field is missing.',
    when: 'a required field absent or `null`, `param` names it',
  },
  parameter_invalid: {
    status: 422,
    message: 'The request is invalid.',
    when: 'a field that breaks its rule (type, range, format, a reference to no such object…), `param` names it; an `Idempotency-Key` header empty or longer than 255 characters (`param: "Idempotency-Key"`)',
  },
  rate_limited: {
    status: 429,
    message: 'Too many requests.',
    when: 'over the rate limit, or too many failed logins for one account; `Retry-After` in seconds',
  },
  internal_error: {
    status: 500,
    message: 'Something went wrong on our side.',
    when: 'a bug; the message quotes the request id',
  },
  database_unavailable: {
    status: 503,
    message: 'The database cannot be reached right now; retry shortly.',
    when: 'the database cannot be reached; `Retry-After: 5`. `/ready` answers the same',
  },
});
