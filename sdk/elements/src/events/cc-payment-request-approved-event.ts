/** The customer answered a payment request. */
export interface CcPaymentRequestDetail {
  paymentRequestId: string;
  contactId: string;
}

/** The customer approved a payment request: money can now move on it. */
export class CcPaymentRequestApprovedEvent extends CustomEvent<CcPaymentRequestDetail> {
  static readonly eventName = 'cc-payment-request-approved';

  constructor(detail: CcPaymentRequestDetail) {
    super(CcPaymentRequestApprovedEvent.eventName, {
      bubbles: true,
      composed: true,
      detail: { paymentRequestId: detail.paymentRequestId, contactId: detail.contactId },
    });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cc-payment-request-approved': CcPaymentRequestApprovedEvent;
  }
}
