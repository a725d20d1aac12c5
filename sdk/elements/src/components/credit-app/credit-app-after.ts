// What <cc-credit-app> needs only once the applicant sends the application: sending it and
// following the decision, the decision's view and the inline
// terms offer. The element imports this module on the first input (so the submit finds it
// there) and, at the latest, on submit: the form's first render does not wait for it.
import type { LitElement } from 'lit';
import '../../internal/decision-messages.js';
import type { CreditApplication } from '../../internal/customer-api.js';
import type { OfferPanelContext } from '../terms-offer/terms-offer-panel.js';
import { TermsOfferPanel } from '../terms-offer/terms-offer-panel.js';
import { CreditDecision } from './credit-app-decision.js';

export { renderDecision } from './credit-decision-view.js';

export interface FollowUp {
  decision: CreditDecision;
  offer: TermsOfferPanel;
}

/** The decision of `host`'s application and the terms offer shown under it, wired together. */
export function followUp(
  host: LitElement & { mode: string },
  context: () => Omit<OfferPanelContext, 'client' | 'contactId'>,
  onPolled: (application: CreditApplication) => void,
): FollowUp {
  const offer = new TermsOfferPanel(host, () => ({
    ...context(),
    client: decision.sessionClient,
    contactId: decision.answer?.contact.id,
  }));
  const decision = new CreditDecision(host, { onOffer: (terms) => offer.show(terms), onPolled });
  return { decision, offer };
}
