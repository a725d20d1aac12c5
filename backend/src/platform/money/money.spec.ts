import { describe, expect, it } from '@jest/globals';
import { currencyDecimals, formatMinor, isCurrency, isMinorAmount } from './money.js';

describe('money', () => {
  it('knows each currency’s decimals', () => {
    expect([currencyDecimals('USD'), currencyDecimals('JPY'), currencyDecimals('KWD')]).toEqual([2, 0, 3]);
    expect(isCurrency('EUR')).toBe(true);
    expect(isCurrency('usd')).toBe(false);
    expect(isCurrency('XYZ')).toBe(false);
  });

  it('formats minor units exactly', () => {
    expect(formatMinor(123456, 'USD')).toBe('1,234.56 USD');
    expect(formatMinor(5, 'USD')).toBe('0.05 USD');
    expect(formatMinor(1000, 'JPY')).toBe('1,000 JPY');
    expect(formatMinor(1234567, 'KWD')).toBe('1,234.567 KWD');
    expect(formatMinor(900719925474099, 'USD')).toBe('9,007,199,254,740.99 USD');
  });

  it('accepts only safe integers as amounts', () => {
    expect(isMinorAmount(100)).toBe(true);
    expect(isMinorAmount(0)).toBe(false);
    expect(isMinorAmount(0, { allowZero: true })).toBe(true);
    expect(isMinorAmount(10.5)).toBe(false);
    expect(isMinorAmount(-1)).toBe(false);
    expect(isMinorAmount('100')).toBe(false);
    expect(isMinorAmount(2 ** 53)).toBe(false);
  });
});
