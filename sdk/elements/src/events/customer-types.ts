// The widget-side resources of the CustomerConnect API (shared/spec/api.md, "Widget side").

export type CreditAppMode = 'credit_check' | 'credit_check_with_terms';
export const creditAppModes: readonly CreditAppMode[] = ['credit_check', 'credit_check_with_terms'];

export type CreditDecisionStatus = 'approved' | 'declined' | 'pending';

/** A reason code of the scoring model (`limited_time_in_business`) and what it means in words. */
export interface CreditReason {
  code: string;
  description?: string;
}

/** `application` in the answer of `POST /v1/credit-applications`, and `GET /v1/customer/credit-applications/:id`. */
export interface CreditApplication {
  id: string;
  status: CreditDecisionStatus;
  score: number | null;
  /** Reason objects; plain strings are read as codes. */
  reasons: Array<CreditReason | string>;
  contactId?: string;
  mode?: CreditAppMode;
  decidedAt?: string | null;
}

export interface CreditApplicationRequest {
  mode: CreditAppMode;
  business: {
    legalName: string;
    taxId: string;
    address: { line1: string; line2?: string; city: string; region: string; postalCode: string; country: string };
    yearsInBusiness: number;
    annualRevenue: number;
  };
  applicant: { name: string; email: string; phone?: string; title?: string };
  requestedCreditLimit?: number;
  consent: { agreed: true; name: string };
}

/** A customer session (`cs_...`): a bearer token scoped to one contact. */
export interface CustomerSession {
  token: string;
  expiresAt: string;
}

export interface CreditApplicationAnswer {
  application: CreditApplication;
  contact: { id: string; status: string };
  termsOffer?: TermsOffer;
  /** Only when the application created the contact; for a known email the decision goes out by email. */
  customerSession?: CustomerSession;
}

/** `GET /v1/customer/credit-applications/:id`: the answer of the POST without the session. */
export interface CustomerCreditApplication {
  application: CreditApplication;
  contact: { id: string; status: string };
  /** Once a `credit_check_with_terms` application was approved. */
  termsOffer?: TermsOffer;
}

export type TermsOfferStatus = 'offered' | 'accepted' | 'declined' | 'withdrawn' | 'expired';

export interface TermsOffer {
  id: string;
  contactId?: string;
  status: TermsOfferStatus;
  netDays: number;
  /** Minor units of `currency`. */
  creditLimit: number;
  currency: string;
  expiresAt?: string;
  /** Once accepted: the net days the customer chose (`netDays` stays as offered). */
  acceptedNetDays?: number | null;
  /** `GET /v1/customer/terms-offers/:id` also says what the merchant allows now. */
  merchant?: { name: string };
  termsPolicy?: 'locked' | 'flexible';
  allowedNetDays?: number[];
}

export interface AcceptTermsRequest {
  signatureName: string;
  netDays?: number;
}
