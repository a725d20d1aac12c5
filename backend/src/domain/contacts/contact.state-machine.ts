import { StateMachine } from '../../platform/state-machine/state-machine.js';
import type { ContactStatus } from './contact.entity.js';

export type ContactEvent = 'credit_approved' | 'credit_declined' | 'terms_accepted' | 'contract_ended';

/** The contact lifecycle of product.md. A declined contact may apply again. */
export const contactLifecycle = new StateMachine<ContactStatus, ContactEvent>('contact', {
  credit_approved: { from: ['prospect', 'credit_declined'], to: 'verified' },
  credit_declined: { from: ['prospect', 'credit_declined'], to: 'credit_declined' },
  terms_accepted: { from: ['verified'], to: 'authorized' },
  contract_ended: { from: ['authorized'], to: 'verified' },
});
