import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Clock } from '../../../platform/clock/clock.js';
import { Db } from '../../../platform/database/db.js';
import {
  ProcessorInputError,
  type AchDetails,
  type CardDetails,
  type ChargeFailureCode,
  type ChargeResult,
  type PaymentProcessor,
  type Tokenized,
} from './payment-processor.js';

/** The documented test numbers (api.md), like a payment provider's test mode. */
export const TEST_CARDS = {
  success: '4242424242424242',
  declined: '4000000000000002',
  insufficientFunds: '4000000000009995',
} as const;
export const TEST_ACH = { success: '000123456789', closed: '000111111113' } as const;

const OUTCOMES: Record<string, ChargeFailureCode> = {
  [TEST_CARDS.declined]: 'card_declined',
  [TEST_CARDS.insufficientFunds]: 'insufficient_funds',
  [TEST_ACH.closed]: 'account_closed',
};
const MESSAGES: Record<ChargeFailureCode, string> = {
  card_declined: 'The card was declined.',
  insufficient_funds: 'The card has insufficient funds.',
  account_closed: 'The bank account is closed.',
  processing_error: 'The payment could not be processed.',
};

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

function brandOf(n: string): string {
  if (n.startsWith('4')) return 'visa';
  if (/^5[1-5]|^2[2-7]/.test(n)) return 'mastercard';
  if (/^3[47]/.test(n)) return 'amex';
  if (/^6(?:011|5)/.test(n)) return 'discover';
  return 'card';
}

/** Like a real processor, the simulator remembers an idempotency key for a day (on the app's clock), and the latest 100,000 at most. */
const KEY_TTL_MS = 24 * 3600_000;
const LEDGER_SIZE = 100_000;
function forgetOldest(map: Map<string, unknown>): void {
  if (map.size > LEDGER_SIZE) map.delete(map.keys().next().value!);
}

interface Remembered<T> {
  at: number;
  amount: number;
  /** What else must match for a repeat: the card or bank token, or the charge refunded. */
  target: string;
  result: T;
}

/**
 * The built-in simulator. The outcome a test number will have travels inside its opaque token,
 * so any backend instance can charge it; the number itself is never kept.
 */
@Injectable()
export class SimulatedProcessor implements PaymentProcessor {
  /**
   * What this process charged and refunded, by idempotency key: a repeated key (same amount and
   * target, within a day) answers the first result without charging again, like a real processor;
   * the same key with other parameters is refused.
   */
  readonly ledger = {
    charges: new Map<string, Remembered<ChargeResult>>(),
    refunds: new Map<string, Remembered<{ reference: string }>>(),
  };

  constructor(
    private readonly clock: Clock,
    private readonly db: Db,
  ) {}

  /** The first answer for `key`, when it is still remembered; a mismatch of amount or target throws. */
  #repeat<T>(map: Map<string, Remembered<T>>, key: string, amount: number, target: string): T | undefined {
    const seen = map.get(key);
    if (!seen || this.clock.now().getTime() - seen.at > KEY_TTL_MS) return undefined;
    if (seen.amount !== amount || seen.target !== target)
      throw new Error(`The processor idempotency key ${key} was used with other parameters.`);
    return seen.result;
  }

  #remember<T>(map: Map<string, Remembered<T>>, key: string, amount: number, target: string, result: T): void {
    map.delete(key);
    map.set(key, { at: this.clock.now().getTime(), amount, target, result });
    forgetOldest(map);
  }

  async tokenizeCard(card: CardDetails, today: Date): Promise<Tokenized> {
    const number = card.number.replace(/[\s-]/g, '');
    if (!/^\d{12,19}$/.test(number) || !luhn(number))
      throw new ProcessorInputError('card.number', 'The card number is not valid.');
    const year = card.expYear < 100 ? 2000 + card.expYear : card.expYear;
    const endOfMonth = new Date(Date.UTC(year, card.expMonth, 1));
    if (!(card.expMonth >= 1 && card.expMonth <= 12) || endOfMonth <= today)
      throw new ProcessorInputError('card.expYear', 'The card has expired.');
    if (!/^\d{3,4}$/.test(card.cvc)) throw new ProcessorInputError('card.cvc', 'The security code is not valid.');
    return {
      token: this.token(number),
      brand: brandOf(number),
      last4: number.slice(-4),
      expMonth: card.expMonth,
      expYear: year,
    };
  }

  async tokenizeAch(ach: AchDetails): Promise<Tokenized> {
    if (!/^\d{9}$/.test(ach.routingNumber))
      throw new ProcessorInputError('ach.routingNumber', 'The routing number must be 9 digits.');
    if (!/^\d{4,17}$/.test(ach.accountNumber))
      throw new ProcessorInputError('ach.accountNumber', 'The account number must be 4 to 17 digits.');
    return {
      token: this.token(ach.accountNumber),
      brand: 'bank_account',
      last4: ach.accountNumber.slice(-4),
      expMonth: null,
      expYear: null,
    };
  }

  async charge(input: {
    token: string;
    amount: number;
    currency: string;
    idempotencyKey: string;
  }): Promise<ChargeResult> {
    const first = this.#repeat(this.ledger.charges, input.idempotencyKey, input.amount, input.token);
    if (first) return first;
    const outcome = input.token.split('.')[1];
    const result: ChargeResult =
      outcome && outcome !== 'ok'
        ? {
            status: 'failed',
            code: outcome as ChargeFailureCode,
            message: MESSAGES[outcome as ChargeFailureCode] ?? MESSAGES.processing_error,
          }
        : {
            status: 'succeeded',
            reference: `ch_sim_${createHash('sha256').update(input.idempotencyKey).digest('hex').slice(0, 24)}`,
          };
    const kept = await this.#store(input.idempotencyKey, input.amount, input.token, result);
    this.#remember(this.ledger.charges, input.idempotencyKey, input.amount, input.token, kept);
    return kept;
  }

  async lookup(idempotencyKey: string): Promise<ChargeResult | null> {
    const rows: { result: ChargeResult }[] = await this.db.manager.query(
      'SELECT result FROM simulated_charges WHERE key = $1 AND created_at > $2',
      [idempotencyKey, new Date(this.clock.now().getTime() - KEY_TTL_MS)],
    );
    return rows[0]?.result ?? null;
  }

  /**
   * The charges survive a restart in the simulator's own table, as a real provider keeps them on its
   * side. One statement (in the caller's transaction when there is one: the embedded database has
   * one connection; an automated payment charges inside its transaction): the charge is written
   * unless the key is already there and younger than a day; then that first charge is the answer
   * (the same amount and target, else it throws).
   */
  async #store(key: string, amount: number, target: string, result: ChargeResult): Promise<ChargeResult> {
    const now = this.clock.now();
    const rows: { fresh: boolean; amount: string; target: string; result: ChargeResult }[] =
      await this.db.manager.query(
        `WITH written AS (
           INSERT INTO simulated_charges AS c (key, amount, target, result, created_at) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (key) DO UPDATE SET amount = $2, target = $3, result = $4, created_at = $5
            WHERE c.created_at <= $6
           RETURNING key)
         SELECT true AS fresh, $2::bigint AS amount, $3::text AS target, $4::jsonb AS result FROM written
         UNION ALL
         SELECT false, amount, target, result FROM simulated_charges WHERE key = $1 AND NOT EXISTS (SELECT 1 FROM written)`,
        [key, amount, target, JSON.stringify(result), now, new Date(now.getTime() - KEY_TTL_MS)],
      );
    // Empty only when a concurrent charge under the key committed during the statement (after its snapshot).
    const row =
      rows[0] ??
      (
        await this.db.manager.query(
          'SELECT false AS fresh, amount, target, result FROM simulated_charges WHERE key = $1',
          [key],
        )
      )[0];
    if (row.fresh) return result;
    if (Number(row.amount) !== amount || row.target !== target)
      throw new Error(`The processor idempotency key ${key} was used with other parameters.`);
    return row.result;
  }

  async refund(input: { reference: string; amount: number; idempotencyKey: string }): Promise<{ reference: string }> {
    const first = this.#repeat(this.ledger.refunds, input.idempotencyKey, input.amount, input.reference);
    if (first) return first;
    const result = {
      reference: `re_sim_${createHash('sha256').update(input.idempotencyKey).digest('hex').slice(0, 24)}`,
    };
    this.#remember(this.ledger.refunds, input.idempotencyKey, input.amount, input.reference, result);
    return result;
  }

  private token(number: string): string {
    return `tok_sim.${OUTCOMES[number] ?? 'ok'}.${randomBytes(12).toString('hex')}`;
  }
}
