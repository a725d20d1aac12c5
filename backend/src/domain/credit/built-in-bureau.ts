import { createHash } from 'node:crypto';
import {
  BureauUnavailableError,
  type BureauInquiry,
  type BureauReport,
  type CreditBureau,
  type ScoreReason,
} from './credit-bureau.js';

/** The documented test tax ids, like a payment provider's test numbers. */
export const TEST_TAX_IDS = {
  approved: '12-3456789', // always 82
  declined: '98-7654321', // always 31
  unavailable: '55-5555555', // bureau unavailable at first; 75 on the retry
} as const;

const digits = (taxId: string) => taxId.replace(/\D/g, '');

const REASONS = {
  established: { code: 'established_business', description: 'The business has operated for ten years or more.' },
  young: { code: 'limited_time_in_business', description: 'The business has operated for less than two years.' },
  strongRevenue: { code: 'strong_revenue', description: 'Annual revenue is $5 million or more.' },
  lowRevenue: { code: 'low_revenue', description: 'Annual revenue is under $250,000.' },
  highAsk: { code: 'high_requested_limit', description: 'The credit requested is more than 20% of annual revenue.' },
  history: { code: 'payment_history_good', description: 'Trade references show bills paid on time.' },
  thinFile: { code: 'thin_credit_file', description: 'The bureau has little payment history for this business.' },
  delinquency: { code: 'past_delinquencies', description: 'The bureau reports late payments to other suppliers.' },
} satisfies Record<string, ScoreReason>;

/**
 * The built-in, deterministic bureau: the same inquiry always gets the same score and reasons.
 * Test tax ids give fixed outcomes; any other id scores from a hash of the business's identity,
 * moved by its age, revenue and the credit it asks for.
 */
export class BuiltInBureau implements CreditBureau {
  async inquire(q: BureauInquiry): Promise<BureauReport> {
    const id = digits(q.taxId);
    if (id === digits(TEST_TAX_IDS.approved)) return { score: 82, reasons: [REASONS.history, REASONS.established] };
    if (id === digits(TEST_TAX_IDS.declined)) return { score: 31, reasons: [REASONS.delinquency, REASONS.thinFile] };
    if (id === digits(TEST_TAX_IDS.unavailable)) {
      if (q.attempt <= 1)
        throw new BureauUnavailableError('The credit bureau did not answer; the application will be retried.');
      return { score: 75, reasons: [REASONS.history] };
    }
    return this.modelled(q, id);
  }

  private modelled(q: BureauInquiry, id: string): BureauReport {
    const hash = createHash('sha256').update(`${q.country}:${id}:${q.legalName.trim().toLowerCase()}`).digest();
    let score = 45 + (hash[0]! % 31); // 45..75 from the bureau file
    const reasons: ScoreReason[] = [];
    const adjust = (delta: number, reason: ScoreReason) => {
      score += delta;
      reasons.push(reason);
    };
    if (q.yearsInBusiness >= 10) adjust(10, REASONS.established);
    else if (q.yearsInBusiness < 2) adjust(-15, REASONS.young);
    if (q.annualRevenue >= 500_000_000) adjust(8, REASONS.strongRevenue);
    else if (q.annualRevenue < 25_000_000) adjust(-10, REASONS.lowRevenue);
    if (q.requestedCreditLimit !== null && q.requestedCreditLimit * 5 > q.annualRevenue) adjust(-10, REASONS.highAsk);
    reasons.push(hash[1]! % 2 === 0 ? REASONS.history : REASONS.thinFile);
    return { score: Math.max(0, Math.min(100, score)), reasons };
  }
}
