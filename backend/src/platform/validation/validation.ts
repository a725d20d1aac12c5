import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { PLATFORM_ERRORS as E } from '../errors/codes.js';
import { ApiError, missingParam } from '../errors/errors.js';
import { metadataError } from './metadata.js';
import { unknownFieldError } from './unknown-fields.js';

/** The first broken rule of a class-validator result, as a 422 naming the field by path. */
export function validationError(errors: ValidationError[], prefix = ''): ApiError {
  const first = errors[0];
  if (!first) return new ApiError(E.parameter_invalid);
  const param = prefix ? `${prefix}.${first.property}` : first.property;
  if (!first.constraints && first.children?.length) return validationError(first.children, param);
  const constraints = first.constraints ?? {};
  const metadataMode = first.contexts?.isMetadata?.metadata;
  if (metadataMode && !prefix) return metadataError(first.value, metadataMode); // names metadata.<key>
  if ('whitelistValidation' in constraints) return unknownFieldError(first.property, param);
  if (first.value === undefined || first.value === null) return missingParam(param);
  const message = Object.values(constraints)[0] ?? `${param} is invalid.`;
  return new ApiError(E.parameter_invalid, message.charAt(0).toUpperCase() + message.slice(1) + '.', param);
}

/** The global pipe: DTO classes only, unknown fields refused, strings converted per DTO `@Type`. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: false,
    validationError: { target: false, value: true },
    exceptionFactory: (errors) => validationError(errors),
  });
}
