import * as v from '../../internal/validators.js';

export type FieldName =
  | 'legalName'
  | 'taxId'
  | 'line1'
  | 'line2'
  | 'city'
  | 'region'
  | 'postalCode'
  | 'country'
  | 'yearsInBusiness'
  | 'annualRevenue'
  | 'requestedCreditLimit'
  | 'applicantName'
  | 'email'
  | 'phone'
  | 'title'
  | 'consentAgreed'
  | 'consentName';

export type StepIndex = 0 | 1 | 2;
export const stepCount = 3;

export type Control = 'text' | 'email' | 'tel' | 'whole' | 'money' | 'country' | 'checkbox';

/** One field of the credit application: where it sits, how it is typed and checked, and its API path. */
export interface FieldSpec {
  name: FieldName;
  step: StepIndex;
  /** The request body path the server names in `param` (`business.address.city`). */
  param: string;
  control: Control;
  required: boolean;
  autocomplete?: AutoFill;
  validators: readonly v.Validator[];
}

const text = (max: number) => [v.maxLength(max)];

export const fieldSpecs: readonly FieldSpec[] = [
  {
    name: 'legalName',
    step: 0,
    param: 'business.legalName',
    control: 'text',
    required: true,
    autocomplete: 'organization',
    validators: text(200),
  },
  {
    name: 'taxId',
    step: 0,
    param: 'business.taxId',
    control: 'text',
    required: true,
    autocomplete: 'off',
    validators: [v.taxId],
  },
  {
    name: 'line1',
    step: 0,
    param: 'business.address.line1',
    control: 'text',
    required: true,
    autocomplete: 'address-line1',
    validators: text(200),
  },
  {
    name: 'line2',
    step: 0,
    param: 'business.address.line2',
    control: 'text',
    required: false,
    autocomplete: 'address-line2',
    validators: text(200),
  },
  {
    name: 'city',
    step: 0,
    param: 'business.address.city',
    control: 'text',
    required: true,
    autocomplete: 'address-level2',
    validators: text(100),
  },
  {
    name: 'region',
    step: 0,
    param: 'business.address.region',
    control: 'text',
    required: true,
    autocomplete: 'address-level1',
    validators: text(100),
  },
  {
    name: 'postalCode',
    step: 0,
    param: 'business.address.postalCode',
    control: 'text',
    required: true,
    autocomplete: 'postal-code',
    validators: text(20),
  },
  {
    name: 'country',
    step: 0,
    param: 'business.address.country',
    control: 'country',
    required: true,
    autocomplete: 'country',
    validators: [v.country],
  },
  {
    name: 'yearsInBusiness',
    step: 0,
    param: 'business.yearsInBusiness',
    control: 'whole',
    required: true,
    validators: [v.wholeNumber(500)],
  },
  // Money validators depend on the currency and locale: see moneyValidators.
  { name: 'annualRevenue', step: 0, param: 'business.annualRevenue', control: 'money', required: true, validators: [] },
  {
    name: 'requestedCreditLimit',
    step: 0,
    param: 'requestedCreditLimit',
    control: 'money',
    required: false,
    validators: [],
  },
  {
    name: 'applicantName',
    step: 1,
    param: 'applicant.name',
    control: 'text',
    required: true,
    autocomplete: 'name',
    validators: text(200),
  },
  {
    name: 'email',
    step: 1,
    param: 'applicant.email',
    control: 'email',
    required: true,
    autocomplete: 'email',
    validators: [v.email, v.maxLength(254)],
  },
  {
    name: 'phone',
    step: 1,
    param: 'applicant.phone',
    control: 'tel',
    required: false,
    autocomplete: 'tel',
    validators: [v.phone],
  },
  {
    name: 'title',
    step: 1,
    param: 'applicant.title',
    control: 'text',
    required: false,
    autocomplete: 'organization-title' as AutoFill, // a valid HTML token missing from TypeScript's AutoFill union
    validators: text(100),
  },
  {
    name: 'consentAgreed',
    step: 2,
    param: 'consent.agreed',
    control: 'checkbox',
    required: true,
    validators: [v.checked],
  },
  {
    name: 'consentName',
    step: 2,
    param: 'consent.name',
    control: 'text',
    required: true,
    autocomplete: 'name',
    validators: text(200),
  },
];

export const fieldsOfStep = (step: StepIndex) => fieldSpecs.filter((spec) => spec.step === step);

/** The validators of a field for the merchant's currency and the page locale. */
export function validatorsOf(spec: FieldSpec, currency: string, locale: string): readonly v.Validator[] {
  if (spec.control !== 'money') return spec.validators;
  return [v.money(currency, locale, spec.name === 'annualRevenue')];
}

/**
 * The field a server `param` names: the exact path, else the first field under it
 * (`business.address` → street address), else the field it sits under; undefined when
 * none (`mode`).
 */
export function fieldForParam(param: string | undefined): FieldSpec | undefined {
  if (!param) return undefined;
  return (
    fieldSpecs.find((spec) => spec.param === param) ??
    fieldSpecs.find((spec) => spec.param.startsWith(`${param}.`)) ??
    fieldSpecs.find((spec) => param.startsWith(`${spec.param}.`))
  );
}
