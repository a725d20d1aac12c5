import { TERMS_ERRORS } from '../../errors/terms.js';
import { StateMachine } from '../../platform/state-machine/state-machine.js';
import type { OfferStatus } from './terms-offer.entity.js';

export type OfferEvent = 'accept' | 'decline' | 'withdraw' | 'expire';

/** An offer is answered once: every move leaves `offered` for good. */
export const offerLifecycle = new StateMachine<OfferStatus, OfferEvent>(
  'terms offer',
  {
    accept: { from: ['offered'], to: 'accepted' },
    decline: { from: ['offered'], to: 'declined' },
    withdraw: { from: ['offered'], to: 'withdrawn' },
    expire: { from: ['offered'], to: 'expired' },
  },
  TERMS_ERRORS.offer_not_open,
);
