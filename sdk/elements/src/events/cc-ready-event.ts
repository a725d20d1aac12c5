import type { PublicConfig } from './public-config.js';

/** The element (or provider) has its configuration and is usable; `config` is the merchant's public config. */
export interface CcReadyDetail {
  config: PublicConfig;
}

export class CcReadyEvent extends CustomEvent<CcReadyDetail> {
  static readonly eventName = 'cc-ready';

  constructor(detail: CcReadyDetail) {
    super(CcReadyEvent.eventName, { bubbles: true, composed: true, detail: { config: detail.config } });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cc-ready': CcReadyEvent;
  }
}
