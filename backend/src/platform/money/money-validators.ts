import { registerDecorator, type ValidationOptions } from 'class-validator';
import { isCurrency, isMinorAmount } from './money.js';

/** An integer amount in minor units (no fractions, no floats), positive unless `allowZero`. */
export function IsMinorAmount(opts: { allowZero?: boolean } = {}, options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isMinorAmount',
      target: target.constructor,
      propertyName,
      options: {
        message: `${propertyName} must be a ${opts.allowZero ? 'non-negative' : 'positive'} whole number of minor units (cents)`,
        ...options,
      },
      validator: { validate: (v: unknown) => isMinorAmount(v, opts) },
    });
}

/** An ISO 4217 currency code, upper-case. */
export function IsCurrency(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isCurrency',
      target: target.constructor,
      propertyName,
      options: { message: `${propertyName} must be an ISO 4217 currency code such as USD`, ...options },
      validator: { validate: (v: unknown) => isCurrency(v) },
    });
}
