import { applyDecorators, createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { ApiBearerAuth, ApiSecurity } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { Audience, AuthContext } from './auth-context.js';

export const AUDIENCE_KEY = 'cc:audience';
export const ADMIN_ONLY_KEY = 'cc:admin-only';

/** Which credentials a route accepts (default: `merchant`). */
export const Allow = (...audiences: Audience[]) => {
  const docs = [];
  if (audiences.some((a) => a !== 'public' && a !== 'publishable')) docs.push(ApiBearerAuth());
  if (audiences.includes('publishable')) docs.push(ApiSecurity('publishableKey'));
  return applyDecorators(SetMetadata(AUDIENCE_KEY, audiences), ...docs);
};

/** Merchant routes only an admin may call (`403 admin_required` for members). */
export const AdminOnly = () => SetMetadata(ADMIN_ONLY_KEY, true);

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
