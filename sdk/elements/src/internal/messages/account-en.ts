import { plural } from './plural.js';

/**
 * English texts of the wallet elements signed in: invoices, payment requests, payments,
 * payment methods, the dispute and payment method forms and the wallet. An area of the one
 * table, added once a customer session is active (`internal/account-messages.ts`), so a page
 * whose customer is not signed in downloads none of them. The reference table; Spanish and
 * French have the same keys.
 */
export const accountEn = {
  invoiceStatus: {
    open: 'Open',
    partially_paid: 'Partially paid',
    paid: 'Paid',
    disputed: 'Disputed',
    void: 'Void',
  },
  overdue: 'Overdue',

  requestStatus: {
    pending_approval: 'Awaiting your approval',
    approved: 'Approved',
    partially_paid: 'Partially paid',
    paid: 'Paid',
    declined: 'Declined',
    cancelled: 'Cancelled',
    expired: 'Expired',
  },

  paymentStatus: { succeeded: 'Succeeded', failed: 'Failed' },

  methods: {
    brands: {
      visa: 'Visa',
      mastercard: 'Mastercard',
      amex: 'American Express',
      discover: 'Discover',
      card: 'Card',
      bank_account: 'Bank account',
    } as Record<string, string>,
    ending: (brand: string, last4: string) => `${brand} ending in ${last4}`,
    expires: (month: string, year: number) => `expires ${month}/${year}`,
    isDefault: 'Default',
  },

  /** A refused charge (402) and other payment refusals, in plain words. */
  disputeForm: {
    title: (number: string) => `Dispute invoice ${number}`,
    intro: 'Tell the merchant what is wrong. The invoice is on hold while they look into it.',
    explanation: 'Explanation',
    explanationHint: 'What is wrong with this invoice? For example, goods that did not arrive or a wrong price.',
    count: (count: string, max: string) => `${count} of ${max} characters`,
    left: (count: string) => `${count} characters left`,
    tooLong: (max: string) => `Shorten the explanation to ${max} characters or fewer.`,
    invoiceAmount: 'Invoice Amount',
    disputeAmount: 'Dispute Amount',
    disputeAmountHint: (balance: string, example: string) =>
      `More than zero, up to ${balance}; for example ${example}.`,
    aboveBalance: (balance: string) => `The dispute amount can't be more than the invoice amount, ${balance}.`,
    save: 'Save',
    saving: 'Saving your dispute…',
    saved: (number: string, merchant: string) =>
      `Invoice ${number} is now disputed. We've told ${merchant}; you'll hear back by email.`,
    statusLabel: 'Status',
    alreadyOpen: 'This invoice already has an open dispute.',
    notDisputable: (status: string) => `This invoice can't be disputed: it is ${status.toLowerCase()}.`,
    notFound: "We couldn't find this invoice.",
    noInvoice: 'No invoice was given to dispute.',
  },

  methodForm: {
    title: 'Add a payment method',
    type: 'Type',
    card: 'Card',
    ach: 'Bank account (ACH)',
    cardNumber: 'Card number',
    expiry: 'Expiry date',
    expiryHint: 'MM/YY, as on the card.',
    cvc: 'Security code',
    cvcHint: 'The 3 or 4 digits on the card.',
    routingNumber: 'Routing number',
    routingHint: '9 digits.',
    accountNumber: 'Account number',
    accountHint: '4 to 17 digits.',
    accountHolder: 'Account holder name',
    save: 'Save payment method',
    saving: 'Saving your payment method…',
    added: (label: string) => `${label} was added.`,
    secure: 'Your card or account number goes straight to our payment processor; only its last 4 digits are kept.',
    invalid: {
      cardNumber: 'Enter the card number as it appears on the card.',
      expiry: 'Enter the expiry date as MM/YY, like 08/29.',
      expired: 'This card has expired. Use another card.',
      cvc: 'Enter the 3 or 4 digit security code.',
      routingNumber: 'Enter the 9-digit routing number.',
      accountNumber: 'Enter the account number: 4 to 17 digits.',
      accountHolder: 'Enter the name on the account.',
    },
  },

  request: {
    title: (merchant: string) => `Payment request from ${merchant}`,
    amount: 'Amount requested',
    paid: 'Paid so far',
    remaining: 'Left to pay',
    due: 'Due',
    memo: 'Note',
    status: 'Status',
    invoice: 'Invoice',
    approve: 'Approve',
    decline: 'Decline',
    pay: (amount: string) => `Pay ${amount}`,
    approveAndPay: (amount: string) => `Approve and pay ${amount}`,
    payPlain: 'Pay',
    approveAndPayPlain: 'Approve and pay',
    payWith: 'Pay with',
    amountToPay: 'Amount to pay',
    amountHint: (minimum: string, remaining: string) =>
      `At least ${minimum} with this payment method, up to ${remaining}.`,
    fullOnly: (remaining: string) => `With this payment method, pay the whole ${remaining}.`,
    noMethods: 'Add a card or bank account to pay.',
    approved: 'You approved this payment request.',
    declined: 'You declined this payment request.',
    paidNow: (amount: string) => `Thank you: your payment of ${amount} went through.`,
    closed: 'This payment request is closed.',
    working: 'Sending…',
    notFound: "We couldn't find this payment request.",
    noRequest: 'No payment request was given.',
  },

  wallet: {
    title: (merchant: string) => `Your account with ${merchant}`,
    signedInAs: (company: string, email: string) => `${company} (${email})`,
    terms: 'Payment terms',
    netDays: (days: number) => `Net ${days}: pay each invoice within ${days} days of its issue date`,
    creditLimit: 'Credit limit',
    noTerms: 'No payment terms yet: your invoices come as payment requests to approve.',
    invoices: 'Invoices',
    invoice: 'Invoice',
    balance: 'Balance',
    dueDate: 'Due date',
    status: 'Status',
    actions: 'Actions',
    noInvoices: 'No invoices yet.',
    pay: 'Pay',
    payInvoice: (number: string) => `Pay invoice ${number}`,
    dispute: 'Dispute',
    disputeInvoice: (number: string) => `Dispute invoice ${number}`,
    payTitle: (number: string, amount: string) => `Pay invoice ${number}: ${amount}`,
    invoicePaid: (number: string, amount: string) => `Thank you: invoice ${number} is paid (${amount}).`,
    requests: 'Payment requests',
    noRequests: 'No payment requests.',
    review: 'Review',
    reviewRequest: (amount: string) => `Review the payment request for ${amount}`,
    payments: 'Payments',
    noPayments: 'No payments yet.',
    date: 'Date',
    amount: 'Amount',
    method: 'Method',
    failedBecause: (reason: string) => `Failed: ${reason}`,
    paymentMethods: 'Payment methods',
    noMethods: 'No payment methods yet.',
    addMethod: 'Add a payment method',
    makeDefault: 'Make default',
    makeDefaultLabel: (label: string) => `Make ${label} the default`,
    remove: 'Remove',
    removeLabel: (label: string) => `Remove ${label}`,
    confirmRemove: (label: string) => `Remove ${label}? It won't be used for payments any more.`,
    disputes: 'Disputes',
    noDisputes: 'No disputes.',
    disputeStatus: {
      open: 'Open: the merchant is looking into it',
      credit: 'Resolved: credited to your invoice',
      reject: 'Resolved: the invoice stands',
    },
    showOlder: 'Show older invoices',
    loadingOlder: 'Loading older invoices…',
    showOlderRequests: 'Show older payment requests',
    loadingOlderRequests: 'Loading older payment requests…',
    olderRequestsShown: (count: number) =>
      count === 0
        ? 'There are no older payment requests.'
        : plural('en', count, {
            one: '1 older payment request shown.',
            other: `${count} older payment requests shown.`,
          }),
    olderShown: (count: number) =>
      count === 0
        ? 'There are no older invoices.'
        : plural('en', count, { one: '1 older invoice shown.', other: `${count} older invoices shown.` }),
    loadError: "We couldn't load your account.",
  },
};

export type AccountMessages = typeof accountEn;
