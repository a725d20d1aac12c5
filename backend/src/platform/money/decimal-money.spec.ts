import { describe, expect, it } from '@jest/globals';
import { parseDecimalAmount } from './decimal-money.js';

describe('parseDecimalAmount', () => {
  it('reads exported decimals exactly in each currency', () => {
    expect(parseDecimalAmount('1,234.56', 'USD')).toBe(123456);
    expect(parseDecimalAmount('0.1', 'USD')).toBe(10);
    expect(parseDecimalAmount('19.90', 'USD')).toBe(1990);
    expect(parseDecimalAmount('1500', 'JPY')).toBe(1500);
    expect(parseDecimalAmount('1.234', 'KWD')).toBe(1234);
  });
  it('refuses what is not an amount', () => {
    for (const bad of ['', 'abc', '-5', '1.005', '1e3', '12.5.1']) expect(parseDecimalAmount(bad, 'USD')).toBeNull();
    expect(parseDecimalAmount('1.5', 'JPY')).toBeNull();
  });
});
