import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import { Clock } from '../../platform/clock/clock.js';
import { Db } from '../../platform/database/db.js';
import { newId } from '../../platform/ids/ids.js';
import { newToken } from '../../platform/crypto/secrets.js';
import { TokenHashes } from '../../platform/crypto/token-hashes.js';
import { Session } from './session.entity.js';

/** Lifetimes of product.md (Time). */
export const MERCHANT_SESSION_SECONDS = 12 * 3600;
export const CUSTOMER_SESSION_IDLE_SECONDS = 3600;
/** A customer session never outlives this, however often it is used (a polling tab must not keep one for ever). */
export const CUSTOMER_SESSION_MAX_SECONDS = 12 * 3600;

export interface IssuedSession {
  token: string;
  session: Session;
}

export type ResolvedSession = { state: 'active'; session: Session } | { state: 'expired' } | { state: 'invalid' };

@Injectable()
export class SessionsService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly tokens: TokenHashes,
  ) {}

  /** A dashboard session (`ms_`): fixed 12 hours. */
  createMerchantSession(merchantId: string, userId: string): Promise<IssuedSession> {
    return this.issue(
      { merchantId, kind: 'merchant', userId, contactId: null, idleSeconds: 0 },
      'ms',
      MERCHANT_SESSION_SECONDS,
    );
  }

  /** A customer session (`cs_`) scoped to one contact: 1 hour from last use. */
  createCustomerSession(merchantId: string, contactId: string): Promise<IssuedSession> {
    return this.issue(
      { merchantId, kind: 'customer', userId: null, contactId, idleSeconds: CUSTOMER_SESSION_IDLE_SECONDS },
      'cs',
      CUSTOMER_SESSION_IDLE_SECONDS,
    );
  }

  private async issue(
    fields: Pick<Session, 'merchantId' | 'kind' | 'userId' | 'contactId' | 'idleSeconds'>,
    prefix: 'ms' | 'cs',
    seconds: number,
  ): Promise<IssuedSession> {
    const token = newToken(prefix);
    const session: Session = {
      ...fields,
      id: newId('ses'),
      tokenHash: this.tokens.of(token),
      expiresAt: this.clock.plusSeconds(seconds),
      createdAt: this.clock.now(),
      revokedAt: null,
    };
    await this.db.repo(Session).insert(session);
    return { token, session };
  }

  /**
   * Looks a token up; a sliding session is extended on use (at most once a minute), never past
   * {@link CUSTOMER_SESSION_MAX_SECONDS} after it was made.
   */
  async resolve(token: string): Promise<ResolvedSession> {
    const session = await this.tokens.find(Session, token, { revokedAt: IsNull() });
    if (!session) return { state: 'invalid' };
    const now = this.clock.now();
    if (session.expiresAt <= now) return { state: 'expired' };
    if (session.idleSeconds > 0) {
      const end = session.createdAt.getTime() + CUSTOMER_SESSION_MAX_SECONDS * 1000;
      const next = new Date(Math.min(now.getTime() + session.idleSeconds * 1000, end));
      if (next.getTime() - session.expiresAt.getTime() > 60_000) {
        await this.db.repo(Session).update({ merchantId: session.merchantId, id: session.id }, { expiresAt: next });
        session.expiresAt = next;
      }
    }
    return { state: 'active', session };
  }

  async revoke(merchantId: string, id: string): Promise<void> {
    await this.db.repo(Session).update({ merchantId, id, revokedAt: IsNull() }, { revokedAt: this.clock.now() });
  }

  async revokeForUser(merchantId: string, userId: string): Promise<void> {
    await this.db.repo(Session).update({ merchantId, userId, revokedAt: IsNull() }, { revokedAt: this.clock.now() });
  }

  async revokeForContact(merchantId: string, contactId: string): Promise<void> {
    await this.db.repo(Session).update({ merchantId, contactId, revokedAt: IsNull() }, { revokedAt: this.clock.now() });
  }
}
