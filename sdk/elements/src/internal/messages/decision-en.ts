// The credit decision's and the terms offer's texts in English: an area of the one table, added
// when the code that shows them loads (after a submit, or with an offer), not with the form.
export const decisionEn = {
  decision: {
    approvedTitle: (merchant: string) => `You're approved for trade credit with ${merchant}`,
    approvedBody: 'Your business passed the credit check.',
    approvedWithTerms: 'Review your payment terms below to finish setting up your account.',
    declinedTitle: "We can't offer trade credit right now",
    declinedBody: (merchant: string) =>
      `Thank you for applying. Based on the credit check, ${merchant} can't extend trade credit to your business at this time. You can still buy with other payment methods, and you're welcome to apply again later.`,
    pendingTitle: "We're waiting on the credit bureau",
    pendingBody: 'This usually takes a few minutes.',
    pendingLive: 'Keep this page open: the decision will appear here.',
    pendingEmailed: (email: string) => `We'll email the decision to ${email} as soon as it arrives.`,
    emailed: (email: string) => `We've emailed the decision and any payment terms offer to ${email}.`,
    details: 'Credit check details',
    score: (score: number) => `Credit score: ${score} out of 100`,
    reasons: 'What the check found',
  },

  offer: {
    title: (merchant: string) => `Your payment terms with ${merchant}`,
    netDays: 'Payment terms',
    netDaysValue: (days: number) => `Net ${days}`,
    netDaysExplained: (days: number) => `Net ${days}: pay each invoice within ${days} days of its issue date`,
    netDaysHint: 'Invoices are due this many days after they are issued.',
    creditLimit: 'Credit limit',
    currency: 'Currency',
    expires: 'Offer open until',
    signature: 'Type your full name to sign',
    signatureHint: 'Typing your name and selecting Accept terms signs this agreement for your business.',
    accept: 'Accept terms',
    decline: 'Decline',
    working: 'Sending your answer…',
    accepted: (days: number, limit: string, merchant: string) =>
      `You've accepted net ${days} terms with ${merchant}, with a credit limit of ${limit}.`,
    declined: (merchant: string) =>
      `You declined these terms. ${merchant} will send you payment requests to approve instead.`,
    status: {
      offered: '',
      accepted: 'These terms have been accepted.',
      declined: 'These terms were declined.',
      withdrawn: 'The merchant withdrew this offer.',
      expired: 'This offer has expired.',
    },
    termsLocked: (merchant: string) =>
      `${merchant} offers these payment terms as they are: you can accept them as offered or decline them.`,
    netDaysNotAllowed: (days: number) => `Net ${days} is no longer available. Choose other payment terms.`,
    offerNotOpen: 'This offer is no longer open: it was already answered, withdrawn, or it expired.',
  },
};

export type DecisionMessages = typeof decisionEn;
