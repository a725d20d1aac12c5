import { createHmac, timingSafeEqual } from 'node:crypto';
import { WebhookVerificationError } from './errors.js';
import type { components } from './schema.js';

/** A webhook event: `{ id, type, createdAt, data }` (`data` holds the object, e.g. `data.invoice`). */
export interface WebhookEvent<T = Record<string, unknown>> {
  id: string;
  type: string;
  createdAt: string;
  data: T & Partial<WebhookObjects>;
}

/** The objects events carry, by their key in `data`. */
export interface WebhookObjects {
  contact: components['schemas']['ContactDto'];
  termsOffer: components['schemas']['TermsOfferDto'];
  invoice: components['schemas']['InvoiceDto'];
  dispute: components['schemas']['DisputeDto'];
  payment: components['schemas']['PaymentDto'];
  paymentRequest: components['schemas']['PaymentRequestDto'];
  recurringSchedule: components['schemas']['RecurringScheduleDto'];
}

export interface VerifyOptions {
  /** How old (or how far ahead) the signature's `t` may be, in seconds. */
  toleranceSeconds?: number;
  /** The current time in unix seconds (tests). */
  now?: number;
}

/**
 * Checks a delivery's `CC-Signature` header (`t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`, one `v1=` per
 * signing secret during a rotation) against the endpoint's secret, over the raw body exactly as received.
 * Answers the parsed event, or throws a `WebhookVerificationError` for a stale, forged, tampered or unreadable one.
 */
export function verifyWebhook(
  rawBody: string | Buffer,
  signatureHeader: string | string[] | undefined,
  secret: string,
  { toleranceSeconds = 300, now = Math.floor(Date.now() / 1000) }: VerifyOptions = {},
): WebhookEvent {
  const header = Array.isArray(signatureHeader) ? signatureHeader.join(',') : signatureHeader;
  if (!header) throw new WebhookVerificationError('unreadable', 'No CC-Signature header.');
  if (!secret) throw new WebhookVerificationError('unreadable', 'No signing secret given.');
  let t: string | undefined;
  const signatures: Buffer[] = [];
  for (const part of header.split(',')) {
    const [key, value = ''] = part.trim().split('=', 2) as [string, string?];
    if (key === 't') t = value;
    else if (key === 'v1' && /^[0-9a-f]{64}$/i.test(value)) signatures.push(Buffer.from(value, 'hex'));
  }
  if (!t || !/^\d{1,12}$/.test(t) || signatures.length === 0)
    throw new WebhookVerificationError('unreadable', 'The CC-Signature header is not t=<seconds>,v1=<hex>.');
  if (Math.abs(now - Number(t)) > toleranceSeconds)
    throw new WebhookVerificationError('stale', `The signature is older (or newer) than ${toleranceSeconds} seconds.`);
  const body = typeof rawBody === 'string' ? Buffer.from(rawBody) : rawBody;
  const expected = createHmac('sha256', secret).update(`${t}.`).update(body).digest();
  if (!signatures.some((s) => s.length === expected.length && timingSafeEqual(s, expected)))
    throw new WebhookVerificationError('signature_mismatch', 'No v1 signature matches this body and secret.');
  let event: unknown;
  try {
    event = JSON.parse(body.toString('utf8'));
  } catch {
    throw new WebhookVerificationError('unreadable', 'The body is not JSON.');
  }
  const e = event as Partial<WebhookEvent>;
  if (!e || typeof e.id !== 'string' || typeof e.type !== 'string' || typeof e.data !== 'object')
    throw new WebhookVerificationError('unreadable', 'The body is not an event.');
  return e as WebhookEvent;
}
