import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import type { Actor } from '../../platform/http/auth/auth-context.js';
import { RecentCache } from '../../platform/cache/recent-cache.js';
import { Clock } from '../../platform/clock/clock.js';
import { Db } from '../../platform/database/db.js';
import { notFound } from '../../platform/errors/errors.js';
import { newId } from '../../platform/ids/ids.js';
import { mapPage, paginate, type ListQuery } from '../../platform/pagination/pagination.js';
import { newToken } from '../../platform/crypto/secrets.js';
import { TokenHashes } from '../../platform/crypto/token-hashes.js';
import { AuditService } from '../audit/audit.service.js';
import type { UserRole } from '../users/user.entity.js';
import { ApiKey, type ApiKeyKind } from './api-key.entity.js';
import { toApiKeyDto, type ApiKeyDto } from './dto/api-key.dto.js';

/** How long this process trusts a secret key it resolved without asking the database again. */
export const SECRET_KEY_CACHE_MS = 1000;
const SECRET_KEY_CACHE_SIZE = 1000;

@Injectable()
export class ApiKeysService {
  /**
   * Secret keys resolved in the last SECRET_KEY_CACHE_MS, by token hash (only found, active keys;
   * insertion order = age, the oldest dropped past the size). A key this process revoked is never
   * served from it again, even while the revoking transaction is still open or if it rolls back
   * (then it is simply looked up every time); another process's revocation takes effect here
   * within SECRET_KEY_CACHE_MS.
   */
  private readonly secretCache = new RecentCache<ApiKey>(SECRET_KEY_CACHE_MS, SECRET_KEY_CACHE_SIZE);
  private readonly revokedHere = new Set<string>();

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly tokens: TokenHashes,
  ) {}

  /** Creates a key; the answer holds the secret, the only time it is shown. */
  async create(merchantId: string, kind: ApiKeyKind, role: UserRole, actor: Actor): Promise<ApiKeyDto> {
    return this.db.transaction(async () => {
      const token = newToken(kind === 'secret' ? 'sk' : 'pk');
      const key: ApiKey = {
        merchantId,
        id: newId('key'),
        kind,
        role: kind === 'publishable' ? 'member' : role,
        tokenHash: kind === 'secret' ? this.tokens.of(token) : null,
        publishableKey: kind === 'publishable' ? token : null,
        last4: token.slice(-4),
        createdAt: this.clock.now(),
        revokedAt: null,
      };
      await this.db.repo(ApiKey).insert(key);
      await this.audit.record({
        merchantId,
        actor,
        action: 'api_key.created',
        subjectId: key.id,
        after: { kind, role: key.role },
      });
      return { ...toApiKeyDto(key), ...(kind === 'secret' ? { secret: token } : {}) };
    });
  }

  async list(merchantId: string, query: ListQuery) {
    const qb = this.db.repo(ApiKey).createQueryBuilder('k').where('k.merchantId = :merchantId', { merchantId });
    return mapPage(await paginate(qb, query), toApiKeyDto);
  }

  async revoke(merchantId: string, id: string, actor: Actor): Promise<ApiKeyDto> {
    return this.db.transaction(async () => {
      const repo = this.db.repo(ApiKey);
      const key = await repo.findOne({ where: { merchantId, id }, lock: { mode: 'pessimistic_write' } });
      if (!key) throw notFound('api key', id);
      this.revokedHere.add(id);
      if (!key.revokedAt) {
        key.revokedAt = this.clock.now();
        await repo.update({ merchantId, id }, { revokedAt: key.revokedAt });
        await this.audit.record({
          merchantId,
          actor,
          action: 'api_key.revoked',
          subjectId: id,
          before: { revokedAt: null },
          after: { revokedAt: key.revokedAt.toISOString() },
        });
      }
      return toApiKeyDto(key);
    });
  }

  async findActiveSecret(token: string): Promise<ApiKey | null> {
    const tokenHash = this.tokens.of(token);
    const hit = this.secretCache.get(tokenHash);
    if (hit && !this.revokedHere.has(hit.id)) return hit;
    const key = await this.tokens.find(ApiKey, token, { revokedAt: IsNull() });
    if (key && !this.revokedHere.has(key.id)) this.secretCache.set(tokenHash, key);
    return key;
  }

  findActivePublishable(token: string): Promise<ApiKey | null> {
    return this.db.repo(ApiKey).findOne({ where: { publishableKey: token, kind: 'publishable', revokedAt: IsNull() } });
  }
}
