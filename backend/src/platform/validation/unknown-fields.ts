import { PLATFORM_ERRORS } from '../errors/codes.js';
import { ApiError, type ErrorDef } from '../errors/errors.js';

/** A domain's answer to an unknown field it recognises (invoices: early-payment discounts), registered at start. */
export interface UnknownFieldRule {
  matches(field: string): boolean;
  /** A registry entry answering 422. */
  error: ErrorDef;
}

const rules = new Set<UnknownFieldRule>();

export function refuseUnknownField(rule: UnknownFieldRule): void {
  rules.add(rule);
}

/** The 422 for an unknown `field` at path `param`: a registered rule's code, else `unknown_field`. */
export function unknownFieldError(field: string, param: string, message = `Unknown field '${param}'.`): ApiError {
  for (const rule of rules) if (rule.matches(field)) return new ApiError(rule.error, rule.error.message, param);
  return new ApiError(PLATFORM_ERRORS.unknown_field, message, param);
}
