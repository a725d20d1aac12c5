import { getSchemaPath } from '@nestjs/swagger';
import { ContactDto } from '../domain/contacts/dto/contact.dto.js';
import { DisputeDto } from '../domain/disputes/dto/dispute.dto.js';
import { InvoiceDto } from '../domain/invoices/dto/invoice.dto.js';
import { PaymentRequestDto } from '../domain/payment-requests/dto/payment-request.dto.js';
import { PaymentDto } from '../domain/payments/dto/payment.dto.js';
import { RecurringScheduleDto } from '../domain/recurring/dto/recurring-schedule.dto.js';
import { TermsOfferDto } from '../domain/terms/dto/terms.dto.js';
import { KNOWN_EVENT_TYPES } from '../domain/webhooks/event-types.js';

/**
 * What `data` carries, by the event type's prefix: the object as it was after the change, under its camelCase
 * name (`invoice.paid` → `data.invoice`), plus any detail the event adds. A new event type in event-types.ts
 * appears in the document by itself; a new prefix needs one row here.
 */
/** A DTO class (its constructor), as @nestjs/swagger's `getSchemaPath` takes it. */
type DtoClass = abstract new (...args: never[]) => unknown;

const SUBJECTS: Record<string, [key: string, dto: DtoClass]> = {
  contact: ['contact', ContactDto],
  terms_offer: ['termsOffer', TermsOfferDto],
  invoice: ['invoice', InvoiceDto],
  dispute: ['dispute', DisputeDto],
  payment: ['payment', PaymentDto],
  payment_request: ['paymentRequest', PaymentRequestDto],
  recurring_schedule: ['recurringSchedule', RecurringScheduleDto],
};

/** Events about a schedule's occurrences carry ids and detail, not the schedule itself. */
const WITHOUT_SUBJECT = new Set([
  'recurring_schedule.occurrence_created',
  'recurring_schedule.occurrence_failed',
  'recurring_schedule.series_approved',
]);

export const WEBHOOK_MODELS = Object.values(SUBJECTS).map(([, dto]) => dto);

function dataSchema(type: string): Record<string, unknown> {
  const subject = SUBJECTS[type.slice(0, type.indexOf('.'))];
  if (!subject) return { type: 'object', additionalProperties: true };
  const [key, dto] = subject;
  return {
    type: 'object',
    properties: { [key]: { $ref: getSchemaPath(dto) } },
    ...(WITHOUT_SUBJECT.has(type) ? {} : { required: [key] }),
    additionalProperties: true,
  };
}

/** The `webhooks` section: one POST per event type, the body `{ id, type, createdAt, data }`, signed in `CC-Signature`. */
export function webhooksSection(types: readonly string[] = KNOWN_EVENT_TYPES): Record<string, unknown> {
  const section: Record<string, unknown> = {};
  for (const type of types) {
    section[type] = {
      post: {
        summary: `${type} event`,
        description:
          'POSTed to each endpoint subscribed to this type (or `*`). Verify `CC-Signature` (`t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`, one `v1=` per secret during a rotation) before trusting the body; answer 2xx within 10 seconds. Delivery is at least once: deduplicate on `id`.',
        parameters: [
          {
            name: 'CC-Signature',
            in: 'header',
            required: true,
            schema: { type: 'string' },
            example: 't=1767225600,v1=5f2b…',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['id', 'type', 'createdAt', 'data'],
                properties: {
                  id: { type: 'string', example: 'evt_01jf…' },
                  type: { type: 'string', const: type },
                  createdAt: { type: 'string', format: 'date-time' },
                  data: dataSchema(type),
                },
              },
            },
          },
        },
        responses: {
          '200': { description: 'Any 2xx acknowledges the delivery; anything else is retried with backoff.' },
        },
      },
    };
  }
  return section;
}
