import { StateMachine } from '../../platform/state-machine/state-machine.js';
import type { InvoiceStatus } from './invoice.entity.js';

export type InvoiceEvent =
  | 'paid_in_full'
  | 'paid_in_part'
  | 'credited_in_full'
  | 'disputed'
  | 'voided'
  | 'resolved_to_open'
  | 'resolved_to_partially_paid'
  | 'resolved_to_paid'
  | 'refunded_to_open'
  | 'refunded_to_partially_paid';

const PAYABLE: InvoiceStatus[] = ['open', 'partially_paid'];

/** The invoice status table of product.md, plus credits and refunds. `paid` and `void` are final but for a refund. */
export const invoiceLifecycle = new StateMachine<InvoiceStatus, InvoiceEvent>('invoice', {
  paid_in_full: { from: PAYABLE, to: 'paid' },
  paid_in_part: { from: PAYABLE, to: 'partially_paid' },
  credited_in_full: { from: PAYABLE, to: 'paid' },
  disputed: { from: PAYABLE, to: 'disputed' },
  voided: { from: ['open'], to: 'void' },
  resolved_to_open: { from: ['disputed'], to: 'open' },
  resolved_to_partially_paid: { from: ['disputed'], to: 'partially_paid' },
  resolved_to_paid: { from: ['disputed'], to: 'paid' },
  refunded_to_open: { from: ['paid', 'partially_paid'], to: 'open' },
  refunded_to_partially_paid: { from: ['paid', 'partially_paid'], to: 'partially_paid' },
});
