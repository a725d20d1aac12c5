import { PAYMENT_ERRORS } from '../../errors/payments.js';
import { StateMachine } from '../../platform/state-machine/state-machine.js';
import type { PaymentRequestStatus } from './payment-request.entity.js';

export type PaymentRequestEvent = 'approve' | 'decline' | 'cancel' | 'expire' | 'pay_in_part' | 'pay_in_full';

const OPEN: PaymentRequestStatus[] = ['pending_approval', 'approved', 'partially_paid'];

/** pending_approval → approved | declined | cancelled | expired; approved → partially_paid → paid. */
export const paymentRequestLifecycle = new StateMachine<PaymentRequestStatus, PaymentRequestEvent>(
  'payment request',
  {
    approve: { from: ['pending_approval'], to: 'approved' },
    decline: { from: ['pending_approval'], to: 'declined' },
    cancel: { from: OPEN, to: 'cancelled' },
    expire: { from: ['pending_approval'], to: 'expired' },
    pay_in_part: { from: ['approved', 'partially_paid'], to: 'partially_paid' },
    pay_in_full: { from: ['approved', 'partially_paid'], to: 'paid' },
  },
  PAYMENT_ERRORS.payment_request_not_open,
);
