import { expect } from '@open-wc/testing';
import { countryCodes, countryOptions, defaultCountry } from './countries.js';
import * as v from './validators.js';

describe('validators', () => {
  it('answer codes, never text', () => {
    expect(v.validate('', true, [v.email])).to.equal('required');
    expect(v.validate('  ', false, [v.email]), 'optional and empty').to.equal(undefined);
    expect(v.validate('', true, [v.checked])).to.equal('consent');
    expect(v.validate('on', true, [v.checked])).to.equal(undefined);
    expect(v.validate('dana@example', true, [v.email])).to.equal('email');
    expect(v.validate('dana@harbor.example', true, [v.email])).to.equal(undefined);
  });

  it('accept tax ids as typed', () => {
    for (const id of ['12-3456789', 'DE 123456789', 'GB123 4567 89', '123.456.789/0001-00'])
      expect(v.taxId(id), id).to.equal(undefined);
    for (const id of ['--', 'abc', '#12', '1234', '12-34', 'É1-23456']) expect(v.taxId(id), id).to.equal('tax_id');
  });

  it('check phones, whole numbers, lengths and countries', () => {
    expect(v.phone('+1 (415) 555-0100')).to.equal(undefined);
    expect(v.phone('555')).to.equal('phone');
    expect(v.phone('+1 415 555 0100 ext 2')).to.equal('phone');
    expect(v.wholeNumber(500)('12')).to.equal(undefined);
    expect(v.wholeNumber(500)('1.5')).to.equal('whole_number');
    expect(v.wholeNumber(500)('501')).to.equal('whole_number');
    expect(v.maxLength(3)('abcd')).to.equal('too_long');
    expect(v.country('US')).to.equal(undefined);
    expect(v.country('XX')).to.equal('country');
  });

  it('read money with the SDK parser, in the currency and locale', () => {
    expect(v.money('USD', 'en')('1,234.56')).to.equal(undefined);
    expect(v.money('USD', 'en')('1.234,56')).to.equal('amount_invalid');
    expect(v.money('EUR', 'de')('1.234,56')).to.equal(undefined);
    expect(v.money('JPY', 'en')('1.5')).to.equal('amount_too_many_decimals');
    expect(v.money('USD', 'en')('-5')).to.equal('amount_negative');
    expect(v.money('USD', 'en')('0')).to.equal('amount_negative');
    expect(v.money('USD', 'en', true)('0')).to.equal(undefined);
  });
});

describe('countries', () => {
  it('lists the ISO 3166 alpha-2 codes, named and sorted in the locale', () => {
    expect(countryCodes).to.have.length(249);
    const fr = countryOptions('fr');
    expect(fr.find((c) => c.code === 'DE')!.name).to.equal('Allemagne');
    expect(fr[0]!.name).to.equal('Afghanistan');
  });

  it('defaults to the country the locale implies', () => {
    expect(defaultCountry('en')).to.equal('US');
    expect(defaultCountry('es-MX')).to.equal('MX');
    expect(defaultCountry('fr')).to.equal('FR');
  });
});
