export type MoneyErrorCode =
  | 'amount_empty'
  | 'amount_invalid'
  | 'amount_negative'
  | 'amount_too_many_decimals'
  | 'amount_too_large'
  | 'currency_invalid';

const messages: Record<MoneyErrorCode, string> = {
  amount_empty: 'Enter an amount.',
  amount_invalid: 'Enter an amount as a number, like the examples shown.',
  amount_negative: 'Enter an amount above zero.',
  amount_too_many_decimals: 'This amount has more decimals than the currency allows.',
  amount_too_large: 'This amount is too large.',
  currency_invalid: 'This currency is not a valid ISO 4217 code.',
};

/** Why a typed amount was refused. Branch on `code`; `message` is a default English text. */
export class CcMoneyError extends Error {
  override readonly name = 'CcMoneyError';
  readonly code: MoneyErrorCode;

  constructor(code: MoneyErrorCode) {
    super(messages[code]);
    this.code = code;
  }
}
