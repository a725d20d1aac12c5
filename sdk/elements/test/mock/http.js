// Request and answer helpers for the mock API (Koa middleware of the wtr dev server).

/** An API error answer, thrown by handlers and turned into the error envelope by the router. */
export class MockApiError extends Error {
  constructor(status, type, code, message, param) {
    super(message);
    this.status = status;
    this.body = { type, code, message, ...(param === undefined ? {} : { param }) };
  }
}

export const invalid = (code, param, message) => new MockApiError(422, 'invalid_request', code, message, param);
export const missing = (param) => invalid('parameter_missing', param, `${param} is required.`);
export const conflict = (code, message) => new MockApiError(409, 'conflict', code, message);
export const notFound = (what) => new MockApiError(404, 'not_found', 'resource_missing', `No such ${what}.`);
export const unauthenticated = (code, message) => new MockApiError(401, 'authentication', code, message);

export function send(context, status, body, headers = {}) {
  context.status = status;
  context.type = 'application/json';
  for (const [name, value] of Object.entries(headers)) context.set(name, value);
  context.body = JSON.stringify(body);
}

/** The JSON body of a request (Koa leaves it unread); 400 when it cannot be parsed. */
export async function readJson(context) {
  const chunks = [];
  for await (const chunk of context.req) chunks.push(chunk);
  const text = Buffer.concat(chunks).toString('utf8');
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new MockApiError(400, 'invalid_request', 'body_invalid', 'The body is not valid JSON.');
  }
}

/** The page origin as the real backend reads it: Origin, or our own origin for a same-origin GET. */
export function requestOrigin(context) {
  const origin = context.get('Origin');
  if (origin && origin !== 'null') return origin.toLowerCase();
  if (context.get('Sec-Fetch-Site') === 'same-origin') return context.origin;
  return null;
}

export const randomSuffix = () => Math.random().toString(36).slice(2, 10);
