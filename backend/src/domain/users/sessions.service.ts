import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import { RecentCache } from '../../platform/cache/recent-cache.js';
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

/**
 * How long a process keeps a customer session it has read, by the token's HMAC, before reading
 * it again (every customer request looks its session up; a payment is ten statements, the
 * lookup was one more). Expiry is still checked on every use; a revocation ends the session at
 * once in the process that made it (even while its transaction is open), and in other
 * processes (CC_WORKERS, other instances) within this time.
 */
export const CUSTOMER_SESSION_CACHE_MS = 5_000;
/** Entries kept at most (the oldest go first). */
const CUSTOMER_SESSION_CACHE_SIZE = 10_000;

export interface IssuedSession {
  token: string;
  session: Session;
}

export type ResolvedSession = { state: 'active'; session: Session } | { state: 'expired' } | { state: 'invalid' };

const contactKey = (s: Pick<Session, 'merchantId' | 'contactId'>) => `${s.merchantId} ${s.contactId}`;

@Injectable()
export class SessionsService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly tokens: TokenHashes,
  ) {}

  /** Customer sessions read in the last {@link CUSTOMER_SESSION_CACHE_MS}, by token HMAC (active ones only). */
  private readonly recent = new RecentCache<Session>(CUSTOMER_SESSION_CACHE_MS, CUSTOMER_SESSION_CACHE_SIZE);
  /** Sessions and contacts (`merchant contact`) this process revoked sessions of: never served from `recent` again. */
  private readonly revokedHere = new Set<string>();

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
    const session = this.recentSession(token) ?? (await this.read(token));
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

  private recentSession(token: string): Session | undefined {
    const hit = this.recent.get(this.tokens.of(token));
    return hit && !this.revokedHere.has(hit.id) && !this.revokedHere.has(contactKey(hit)) ? hit : undefined;
  }

  private async read(token: string): Promise<Session | null> {
    const session = await this.tokens.find(Session, token, { revokedAt: IsNull() });
    if (session?.kind === 'customer' && !this.revokedHere.has(session.id) && !this.revokedHere.has(contactKey(session)))
      this.recent.set(session.tokenHash, session);
    return session;
  }

  async revoke(merchantId: string, id: string): Promise<void> {
    this.revokedHere.add(id);
    await this.db.repo(Session).update({ merchantId, id, revokedAt: IsNull() }, { revokedAt: this.clock.now() });
  }

  async revokeForUser(merchantId: string, userId: string): Promise<void> {
    await this.db.repo(Session).update({ merchantId, userId, revokedAt: IsNull() }, { revokedAt: this.clock.now() });
  }

  async revokeForContact(merchantId: string, contactId: string): Promise<void> {
    this.revokedHere.add(contactKey({ merchantId, contactId }));
    await this.db.repo(Session).update({ merchantId, contactId, revokedAt: IsNull() }, { revokedAt: this.clock.now() });
  }
}
