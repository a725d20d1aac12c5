/** The customer declined a terms offer: the contact stays verified and gets payment requests to approve. */
export interface CcTermsDeclinedDetail {
  offerId: string;
  contactId: string;
}

export class CcTermsDeclinedEvent extends CustomEvent<CcTermsDeclinedDetail> {
  static readonly eventName = 'cc-terms-declined';

  constructor(detail: CcTermsDeclinedDetail) {
    super(CcTermsDeclinedEvent.eventName, {
      bubbles: true,
      composed: true,
      detail: { offerId: detail.offerId, contactId: detail.contactId },
    });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cc-terms-declined': CcTermsDeclinedEvent;
  }
}
