import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { DomainEvent } from '../../platform/events/event.entity.js';
import { EventsService } from '../../platform/events/events.service.js';
import { OutboxService } from '../../platform/outbox/outbox.service.js';
import { NOTICE_TOPIC, type NoticeMessage, type NoticeTemplate } from './notice-message.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- event payloads are read field by field per type
type Rule = (data: Record<string, any>) => {
  template: NoticeTemplate;
  recipient: NoticeMessage['recipient'];
  contactId: string;
}[];

/** Which events tell whom what. Requests made for an invoice ride on the invoice's notice. */
const RULES: Record<string, Rule> = {
  'invoice.created': ({ invoice }) => [
    { template: 'invoice_issued', recipient: 'contact', contactId: invoice.contactId },
  ],
  'payment_request.created': ({ paymentRequest: r }) =>
    r.invoiceId ? [] : [{ template: 'payment_request', recipient: 'contact', contactId: r.contactId }],
  'payment.succeeded': ({ payment }) => [
    { template: 'payment_receipt', recipient: 'contact', contactId: payment.contactId },
  ],
  'payment.failed': ({ payment }) =>
    payment.source === 'automatic'
      ? [{ template: 'automatic_payment_failed', recipient: 'contact', contactId: payment.contactId }]
      : [],
  'invoice.autopay_awaiting_payment_method': ({ invoice }) => [
    { template: 'payment_method_needed', recipient: 'contact', contactId: invoice.contactId },
  ],
  'terms_offer.created': ({ termsOffer: o }) =>
    o.applicationId ? [] : [{ template: 'terms_offered', recipient: 'contact', contactId: o.contactId }],
  'dispute.created': ({ dispute: d }) => [
    { template: 'dispute_received', recipient: 'contact', contactId: d.contactId },
    { template: 'dispute_opened_merchant', recipient: 'merchant', contactId: d.contactId },
  ],
  'dispute.resolved': ({ dispute: d }) => [
    { template: 'dispute_resolved', recipient: 'contact', contactId: d.contactId },
  ],
};

/**
 * Reads every event in the transaction that writes it and queues the notices it calls for,
 * so a notice is never lost nor queued for a change that rolled back.
 */
@Injectable()
export class NoticesService implements OnModuleInit {
  constructor(
    private readonly events: EventsService,
    private readonly outbox: OutboxService,
  ) {}

  onModuleInit(): void {
    this.events.subscribe((event) => this.onEvent(event));
  }

  private async onEvent(event: DomainEvent): Promise<void> {
    const rule = RULES[event.type];
    if (!rule) return;
    for (const notice of rule(event.data)) {
      const message: NoticeMessage = { ...notice, data: { ...event.data, eventId: event.id } };
      await this.outbox.enqueue(event.merchantId, NOTICE_TOPIC, message as unknown as Record<string, unknown>);
    }
  }
}
