import type { CreditAppMode, CreditApplicationRequest } from '../../internal/customer-api.js';
import { parseMoney } from '../../internal/money-parse.js';
import type { FieldName } from './credit-app-fields.js';

export type FieldValues = Record<FieldName, string>;

/**
 * The `POST /v1/credit-applications` body from valid field values: text trimmed, empty
 * optional fields left out, money parsed into minor units of `currency`.
 */
export function applicationBody(
  mode: CreditAppMode,
  values: FieldValues,
  currency: string,
  locale: string,
): CreditApplicationRequest {
  const value = (name: FieldName) => values[name].trim();
  const optional = <K extends string>(key: K, name: FieldName) =>
    value(name) ? ({ [key]: value(name) } as Record<K, string>) : {};
  const body: CreditApplicationRequest = {
    mode,
    business: {
      legalName: value('legalName'),
      taxId: value('taxId'),
      address: {
        line1: value('line1'),
        ...optional('line2', 'line2'),
        city: value('city'),
        region: value('region'),
        postalCode: value('postalCode'),
        country: value('country'),
      },
      yearsInBusiness: Number(value('yearsInBusiness')),
      annualRevenue: parseMoney(value('annualRevenue'), currency, locale),
    },
    applicant: {
      name: value('applicantName'),
      email: value('email'),
      ...optional('phone', 'phone'),
      ...optional('title', 'title'),
    },
    consent: { agreed: true, name: value('consentName') },
  };
  if (value('requestedCreditLimit'))
    body.requestedCreditLimit = parseMoney(value('requestedCreditLimit'), currency, locale);
  return body;
}
