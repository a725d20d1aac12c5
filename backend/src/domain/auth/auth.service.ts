import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import type { Actor, AuthContext } from '../../platform/http/auth/auth-context.js';
import { Clock } from '../../platform/clock/clock.js';
import { CommitThenThrow, Db } from '../../platform/database/db.js';
import { ApiError } from '../../platform/errors/errors.js';
import { ACCOUNT_ERRORS } from '../../errors/accounts.js';
import { DUMMY_PASSWORD_HASH, verifyPassword } from '../../platform/crypto/secrets.js';
import { TokenHashes } from '../../platform/crypto/token-hashes.js';
import { AuditService } from '../audit/audit.service.js';
import { OutboxService } from '../../platform/outbox/outbox.service.js';
import { toUserDto } from '../users/dto/user.dto.js';
import { UsersService } from '../users/users.service.js';
import type { LoginResponseDto } from './dto/auth.dto.js';
import { PASSWORD_RESET_TOPIC } from './password-reset-mail.handler.js';
import { PasswordReset } from './password-reset.entity.js';
import { LoginThrottle } from './login-throttle.js';
import { SessionsService } from '../users/sessions.service.js';

@Injectable()
export class AuthService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly throttle: LoginThrottle,
    private readonly tokens: TokenHashes,
  ) {}

  /** Email + password → a 12-hour dashboard session. One answer for a wrong email or password. */
  async login(email: string, password: string): Promise<LoginResponseDto> {
    await this.throttle.assertOpen(email);
    const user = await this.users.findByEmail(email);
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_PASSWORD_HASH);
    if (!user || !ok) {
      await this.throttle.recordFailure(email);
      // Committed though the answer is 401: the failure must count.
      throw new CommitThenThrow(new ApiError(ACCOUNT_ERRORS.invalid_login));
    }
    await this.throttle.clear(email);
    const { token, session } = await this.sessions.createMerchantSession(user.merchantId, user.id);
    return { token, user: toUserDto(user), expiresAt: session.expiresAt.toISOString() };
  }

  async logout(auth: AuthContext): Promise<{ loggedOut: true }> {
    if (auth.kind !== 'merchant_session') throw new ApiError(ACCOUNT_ERRORS.not_a_session);
    await this.sessions.revoke(auth.merchantId, auth.sessionId);
    return { loggedOut: true };
  }

  /** Emails a reset link when the user exists; answers the same either way. */
  async requestReset(email: string): Promise<{ sent: true }> {
    const user = await this.users.findByEmail(email);
    if (user) {
      // The link (and its token) is made when the mail is sent: the outbox row holds no live token.
      await this.db.transaction(() =>
        this.outbox.enqueue(user.merchantId, PASSWORD_RESET_TOPIC, { userId: user.id, email: user.email }),
      );
    }
    return { sent: true };
  }

  /** A valid, unused, unexpired token sets the password and ends every session of the user. */
  async confirmReset(token: string, password: string): Promise<{ reset: true }> {
    return this.db.transaction(async () => {
      const repo = this.db.repo(PasswordReset);
      const reset = await this.tokens.find(PasswordReset, token, { usedAt: IsNull() }, { mode: 'pessimistic_write' });
      if (!reset || reset.expiresAt <= this.clock.now())
        throw new ApiError(
          ACCOUNT_ERRORS.link_invalid,
          'This reset link is expired, used or unknown; ask for a new one.',
        );
      await repo.update({ merchantId: reset.merchantId, id: reset.id }, { usedAt: this.clock.now() });
      await this.users.setPassword(reset.merchantId, reset.userId, password);
      await this.sessions.revokeForUser(reset.merchantId, reset.userId);
      const actor: Actor = { type: 'user', id: reset.userId, credentialId: reset.id };
      await this.audit.record({
        merchantId: reset.merchantId,
        actor,
        action: 'user.password_reset',
        subjectId: reset.userId,
      });
      return { reset: true };
    });
  }
}
