/**
 * A payment's outcome. `amount` is in minor units of `currency`; `code` is the processor's
 * reason for a failure (`card_declined`, `insufficient_funds`, `account_closed`) or the API's
 * code when no charge was made. `invoiceId` or `paymentRequestId` says what was paid.
 */
export interface CcPaymentDetail {
  paymentId?: string;
  amount: number;
  currency: string;
  code?: string;
  invoiceId?: string;
  paymentRequestId?: string;
}

/** A copy of `detail` without the fields that are not set. */
export function paymentDetail(detail: CcPaymentDetail): CcPaymentDetail {
  const copy: CcPaymentDetail = { amount: detail.amount, currency: detail.currency };
  if (detail.paymentId) copy.paymentId = detail.paymentId;
  if (detail.code) copy.code = detail.code;
  if (detail.invoiceId) copy.invoiceId = detail.invoiceId;
  if (detail.paymentRequestId) copy.paymentRequestId = detail.paymentRequestId;
  return copy;
}

/** A payment went through. */
export class CcPaymentSucceededEvent extends CustomEvent<CcPaymentDetail> {
  static readonly eventName = 'cc-payment-succeeded';

  constructor(detail: CcPaymentDetail) {
    super(CcPaymentSucceededEvent.eventName, { bubbles: true, composed: true, detail: paymentDetail(detail) });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cc-payment-succeeded': CcPaymentSucceededEvent;
  }
}
