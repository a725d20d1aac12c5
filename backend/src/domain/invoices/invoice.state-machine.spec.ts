import { describe, expect, it } from '@jest/globals';
import type { InvoiceStatus } from './invoice.entity.js';
import { invoiceLifecycle, type InvoiceEvent } from './invoice.state-machine.js';

const ALL: InvoiceStatus[] = ['open', 'partially_paid', 'paid', 'disputed', 'void'];
const LEGAL: Record<InvoiceEvent, Partial<Record<InvoiceStatus, InvoiceStatus>>> = {
  paid_in_full: { open: 'paid', partially_paid: 'paid' },
  paid_in_part: { open: 'partially_paid', partially_paid: 'partially_paid' },
  credited_in_full: { open: 'paid', partially_paid: 'paid' },
  disputed: { open: 'disputed', partially_paid: 'disputed' },
  voided: { open: 'void' },
  resolved_to_open: { disputed: 'open' },
  resolved_to_partially_paid: { disputed: 'partially_paid' },
  resolved_to_paid: { disputed: 'paid' },
  refunded_to_open: { paid: 'open', partially_paid: 'open' },
  refunded_to_partially_paid: { paid: 'partially_paid', partially_paid: 'partially_paid' },
};

describe('invoice lifecycle, transition by transition', () => {
  for (const [event, moves] of Object.entries(LEGAL) as [
    InvoiceEvent,
    Partial<Record<InvoiceStatus, InvoiceStatus>>,
  ][]) {
    for (const from of ALL) {
      it(`${from} --${event}--> ${moves[from] ?? 'refused'}`, () => {
        if (moves[from]) expect(invoiceLifecycle.next(from, event)).toBe(moves[from]);
        else expect(() => invoiceLifecycle.next(from, event)).toThrow();
      });
    }
  }
  it('never leaves void', () => {
    for (const event of Object.keys(LEGAL) as InvoiceEvent[]) expect(invoiceLifecycle.can('void', event)).toBe(false);
  });
});
