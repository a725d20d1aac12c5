import type { WalletPaymentMethod } from './wallet-types.js';

/** The customer added a card or bank account; only its brand and last 4 digits are known. */
export interface CcPaymentMethodAddedDetail {
  paymentMethod: WalletPaymentMethod;
}

export class CcPaymentMethodAddedEvent extends CustomEvent<CcPaymentMethodAddedDetail> {
  static readonly eventName = 'cc-payment-method-added';

  constructor(detail: CcPaymentMethodAddedDetail) {
    super(CcPaymentMethodAddedEvent.eventName, {
      bubbles: true,
      composed: true,
      detail: { paymentMethod: { ...detail.paymentMethod } },
    });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cc-payment-method-added': CcPaymentMethodAddedEvent;
  }
}
