/** Something failed that the host page may want to report; `code` is stable, `message` is for people. */
export interface CcErrorDetail {
  code: string;
  message: string;
}

export class CcErrorEvent extends CustomEvent<CcErrorDetail> {
  static readonly eventName = 'cc-error';

  constructor(detail: CcErrorDetail) {
    super(CcErrorEvent.eventName, {
      bubbles: true,
      composed: true,
      detail: { code: detail.code, message: detail.message },
    });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cc-error': CcErrorEvent;
  }
}
