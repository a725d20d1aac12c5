/**
 * English texts the wallet elements (`<cc-wallet>`, `<cc-payment-request>`, `<cc-dispute-form>`,
 * `<cc-payment-method-form>`) show before a customer session is active: opening it, the gate
 * that asks for a fresh link, request errors. What they show signed in is `account-en.ts`, an
 * area loaded with the session. The reference table; Spanish and French have the same keys.
 */
export const walletEn = {
  loading: 'Loading…',
  cancel: 'Cancel',
  retry: 'Try again',
  optional: 'optional',
  merchantFallback: 'the merchant',
  required: (label: string) => `${label}: this field is required.`,

  session: {
    opening: 'Opening your account…',
    none: (merchant: string) => `Open the link in your latest email from ${merchant} to see your account.`,
    expiredTitle: 'Your secure link has expired',
    expiredBody: 'For your security, links and sessions expire after a while. We can email you a fresh link.',
    noKey: 'Open the link in your latest email to continue.',
    emailLabel: 'Your email address',
    emailInvalid: 'Enter an email address like name@company.com.',
    send: 'Email me a fresh link',
    sending: 'Sending a fresh link…',
    sent: 'Check your email: a fresh link is on its way.',
    failed: "We couldn't open your account.",
  },

  errors: {
    setup: "This isn't set up correctly on this website. Please contact the merchant.",
    generic: 'Something went wrong on our side. Please try again in a moment.',
    amount_empty: (label: string) => `${label}: enter an amount.`,
    amount_invalid: (example: string) => `Enter an amount like ${example}.`,
    amount_negative: 'Enter an amount above zero.',
    amount_too_many_decimals: (currency: string, decimals: number) =>
      decimals === 0
        ? `${currency} amounts have no decimals.`
        : `${currency} amounts have at most ${decimals} decimals.`,
    amount_too_large: 'This amount is too large.',
    currency_invalid: 'This currency is not supported.',
  },

  paymentErrors: {
    card_declined: 'Your card was declined. Try another payment method, or contact your card issuer.',
    insufficient_funds: "The payment didn't go through: there aren't enough funds. Try another payment method.",
    account_closed: "The payment didn't go through: this bank account is closed. Use another payment method.",
    processing_error: "The payment couldn't be processed. Try again, or use another payment method.",
    invoice_disputed: "This invoice is disputed: it can't be paid until the dispute is resolved.",
    invoice_not_payable: 'This invoice can no longer be paid.',
    approval_required: 'Approve this payment request before paying it.',
    payment_request_not_open: 'This payment request is no longer open.',
    partial_payment_not_allowed: 'An invoice is paid in full. To pay part of it, use a payment request.',
    payment_method: 'Choose how to pay.',
    below_minimum: (minimum: string) => `Pay at least ${minimum} with this payment method, or the whole amount left.`,
    exceeds_remaining: (remaining: string) => `You can pay at most ${remaining}.`,
  },
};

export type WalletMessages = typeof walletEn;
