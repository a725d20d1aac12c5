import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { In, type EntityTarget, type FindOneOptions, type FindOptionsWhere } from 'typeorm';
import { Db } from '../database/db.js';
import { Encryption } from './encryption.js';

/** A row found by a bearer token (API key, session, wallet link, password reset). */
export interface TokenRow {
  merchantId: string;
  id: string;
  tokenHash: string | null;
}

/**
 * How bearer tokens (`sk_`, `ms_`, `cs_`, `wl_`, `pwr_`) are stored: an HMAC-SHA256 (base64url)
 * under the `token-lookup` subkey of CC_ENCRYPTION_KEY, so a dump of the database cannot be
 * matched against a token seen elsewhere (a log, a mail) without the key. Rows written before
 * hold a plain SHA-256 (hex): they are still found, and re-keyed on first use.
 */
@Injectable()
export class TokenHashes {
  constructor(
    private readonly db: Db,
    private readonly encryption: Encryption,
  ) {}

  /** What is stored for `token`. */
  of(token: string): string {
    return this.encryption.mac('token-lookup', token);
  }

  /**
   * The row holding `token` among those matching `where`, in one indexed query (keyed or legacy
   * digest). A row still under the legacy digest is re-keyed, in the caller's transaction if one
   * is open.
   */
  async find<T extends TokenRow>(
    entity: EntityTarget<T>,
    token: string,
    where: FindOptionsWhere<T>,
    lock?: FindOneOptions<T>['lock'],
  ): Promise<T | null> {
    const keyed = this.of(token);
    const legacy = createHash('sha256').update(token).digest('hex');
    const repo = this.db.repo(entity);
    const row = await repo.findOne({
      where: { ...where, tokenHash: In([keyed, legacy]) } as FindOptionsWhere<T>,
      lock,
    });
    if (row && row.tokenHash !== keyed) {
      await repo.update(
        { merchantId: row.merchantId, id: row.id, tokenHash: legacy } as FindOptionsWhere<T>,
        {
          tokenHash: keyed,
        } as never,
      );
      row.tokenHash = keyed;
    }
    return row;
  }
}
