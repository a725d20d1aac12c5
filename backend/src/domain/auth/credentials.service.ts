import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { AuthContext } from '../../platform/http/auth/auth-context.js';
import { ApiError } from '../../platform/errors/errors.js';
import { ACCOUNT_ERRORS } from '../../errors/accounts.js';
import { safeEqual } from '../../platform/crypto/secrets.js';
import { AppConfig } from '../../config/app-config.js';
import { ApiKeysService } from '../api-keys/api-keys.service.js';
import { MerchantsService } from '../merchants/merchants.service.js';
import { UsersService } from '../users/users.service.js';
import { SessionsService } from '../users/sessions.service.js';

/** Turns the one credential a request carries into an `AuthContext`, or a 401/403. */
@Injectable()
export class CredentialsService {
  constructor(
    private readonly config: AppConfig,
    private readonly apiKeys: ApiKeysService,
    private readonly sessions: SessionsService,
    private readonly users: UsersService,
    private readonly merchants: MerchantsService,
  ) {}

  async resolve(req: FastifyRequest): Promise<AuthContext> {
    const authorization = req.headers.authorization;
    const publishable = req.headers['cc-publishable-key'];
    if (authorization) return this.bearer(authorization);
    if (typeof publishable === 'string' && publishable) return this.publishable(publishable, req);
    return { kind: 'anonymous' };
  }

  private async bearer(header: string): Promise<AuthContext> {
    const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
    if (!match) throw new ApiError(ACCOUNT_ERRORS.invalid_authorization);
    const token = match[1]!;
    const invalid = () => new ApiError(ACCOUNT_ERRORS.invalid_credentials);
    if (token.startsWith('sk_')) {
      const key = await this.apiKeys.findActiveSecret(token);
      if (!key) throw invalid();
      return { kind: 'secret_key', merchantId: key.merchantId, role: key.role, keyId: key.id };
    }
    if (token.startsWith('ms_') || token.startsWith('cs_')) {
      const found = await this.sessions.resolve(token);
      if (found.state === 'invalid') throw invalid();
      if (found.state === 'expired') throw new ApiError(ACCOUNT_ERRORS.session_expired);
      const s = found.session;
      if (s.kind === 'customer')
        return { kind: 'customer_session', merchantId: s.merchantId, contactId: s.contactId!, sessionId: s.id };
      const user = await this.users.findById(s.merchantId, s.userId!);
      if (!user) throw invalid();
      return { kind: 'merchant_session', merchantId: s.merchantId, role: user.role, userId: user.id, sessionId: s.id };
    }
    if (token.startsWith('pk_'))
      throw new ApiError(
        ACCOUNT_ERRORS.invalid_credentials,
        'A publishable key goes in the CC-Publishable-Key header, not Authorization.',
      );
    const platform = this.config.CC_PLATFORM_ADMIN_TOKEN;
    if (platform && safeEqual(token, platform)) return { kind: 'platform' };
    throw invalid();
  }

  /** A publishable key is public, so it counts only from the merchant's allowed origins. */
  private async publishable(token: string, req: FastifyRequest): Promise<AuthContext> {
    const key = await this.apiKeys.findActivePublishable(token);
    if (!key) throw new ApiError(ACCOUNT_ERRORS.invalid_credentials, 'This publishable key is unknown or revoked.');
    const merchant = await this.merchants.getCached(key.merchantId);
    const origin = this.requestOrigin(req);
    if (!origin || !merchant.settings.allowedOrigins.includes(origin)) {
      throw new ApiError(
        ACCOUNT_ERRORS.origin_not_allowed,
        origin
          ? `The origin ${origin} is not in this merchant's allowedOrigins; an admin can add it in settings.`
          : "A publishable key is accepted only from a browser page on one of the merchant's allowedOrigins (no Origin header was sent).",
      );
    }
    return { kind: 'publishable_key', merchantId: key.merchantId, keyId: key.id };
  }

  /** The page's origin: the Origin header, or our own origin for a same-origin GET (browsers omit Origin then). */
  private requestOrigin(req: FastifyRequest): string | null {
    const origin = req.headers.origin;
    if (typeof origin === 'string' && origin !== 'null') return origin.toLowerCase();
    if (req.headers['sec-fetch-site'] === 'same-origin') return new URL(this.config.publicUrl).origin;
    return null;
  }
}
