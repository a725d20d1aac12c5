/** A form is about to send `body` to the API; `preventDefault()` stops it. */
export interface CcBeforeSubmitDetail<Body = unknown> {
  body: Body;
}

export class CcBeforeSubmitEvent<Body = unknown> extends CustomEvent<CcBeforeSubmitDetail<Body>> {
  static readonly eventName = 'cc-before-submit';

  constructor(body: Body) {
    // A copy: the host reads what will be sent, but cannot change it.
    super(CcBeforeSubmitEvent.eventName, {
      bubbles: true,
      composed: true,
      cancelable: true,
      detail: { body: structuredClone(body) },
    });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cc-before-submit': CcBeforeSubmitEvent;
  }
}
