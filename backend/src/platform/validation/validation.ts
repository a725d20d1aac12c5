import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
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

type DtoClass = new () => object;

const isEmptyPlainObject = (v: unknown): boolean =>
  typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype && Object.keys(v).length === 0;

/**
 * Nest's pipe with one shortcut: a query string with no parameters (a list's default page, the
 * API's commonest request) for a DTO class that already accepted `{}` once, and made an empty
 * instance of it, gets a fresh instance without class-transformer and class-validator running
 * again: their answer for `{}` cannot change (the rules are fixed at start-up, and a rule on an
 * absent field sees only `undefined`). A class that refuses `{}` (a required parameter) or fills
 * anything in (a default) always takes the full path.
 */
class ValidationPipeWithEmptyQueries extends ValidationPipe {
  private readonly acceptsEmpty = new WeakSet<DtoClass>();

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const metatype = metadata.metatype as DtoClass | undefined;
    const empty = metadata.type === 'query' && typeof metatype === 'function' && isEmptyPlainObject(value);
    if (empty && this.acceptsEmpty.has(metatype)) return new metatype();
    const out: unknown = await super.transform(value, metadata);
    if (empty && out instanceof metatype && out.constructor === metatype && !Object.keys(out).length)
      this.acceptsEmpty.add(metatype);
    return out;
  }
}

/** The global pipe: DTO classes only, unknown fields refused, strings converted per DTO `@Type`. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipeWithEmptyQueries({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: false,
    validationError: { target: false, value: true },
    exceptionFactory: (errors) => validationError(errors),
  });
}
