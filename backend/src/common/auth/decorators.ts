import { applyDecorators, createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { ApiSecurity } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { Audience, AuthContext } from './auth-context.js';

export const AUDIENCE_KEY = 'cc:audience';
export const ADMIN_ONLY_KEY = 'cc:admin-only';

/** Which credentials a route accepts (default: `merchant`). */
export const Allow = (...audiences: Audience[]) => {
  const docs = audiences.map((a) => (a === 'public' ? ApiSecurity({}) : ApiSecurity(SECURITY_SCHEME[a])));
  return applyDecorators(SetMetadata(AUDIENCE_KEY, audiences), ...docs);
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

export type RequestWithAuth = FastifyRequest & { auth?: AuthContext };

/** The caller's resolved credential. */
export const Auth = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthContext => {
  return ctx.switchToHttp().getRequest<RequestWithAuth>().auth ?? { kind: 'anonymous' };
});
