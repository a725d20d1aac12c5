/** An error answer of the API (`{ error: { type, code, message, param? } }`), or no answer at all. */
export class CustomerConnectError extends Error {
  override readonly name = 'CustomerConnectError';
  constructor(
    /** The HTTP status; 0 when no answer came (network error after the retries). */
    readonly status: number,
    /** `invalid_request`, `authentication`, `permission`, `not_found`, `conflict`, `rate_limited`, `api_error`, `payment_error`, or `connection_error`. */
    readonly type: string,
    /** Stable: branch on this (`parameter_invalid`, `duplicate_invoice_number`, …), never on `message`. */
    readonly code: string,
    message: string,
    /** The field at fault, as a path (`lineItems.0.amount`), when there is one. */
    readonly param?: string,
    /** The whole error object as answered (e.g. `paymentId` with a `payment_error`). */
    readonly raw: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** `verifyWebhook` refused the delivery: `reason` says why. Answer it with a 400 and do not act on the body. */
export class WebhookVerificationError extends Error {
  override readonly name = 'WebhookVerificationError';
  constructor(
    readonly reason: 'unreadable' | 'stale' | 'signature_mismatch',
    message: string,
  ) {
    super(message);
  }
}
