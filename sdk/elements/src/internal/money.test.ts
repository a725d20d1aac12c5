import { expect } from '@open-wc/testing';
import { currencyDecimals } from './currency.js';
import { CcMoneyError, type MoneyErrorCode } from './money-error.js';
import { formatMoney, minorToDecimal } from './money-format.js';
import { parseMoney } from './money-parse.js';

function refusal(text: string, currency: string, locale: string): MoneyErrorCode {
  try {
    parseMoney(text, currency, locale);
  } catch (error) {
    expect(error).to.be.instanceOf(CcMoneyError);
    return (error as CcMoneyError).code;
  }
  throw new Error(`"${text}" ${currency} ${locale} was accepted`);
}

describe('currencyDecimals', () => {
  it("reads each currency's own minor units", () => {
    expect(currencyDecimals('USD')).to.equal(2);
    expect(currencyDecimals('jpy')).to.equal(0);
    expect(currencyDecimals('KWD')).to.equal(3);
  });

  it('refuses codes that are not ISO 4217 shaped', () => {
    expect(() => currencyDecimals('US'))
      .to.throw(CcMoneyError)
      .with.property('code', 'currency_invalid');
  });
});

describe('parseMoney', () => {
  it('reads USD amounts into cents', () => {
    expect(parseMoney('1,234.56', 'USD', 'en')).to.equal(123456);
    expect(parseMoney('1234.5', 'USD', 'en')).to.equal(123450);
    expect(parseMoney('12', 'USD', 'en')).to.equal(1200);
    expect(parseMoney('.5', 'USD', 'en')).to.equal(50);
    expect(parseMoney('0', 'USD', 'en')).to.equal(0);
  });

  it('has none of the floating-point errors of 0.1 + 0.2 or 1.005 * 100', () => {
    expect(parseMoney('0.1', 'USD', 'en') + parseMoney('0.2', 'USD', 'en')).to.equal(parseMoney('0.3', 'USD', 'en'));
    expect(parseMoney('1.15', 'USD', 'en')).to.equal(115); // 1.15 * 100 = 114.99999999999999
    expect(parseMoney('4.35', 'USD', 'en')).to.equal(435); // 4.35 * 100 = 434.99999999999994
    expect(parseMoney('90071992547409.91', 'USD', 'en')).to.equal(Number.MAX_SAFE_INTEGER);
  });

  it('uses 0 decimals for JPY and 3 for KWD', () => {
    expect(parseMoney('1,234', 'JPY', 'en')).to.equal(1234);
    expect(parseMoney('1.234', 'KWD', 'en')).to.equal(1234);
    expect(parseMoney('1.2', 'KWD', 'en')).to.equal(1200);
  });

  it('refuses more decimals than the currency has, zeros included', () => {
    expect(refusal('1.234', 'JPY', 'en')).to.equal('amount_too_many_decimals');
    expect(refusal('1.005', 'USD', 'en')).to.equal('amount_too_many_decimals');
    expect(refusal('10.500', 'USD', 'en')).to.equal('amount_too_many_decimals');
    expect(refusal('1.2345', 'KWD', 'en')).to.equal('amount_too_many_decimals');
  });

  it('reads German, Spanish and French separators', () => {
    expect(parseMoney('1.234,56', 'EUR', 'de')).to.equal(123456);
    expect(parseMoney('1234,5', 'EUR', 'de')).to.equal(123450);
    expect(parseMoney('1.234', 'JPY', 'de')).to.equal(1234);
    expect(parseMoney('1.234.567,89', 'EUR', 'es')).to.equal(123456789);
    expect(parseMoney('1\u202f234,56', 'EUR', 'fr')).to.equal(123456);
    expect(parseMoney('1 234,56', 'EUR', 'fr')).to.equal(123456); // a plain space, as people type it
    expect(parseMoney('1\u00a0234,56', 'EUR', 'fr')).to.equal(123456);
  });

  it('checks group sizes, so a misplaced separator is refused rather than misread', () => {
    expect(refusal('12.5', 'EUR', 'de')).to.equal('amount_invalid'); // not 125 €
    expect(refusal('1,23', 'USD', 'en')).to.equal('amount_invalid');
    expect(refusal('1,2345.00', 'USD', 'en')).to.equal('amount_invalid');
    expect(refusal('1.234,56', 'USD', 'en')).to.equal('amount_invalid');
    expect(parseMoney('12,34,567.50', 'INR', 'en-IN')).to.equal(123456750);
    expect(refusal('1,234,567.50', 'INR', 'en-IN')).to.equal('amount_invalid');
  });

  it("accepts the currency's symbol or code around the amount", () => {
    expect(parseMoney('$1,234.56', 'USD', 'en')).to.equal(123456);
    expect(parseMoney('1.234,56 €', 'EUR', 'de')).to.equal(123456);
    expect(parseMoney('1 234,56 €', 'EUR', 'fr')).to.equal(123456);
    expect(parseMoney('USD 12.00', 'USD', 'en')).to.equal(1200);
    expect(parseMoney('¥1,234', 'JPY', 'en')).to.equal(1234);
    expect(refusal('€12', 'USD', 'en')).to.equal('amount_invalid');
  });

  it('reads native digits of the locale', () => {
    expect(parseMoney('١٢٣', 'USD', 'ar-EG')).to.equal(12300);
  });

  it('refuses negatives, empty text and garbage with a code', () => {
    expect(refusal('-5', 'USD', 'en')).to.equal('amount_negative');
    expect(refusal('-$5', 'USD', 'en')).to.equal('amount_negative');
    expect(refusal('$-5', 'USD', 'en')).to.equal('amount_negative');
    expect(refusal('(5.00)', 'USD', 'en')).to.equal('amount_negative');
    expect(refusal('  ', 'USD', 'en')).to.equal('amount_empty');
    for (const garbage of ['abc', '1e5', '12abc', '1.2.3', '+5', '0x10', '.', '5,', '1..2', 'NaN', 'Infinity']) {
      expect(refusal(garbage, 'USD', 'en'), garbage).to.equal('amount_invalid');
    }
  });

  it('refuses amounts beyond the safe integer range', () => {
    expect(refusal('90071992547409.92', 'USD', 'en')).to.equal('amount_too_large');
    expect(refusal('1'.repeat(40), 'USD', 'en')).to.equal('amount_too_large');
  });
});

describe('formatMoney', () => {
  it('formats minor units in the currency and locale', () => {
    expect(formatMoney(123456, 'USD', 'en')).to.equal('$1,234.56');
    expect(formatMoney(1234, 'JPY', 'en')).to.equal('¥1,234');
    expect(formatMoney(1234, 'KWD', 'en')).to.equal('KWD\u00a01.234');
    expect(formatMoney(123456, 'EUR', 'de')).to.equal('1.234,56\u00a0€');
    expect(formatMoney(123456, 'EUR', 'fr')).to.equal('1\u202f234,56\u00a0€');
    expect(formatMoney(5, 'USD', 'en')).to.equal('$0.05');
    expect(formatMoney(-5, 'USD', 'en')).to.equal('-$0.05');
  });

  it('formats large amounts exactly, with no float division', () => {
    expect(formatMoney(123456789012345, 'USD', 'en')).to.equal('$1,234,567,890,123.45');
    expect(formatMoney(Number.MAX_SAFE_INTEGER, 'USD', 'en')).to.equal('$90,071,992,547,409.91');
    expect(formatMoney(12345678901234567890n, 'USD', 'en')).to.equal('$123,456,789,012,345,678.90');
  });

  it('round-trips through parseMoney', () => {
    for (const [minor, currency, locale] of [
      [123456, 'USD', 'en'],
      [123456, 'EUR', 'fr'],
      [987654321, 'EUR', 'de'],
      [1234, 'JPY', 'ja'],
      [1234567, 'KWD', 'en'],
      [1234567, 'USD', 'es'],
    ] as const) {
      expect(parseMoney(formatMoney(minor, currency, locale), currency, locale), `${currency} ${locale}`).to.equal(
        minor,
      );
    }
  });

  it('refuses minor units that are not safe integers', () => {
    expect(() => formatMoney(1.5, 'USD', 'en')).to.throw(RangeError);
    expect(() => formatMoney(2 ** 53, 'USD', 'en')).to.throw(RangeError);
  });

  it('builds the decimal string from digits', () => {
    expect(minorToDecimal(5, 3)).to.equal('0.005');
    expect(minorToDecimal(-12345, 2)).to.equal('-123.45');
    expect(minorToDecimal(42, 0)).to.equal('42');
  });
});
