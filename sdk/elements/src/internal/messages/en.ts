import { plural } from './plural.js';
import { apiErrorsEn } from './api-errors-en.js';
/** English: the reference table; every other language has the same keys. */
export const en = {
  merchantFallback: 'the merchant',
  optional: 'optional',
  loading: 'Loading…',
  setupError: "This form isn't set up correctly on this website. Please contact the merchant.",

  appTitle: (merchant: string) => `Apply for trade credit with ${merchant}`,
  appIntro: 'It takes about three minutes. Every field is required unless marked optional.',
  progressLabel: 'Application steps',
  stepNames: ['Business', 'Applicant', 'Consent'],
  stepTitles: ['About your business', 'About you', 'Consent and signature'],
  stepOf: (step: number, total: number) => `Step ${step} of ${total}`,
  stepAnnouncement: (step: number, total: number, title: string) => `Step ${step} of ${total}: ${title}`,
  continue: 'Continue',
  back: 'Back',
  submit: 'Submit application',
  submitting: 'Submitting your application…',

  fields: {
    legalName: 'Legal business name',
    taxId: 'Business tax ID',
    line1: 'Street address',
    line2: 'Address line 2',
    city: 'City',
    region: 'State, province or region',
    postalCode: 'ZIP or postal code',
    country: 'Country',
    yearsInBusiness: 'Years in business',
    annualRevenue: 'Annual revenue',
    requestedCreditLimit: 'Credit limit you would like',
    applicantName: 'Your full name',
    email: 'Work email',
    phone: 'Phone',
    title: 'Job title',
    consentAgreed: (merchant: string) =>
      `I am authorized to apply for this business, and I agree that ${merchant} may check its credit with a credit bureau.`,
    consentName: 'Type your full name to sign',
  },
  hints: {
    taxId: 'As on your tax documents, for example 12-3456789.',
    money: (currency: string, example: string) => `Amount in ${currency}, for example ${example}.`,
    yearsInBusiness: 'Whole years, for example 5.',
  },
  chooseCountry: 'Choose a country',

  errors: {
    required: (label: string) => `${label}: this field is required.`,
    email: 'Enter an email address like name@company.com.',
    phone: 'Enter a phone number using digits, spaces and + - ( ) only.',
    tax_id: 'Enter the tax ID as it appears on your tax documents, like 12-3456789.',
    whole_number: 'Enter a whole number, like 5.',
    too_long: 'This is too long; shorten it.',
    country: 'Choose a country from the list.',
    consent: 'Tick the box to agree to the credit check.',
    amount_invalid: (example: string) => `Enter an amount like ${example}.`,
    amount_negative: 'Enter an amount above zero.',
    amount_too_many_decimals: (currency: string, decimals: number) =>
      decimals === 0
        ? `${currency} amounts have no decimals.`
        : `${currency} amounts have at most ${decimals} decimals.`,
    amount_too_large: 'This amount is too large.',
    currency_invalid: 'This currency is not supported.',
    invalid: (label: string) => `${label}: check this entry.`,
  },
  problems: (count: number) =>
    plural('en', count, { one: 'There is 1 problem to fix.', other: `There are ${count} problems to fix.` }),

  apiErrors: {
    ...apiErrorsEn,
    mode_not_allowed: "This merchant doesn't offer this kind of credit application. Please contact them.",
    setup: "This form isn't set up correctly on this website. Please contact the merchant.",
    session_expired: 'Your session has expired. Open the link in your latest email to continue.',
    generic: 'Something went wrong on our side. Please try again in a moment.',
  },

  offer: {
    noOffer: 'No terms offer to show: this page did not say which offer (offer-id).',
    noSession: 'Open the link in your email from the merchant to see this offer.',
    notFound: "We couldn't find this offer.",
  },
};
