/** The customer saved a dispute: the invoice is now `disputed`. `amount` is in minor units of the invoice's currency. */
export interface CcDisputeSavedDetail {
  disputeId: string;
  invoiceId: string;
  amount: number;
}

export class CcDisputeSavedEvent extends CustomEvent<CcDisputeSavedDetail> {
  static readonly eventName = 'cc-dispute-saved';

  constructor(detail: CcDisputeSavedDetail) {
    super(CcDisputeSavedEvent.eventName, {
      bubbles: true,
      composed: true,
      detail: { disputeId: detail.disputeId, invoiceId: detail.invoiceId, amount: detail.amount },
    });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cc-dispute-saved': CcDisputeSavedEvent;
  }
}
