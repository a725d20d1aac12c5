import type { CcPaymentRequestDetail } from './cc-payment-request-approved-event.js';

/** The customer declined a payment request. */
export class CcPaymentRequestDeclinedEvent extends CustomEvent<CcPaymentRequestDetail> {
  static readonly eventName = 'cc-payment-request-declined';

  constructor(detail: CcPaymentRequestDetail) {
    super(CcPaymentRequestDeclinedEvent.eventName, {
      bubbles: true,
      composed: true,
      detail: { paymentRequestId: detail.paymentRequestId, contactId: detail.contactId },
    });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cc-payment-request-declined': CcPaymentRequestDeclinedEvent;
  }
}
