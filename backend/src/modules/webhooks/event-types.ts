/**
 * Every event type an endpoint may subscribe to: the list of api.md plus what the code
 * emits besides (contact.contract_ended, terms_offer.*). The one list: a module that starts
 * emitting a new type adds it here, or endpoints cannot subscribe to it by name (`*` still
 * receives it).
 */
export const KNOWN_EVENT_TYPES = [
  'contact.verified',
  'contact.credit_declined',
  'contact.authorized',
  'contact.contract_ended',
  'terms_offer.created',
  'terms_offer.accepted',
  'terms_offer.declined',
  'terms_offer.withdrawn',
  'terms_offer.expired',
  'invoice.created',
  'invoice.paid',
  'invoice.disputed',
  'invoice.voided',
  'dispute.resolved',
  'payment.succeeded',
  'payment.failed',
  'payment_request.created',
  'payment_request.approved',
  'payment_request.declined',
  'payment_request.paid',
] as const;

export const ALL_EVENTS = '*';

const KNOWN = new Set<string>(KNOWN_EVENT_TYPES);
export const isKnownEventType = (type: string): boolean => KNOWN.has(type);

/** Whether an endpoint subscribed to `events` receives an event of `type`. */
export const subscribes = (events: readonly string[], type: string): boolean => events.includes(ALL_EVENTS) || events.includes(type);
