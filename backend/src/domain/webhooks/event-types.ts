/**
 * Every event type an endpoint may subscribe to: the list of api.md plus what the code
 * emits besides (contact.contract_ended, terms_offer.*, payment.refunded, …). The one list:
 * a module that starts emitting a new type adds it here, or endpoints cannot subscribe to it
 * by name (`*` still receives it).
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
  'invoice.autopay_awaiting_payment_method',
  'invoice.autopay_failed',
  'invoice.autopay_stopped',
  'dispute.created',
  'dispute.resolved',
  'payment.succeeded',
  'payment.failed',
  'payment.refunded',
  'payment_request.created',
  'payment_request.approved',
  'payment_request.declined',
  'payment_request.paid',
  'payment_request.cancelled',
  'payment_request.expired',
  'recurring_schedule.created',
  'recurring_schedule.paused',
  'recurring_schedule.resumed',
  'recurring_schedule.cancelled',
  'recurring_schedule.completed',
  'recurring_schedule.occurrence_created',
  'recurring_schedule.occurrence_failed',
  'recurring_schedule.series_approved',
] as const;

export const ALL_EVENTS = '*';

/**
 * The test event `POST /v1/webhook-endpoints/:id/test` sends (`data: { endpointId }`): to that
 * endpoint only, never fanned out, never in `GET /v1/events`, not subscribable.
 */
export const PING_EVENT = 'ping';

const KNOWN = new Set<string>(KNOWN_EVENT_TYPES);
export const isKnownEventType = (type: string): boolean => KNOWN.has(type);
