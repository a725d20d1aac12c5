/** The customer closed a form without saving it (its Cancel button, or Escape): fired only by elements with `cancelable`. */
export class CcCancelEvent extends CustomEvent<Record<string, never>> {
  static readonly eventName = 'cc-cancel';

  constructor() {
    super(CcCancelEvent.eventName, { bubbles: true, composed: true, detail: {} });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cc-cancel': CcCancelEvent;
  }
}
