import { describe, expect, it } from '@jest/globals';
import { ApiError } from '../../platform/errors/errors.js';
import type { ContactStatus } from './contact.entity.js';
import { contactLifecycle, type ContactEvent } from './contact.state-machine.js';

const ALL: ContactStatus[] = ['prospect', 'verified', 'authorized', 'credit_declined'];
const LEGAL: Record<ContactEvent, Partial<Record<ContactStatus, ContactStatus>>> = {
  credit_approved: { prospect: 'verified', credit_declined: 'verified' },
  credit_declined: { prospect: 'credit_declined', credit_declined: 'credit_declined' },
  terms_accepted: { verified: 'authorized' },
  contract_ended: { authorized: 'verified' },
};

describe('contact lifecycle', () => {
  for (const [event, moves] of Object.entries(LEGAL) as [
    ContactEvent,
    Partial<Record<ContactStatus, ContactStatus>>,
  ][]) {
    for (const from of ALL) {
      const to = moves[from];
      it(`${from} --${event}--> ${to ?? 'refused'}`, () => {
        if (to) expect(contactLifecycle.next(from, event)).toBe(to);
        else expect(() => contactLifecycle.next(from, event)).toThrow(ApiError);
      });
    }
  }
});
