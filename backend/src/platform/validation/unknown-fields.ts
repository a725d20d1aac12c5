import { ApiError } from '../errors/errors.js';

/** A domain's answer to an unknown field it recognises (invoices: early-payment discounts), registered at start. */
export interface UnknownFieldRule {
  matches(field: string): boolean;
  code: string;
  message: string;
}

const rules = new Set<UnknownFieldRule>();

export function refuseUnknownField(rule: UnknownFieldRule): void {
  rules.add(rule);
}

/** The 422 for an unknown `field` at path `param`: a registered rule's code, else `unknown_field`. */
export function unknownFieldError(field: string, param: string, message = `Unknown field '${param}'.`): ApiError {
  for (const rule of rules) if (rule.matches(field)) return new ApiError(422, rule.code, rule.message, param);
  return new ApiError(422, 'unknown_field', message, param);
}
