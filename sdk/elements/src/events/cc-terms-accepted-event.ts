/** The customer accepted a terms offer: the contact is now authorized (a contract exists). */
export interface CcTermsAcceptedDetail {
  offerId: string;
  contactId: string;
}

export class CcTermsAcceptedEvent extends CustomEvent<CcTermsAcceptedDetail> {
  static readonly eventName = 'cc-terms-accepted';

  constructor(detail: CcTermsAcceptedDetail) {
    super(CcTermsAcceptedEvent.eventName, {
      bubbles: true,
      composed: true,
      detail: { offerId: detail.offerId, contactId: detail.contactId },
    });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cc-terms-accepted': CcTermsAcceptedEvent;
  }
}
