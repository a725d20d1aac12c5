// The widget-side resources of the CustomerConnect API (shared/spec/api.md, "Widget side").

export type CreditAppMode = 'credit_check' | 'credit_check_with_terms';
export const creditAppModes: readonly CreditAppMode[] = ['credit_check', 'credit_check_with_terms'];

export type CreditDecisionStatus = 'approved' | 'declined' | 'pending';

/** A reason code of the scoring model; `message` is the bureau's explanation when it gives one. */
export interface CreditReason {
  code: string;
  message?: string;
}

/** `application` in the answer of `POST /v1/credit-applications`, and `GET /v1/customer/credit-applications/:id`. */
export interface CreditApplication {
  id: string;
  status: CreditDecisionStatus;
  score: number | null;
  /** Reason objects; plain strings are read as codes. */
  reasons: Array<CreditReason | string>;
  contactId?: string;
  /** The terms offer made once a `credit_check_with_terms` application was approved. */
  termsOfferId?: string | null;
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
}

export interface AcceptTermsRequest {
  signatureName: string;
  netDays?: number;
}
