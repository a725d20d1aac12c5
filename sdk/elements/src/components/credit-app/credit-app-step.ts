import { html, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { countryOptions } from '../../internal/countries.js';
import { currencyDecimals } from '../../internal/currency.js';
import { checkboxField, selectField, textField, type FieldView } from '../../internal/form-fields.js';
import type { Messages } from '../../internal/messages.js';
import type { FieldValues } from './credit-app-body.js';
import { fieldsOfStep, stepCount, type FieldName, type FieldSpec, type StepIndex } from './credit-app-fields.js';

/** A field's error: a validation or API code, with the server's words for codes the SDK does not word itself. */
export interface FieldError {
  code: string;
  message?: string;
}

export interface StepView {
  step: StepIndex;
  values: FieldValues;
  errors: Partial<Record<FieldName, FieldError>>;
  m: Messages;
  merchant: string;
  currency: string;
  locale: string;
  onInput: (name: FieldName, value: string) => void;
  onBlur: (name: FieldName) => void;
}

/** `"Step 2 of 3"` and the list of steps, the current one marked with aria-current. */
export function renderProgress(step: StepIndex, m: Messages): TemplateResult {
  return html`<p class="progress">${m.stepOf(step + 1, stepCount)}</p>
    <ol class="steps" aria-label=${m.progressLabel}>
      ${m.stepNames.map(
        (name, index) =>
          html`<li class=${index < step ? 'done' : index === step ? 'current' : ''} aria-current=${index === step ? 'step' : 'false'}>
            ${name}
          </li>`,
      )}
    </ol>`;
}

/**
 * The step's fields, keyed by the step: a new step gets new controls, never the last step's
 * reused (`keyed` is a fraction of `repeat`'s size, and a step's fields never move).
 */
export function renderFields(view: StepView): unknown {
  return keyed(
    view.step,
    fieldsOfStep(view.step).map((spec) => renderField(spec, view)),
  );
}

export function fieldLabel(spec: FieldSpec, m: Messages, merchant: string): string {
  const label = m.fields[spec.name];
  return typeof label === 'function' ? label(merchant) : label;
}

/** An amount in the locale's digits, as an example of what to type (`1,250.50`, `1 250,50`). */
export function amountExample(whole: number, currency: string, locale: string, cents = true): string {
  const decimals = cents ? currencyDecimals(currency) : 0;
  return new Intl.NumberFormat(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(
    whole + (cents ? 0.5 : 0),
  );
}

/** The words for a field's error in the page's language. */
export function errorText(
  spec: FieldSpec,
  error: FieldError,
  view: Pick<StepView, 'm' | 'merchant' | 'currency' | 'locale'>,
): string {
  const { m, currency, locale } = view;
  const label = fieldLabel(spec, m, view.merchant);
  switch (error.code) {
    case 'required':
    case 'amount_empty':
    case 'parameter_missing':
      return spec.control === 'checkbox'
        ? m.errors.consent
        : spec.control === 'country'
          ? m.errors.country
          : m.errors.required(label);
    case 'amount_invalid':
      return m.errors.amount_invalid(amountExample(1250, currency, locale));
    case 'amount_too_many_decimals':
      return m.errors.amount_too_many_decimals(currency, currencyDecimals(currency));
    case 'email':
    case 'phone':
    case 'tax_id':
    case 'whole_number':
    case 'too_long':
    case 'country':
    case 'consent':
    case 'amount_negative':
    case 'amount_too_large':
    case 'currency_invalid':
      return m.errors[error.code];
    default:
      // An API code such as parameter_invalid: the server's explanation, else a generic one.
      return error.message ?? m.errors.invalid(label);
  }
}

function hint(spec: FieldSpec, view: StepView): string | undefined {
  if (spec.control === 'money')
    return view.m.hints.money(view.currency, amountExample(250000, view.currency, view.locale, false));
  if (spec.name === 'taxId') return view.m.hints.taxId;
  if (spec.name === 'yearsInBusiness') return view.m.hints.yearsInBusiness;
  return undefined;
}

function renderField(spec: FieldSpec, view: StepView): TemplateResult {
  const error = view.errors[spec.name];
  const field: FieldView = {
    id: spec.name,
    label: fieldLabel(spec, view.m, view.merchant),
    value: view.values[spec.name],
    required: spec.required,
    optionalText: view.m.optional,
    hint: hint(spec, view),
    error: error && errorText(spec, error, view),
    onInput: (value) => view.onInput(spec.name, value),
    onBlur: () => view.onBlur(spec.name),
  };
  switch (spec.control) {
    case 'checkbox':
      return checkboxField(field);
    case 'country':
      return selectField({
        ...field,
        autocomplete: spec.autocomplete ?? 'country',
        placeholder: view.m.chooseCountry,
        options: countryOptions(view.locale).map(({ code, name }) => ({ value: code, label: name })),
      });
    case 'money':
      return textField({ ...field, inputmode: 'decimal', autocomplete: 'off', amount: true });
    case 'whole':
      return textField({ ...field, inputmode: 'numeric', autocomplete: 'off' });
    default:
      return textField({ ...field, type: spec.control, autocomplete: spec.autocomplete });
  }
}
