import type { CreditDecisionStatus } from './customer-types.js';

/** A credit application has a decision (`pending` first when the bureau is slow, then the final one). */
export interface CcCreditDecisionDetail {
  applicationId: string;
  contactId: string;
  status: CreditDecisionStatus;
}

export class CcCreditDecisionEvent extends CustomEvent<CcCreditDecisionDetail> {
  static readonly eventName = 'cc-credit-decision';

  constructor(detail: CcCreditDecisionDetail) {
    const { applicationId, contactId, status } = detail;
    super(CcCreditDecisionEvent.eventName, {
      bubbles: true,
      composed: true,
      detail: { applicationId, contactId, status },
    });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cc-credit-decision': CcCreditDecisionEvent;
  }
}
