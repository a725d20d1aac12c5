/** What a bureau is asked about a business. Amounts in minor units. */
export interface BureauInquiry {
  taxId: string;
  legalName: string;
  country: string;
  yearsInBusiness: number;
  annualRevenue: number;
  requestedCreditLimit: number | null;
  /** 1 for the first inquiry of an application, 2 for the worker's first retry… */
  attempt: number;
}

export interface ScoreReason {
  /** Stable, machine-readable (`limited_time_in_business`). */
  code: string;
  /** What it means, in words a merchant can read. */
  description: string;
}

export interface BureauReport {
  score: number;
  reasons: ScoreReason[];
}

/** The bureau could not answer now; the application stays `pending` and the worker asks again. */
export class BureauUnavailableError extends Error {}

/** Scoring sits behind this interface so a real bureau can be plugged in. */
export interface CreditBureau {
  inquire(inquiry: BureauInquiry): Promise<BureauReport>;
}

export const CREDIT_BUREAU = Symbol('CreditBureau');
