import { paymentDetail, type CcPaymentDetail } from './cc-payment-succeeded-event.js';

/** A payment was refused: by the processor (402, with `paymentId` and `code`) or by the API (`code`). */
export class CcPaymentFailedEvent extends CustomEvent<CcPaymentDetail> {
  static readonly eventName = 'cc-payment-failed';

  constructor(detail: CcPaymentDetail) {
    super(CcPaymentFailedEvent.eventName, { bubbles: true, composed: true, detail: paymentDetail(detail) });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cc-payment-failed': CcPaymentFailedEvent;
  }
}
