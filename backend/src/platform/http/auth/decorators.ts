import { applyDecorators, createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { FASTIFY_ROUTE_CONFIG_METADATA } from '@nestjs/platform-fastify/constants.js';
import { ApiSecurity } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { Audience, AuthContext } from './auth-context.js';

export const AUDIENCE_KEY = 'cc:audience';
export const ADMIN_ONLY_KEY = 'cc:admin-only';

const ANONYMOUS: readonly Audience[] = ['public', 'publishable'];

/** Fastify route config carried by every route `@Allow` marks, read by the rate limiter before routing to Nest. */
interface AudienceRouteConfig {
  ccAudiences?: Audience[];
}

/** True for a route that takes no bearer credential (only public or publishable-key callers). */
export const isAnonymousRoute = (config: unknown): boolean => {
  const audiences = (config as AudienceRouteConfig | undefined)?.ccAudiences;
  return !!audiences && audiences.every((a) => ANONYMOUS.includes(a));
};

/** Puts the audiences into the Fastify route config of a handler, or of every handler of a class. */
const audienceRouteConfig =
  (audiences: Audience[]) =>
  (target: object, _key?: string | symbol, descriptor?: PropertyDescriptor): void => {
    const handlers =
      descriptor?.value !== undefined
        ? [descriptor.value as object]
        : Object.getOwnPropertyNames((target as { prototype: object }).prototype)
            .filter((name) => name !== 'constructor')
            .map((name) => (target as { prototype: Record<string, unknown> }).prototype[name])
            .filter((fn): fn is object => typeof fn === 'function');
    for (const handler of handlers) {
      const own = Reflect.getMetadata(FASTIFY_ROUTE_CONFIG_METADATA, handler) as AudienceRouteConfig | undefined;
      if (descriptor?.value === undefined && own?.ccAudiences) continue; // a method's own @Allow wins
      Reflect.defineMetadata(FASTIFY_ROUTE_CONFIG_METADATA, { ...own, ccAudiences: audiences }, handler);
    }
  };

/** Which credentials a route accepts (default: `merchant`). */
export const Allow = (...audiences: Audience[]) => {
  const docs = audiences.map((a) => (a === 'public' ? ApiSecurity({}) : ApiSecurity(SECURITY_SCHEME[a])));
  return applyDecorators(SetMetadata(AUDIENCE_KEY, audiences), audienceRouteConfig(audiences), ...docs);
};

/** The OpenAPI security scheme of each audience (routes without `@Allow` are `merchant`: `secretKey`). */
const SECURITY_SCHEME: Record<Exclude<Audience, 'public'>, string> = {
  merchant: 'secretKey',
  customer: 'customerSession',
  publishable: 'publishableKey',
  platform: 'platformToken',
};

/** Merchant routes only an admin may call (`403 admin_required` for members). */
export const AdminOnly = () => SetMetadata(ADMIN_ONLY_KEY, true);

export const OWN_BEARER_KEY = 'cc:own-bearer';
/** The handler checks `Authorization` itself against a token of its own (`/metrics`): the guard lets it through as anonymous. */
export const OwnBearerToken = () => SetMetadata(OWN_BEARER_KEY, true);

export const NO_TRANSACTION_KEY = 'cc:no-transaction';

/** A write route that manages its own transactions (e.g. running the worker); the write interceptor leaves it alone. */
export const NoTransaction = () => SetMetadata(NO_TRANSACTION_KEY, true);

export const OWN_TRANSACTIONS_KEY = 'cc:own-transactions';

/**
 * A write route whose work runs in several transactions of its own (a payment: one before the
 * processor is called, one after). The write interceptor opens none; an `Idempotency-Key` is
 * claimed and committed first, and the answer stored when the work ends.
 */
export const OwnTransactions = () => SetMetadata(OWN_TRANSACTIONS_KEY, true);

export type RequestWithAuth = FastifyRequest & { auth?: AuthContext };

/** The caller's resolved credential. */
export const Auth = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthContext => {
  return ctx.switchToHttp().getRequest<RequestWithAuth>().auth ?? { kind: 'anonymous' };
});
