import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Audience, AuthContext } from '../../platform/http/auth/auth-context.js';
import {
  ADMIN_ONLY_KEY,
  AUDIENCE_KEY,
  OWN_BEARER_KEY,
  type RequestWithAuth,
} from '../../platform/http/auth/decorators.js';
import { ApiError } from '../../platform/errors/errors.js';
import { ACCOUNT_ERRORS } from '../../errors/accounts.js';
import { PLATFORM_ERRORS } from '../../platform/errors/codes.js';
import { CredentialsService } from './credentials.service.js';

const AUDIENCE_OF: Record<AuthContext['kind'], Audience> = {
  secret_key: 'merchant',
  merchant_session: 'merchant',
  customer_session: 'customer',
  publishable_key: 'publishable',
  platform: 'platform',
  anonymous: 'public',
};

interface RoutePolicy {
  allowed: Audience[];
  ownBearer: boolean;
  adminOnly: boolean;
}

/** Global guard: resolves the credential, then checks the route's `@Allow` and `@AdminOnly`. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly credentials: CredentialsService,
  ) {}

  /** Each handler's policy, read from its decorators once (they never change after start-up). */
  private readonly policies = new WeakMap<object, RoutePolicy>();

  private policyOf(ctx: ExecutionContext): RoutePolicy {
    const handler = ctx.getHandler();
    let policy = this.policies.get(handler);
    if (!policy) {
      const targets = [handler, ctx.getClass()];
      policy = {
        allowed: this.reflector.getAllAndOverride<Audience[] | undefined>(AUDIENCE_KEY, targets) ?? ['merchant'],
        ownBearer: !!this.reflector.get<boolean>(OWN_BEARER_KEY, handler),
        adminOnly: !!this.reflector.getAllAndOverride<boolean>(ADMIN_ONLY_KEY, targets),
      };
      this.policies.set(handler, policy);
    }
    return policy;
  }

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const { allowed, ownBearer, adminOnly } = this.policyOf(ctx);
    const req = ctx.switchToHttp().getRequest<RequestWithAuth>();
    if (ownBearer) {
      req.auth = { kind: 'anonymous' };
      return true;
    }
    if (allowed.includes('public') && !req.headers.authorization && !req.headers['cc-publishable-key']) {
      req.auth = { kind: 'anonymous' };
      return true;
    }
    const auth = await this.credentials.resolve(req);
    req.auth = auth;
    const audience = AUDIENCE_OF[auth.kind];
    if (!allowed.includes(audience) && !allowed.includes('public')) {
      if (auth.kind === 'anonymous') {
        throw new ApiError(PLATFORM_ERRORS.authentication_required, `Send a credential: ${describe(allowed)}.`);
      }
      if (allowed.length === 1 && allowed[0] === 'platform') {
        throw new ApiError(
          ACCOUNT_ERRORS.platform_policy,
          'Only the platform underwriting team can use this endpoint.',
        );
      }
      throw new ApiError(
        ACCOUNT_ERRORS.credential_not_allowed,
        `This endpoint takes ${describe(allowed)}, not ${describeKind(auth)}.`,
      );
    }
    if (adminOnly && !('role' in auth && auth.role === 'admin')) {
      throw new ApiError(ACCOUNT_ERRORS.admin_required);
    }
    return true;
  }
}

function describe(audiences: Audience[]): string {
  const names: Record<Audience, string> = {
    merchant: 'a secret key (sk_) or dashboard session (ms_) as "Authorization: Bearer …"',
    customer: 'a customer session (cs_) as "Authorization: Bearer …"',
    publishable: 'a publishable key in the CC-Publishable-Key header',
    platform: 'the platform admin token',
    public: 'no credential',
  };
  return audiences.map((a) => names[a]).join(', or ');
}

function describeKind(auth: AuthContext): string {
  return {
    secret_key: 'a secret key',
    merchant_session: 'a dashboard session',
    customer_session: 'a customer session',
    publishable_key: 'a publishable key',
    platform: 'the platform token',
    anonymous: 'no credential',
  }[auth.kind];
}
