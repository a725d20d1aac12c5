export type ChargeFailureCode = 'card_declined' | 'insufficient_funds' | 'account_closed' | 'processing_error';

export interface CardDetails {
  number: string;
  expMonth: number;
  expYear: number;
  cvc: string;
}

export interface AchDetails {
  routingNumber: string;
  accountNumber: string;
  accountHolder: string;
}

export interface Tokenized {
  token: string;
  brand: string;
  last4: string;
  expMonth: number | null;
  expYear: number | null;
}

export type ChargeResult =
  { status: 'succeeded'; reference: string } | { status: 'failed'; code: ChargeFailureCode; message: string };

/** The payment provider. Only its token, brand and last 4 digits are kept on our side. */
export interface PaymentProcessor {
  /** Validates and tokenizes; throws a ProcessorInputError naming the bad field. */
  tokenizeCard(card: CardDetails, today: Date): Promise<Tokenized>;
  tokenizeAch(ach: AchDetails): Promise<Tokenized>;
  charge(input: { token: string; amount: number; currency: string; idempotencyKey: string }): Promise<ChargeResult>;
  refund(input: { reference: string; amount: number; idempotencyKey: string }): Promise<{ reference: string }>;
  /** What became of the charge made under `idempotencyKey`; null when the processor never received it. */
  lookup(idempotencyKey: string): Promise<ChargeResult | null>;
}

export class ProcessorInputError extends Error {
  constructor(
    readonly param: string,
    message: string,
  ) {
    super(message);
  }
}

export const PAYMENT_PROCESSOR = Symbol('PaymentProcessor');
