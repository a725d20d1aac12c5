/** The element (or provider) has its configuration and is usable. */
export type CcReadyDetail = Record<string, never>;

export class CcReadyEvent extends CustomEvent<CcReadyDetail> {
  static readonly eventName = 'cc-ready';

  constructor() {
    super(CcReadyEvent.eventName, { bubbles: true, composed: true, detail: {} });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cc-ready': CcReadyEvent;
  }
}
