import { PLATFORM_ERRORS } from '../platform/errors/codes.js';
import { allErrors } from '../platform/errors/registry.js';
import { ACCOUNT_ERRORS } from './accounts.js';
import { INVOICE_ERRORS } from './invoices.js';
import { PAYMENT_ERRORS } from './payments.js';
import { TERMS_ERRORS } from './terms.js';

/**
 * The whole registry, area by area: the platform's codes, then the product's. The docs table
 * (docs/api-conventions.md), the OpenAPI `code` enum and the source checks read it from here.
 */
export const ERROR_AREAS = [PLATFORM_ERRORS, ACCOUNT_ERRORS, TERMS_ERRORS, INVOICE_ERRORS, PAYMENT_ERRORS] as const;

export const ALL_ERRORS = allErrors(ERROR_AREAS);

/** Every wire code, once each, in registry order. */
export const ERROR_CODES: readonly string[] = [...new Set(ALL_ERRORS.map((e) => e.code))];
