import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { LessThan } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { Db } from '../../common/db.js';
import { IdempotencyKey } from './idempotency-key.entity.js';

/** Keys are kept at least this long (api.md: 24 hours). */
export const IDEMPOTENCY_TTL_SECONDS = 24 * 3600;

/** Strings that are secrets by their prefix; a replay leaves them out (secrets are shown once). */
const SECRET = /^(sk|ms|cs|whsec|pwr|wl)_/;

export function stripSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripSecrets);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (typeof v === 'string' && SECRET.test(v)) continue;
      out[k] = stripSecrets(v);
    }
    return out;
  }
  return value;
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export function requestHash(method: string, path: string, body: unknown): string {
  return createHash('sha256').update(`${method} ${path}\n${canonical(body)}`).digest('hex');
}

export type Claim = { state: 'claimed' } | { state: 'replay'; row: IdempotencyKey } | { state: 'mismatch' };

@Injectable()
export class IdempotencyService {
  constructor(private readonly db: Db, private readonly clock: Clock) {}

  /**
   * Inside the request's transaction: insert the key as ours, or find the answer it already has.
   * A concurrent duplicate's INSERT waits on ours until we commit (then replays) or roll back (then runs).
   */
  async claim(scope: string, key: string, hash: string, merchantId: string | null): Promise<Claim> {
    const repo = this.db.repo(IdempotencyKey);
    const now = this.clock.now();
    await repo.delete({ scope, key, expiresAt: LessThan(now) });
    const inserted = await repo
      .createQueryBuilder()
      .insert()
      .values({ scope, key, merchantId, requestHash: hash, statusCode: 0, responseBody: {}, createdAt: now, expiresAt: this.clock.plusSeconds(IDEMPOTENCY_TTL_SECONDS) })
      .orIgnore()
      .returning(['key'])
      .execute();
    if (inserted.raw.length) return { state: 'claimed' };
    const row = await repo.findOneOrFail({ where: { scope, key } });
    return row.requestHash === hash ? { state: 'replay', row } : { state: 'mismatch' };
  }

  /** Stores the answer on the claimed row (same transaction as the work). */
  async complete(scope: string, key: string, statusCode: number, body: unknown): Promise<void> {
    await this.db.repo(IdempotencyKey).update({ scope, key }, { statusCode, responseBody: stripSecrets(body) as object });
  }

  /** After a rolled-back request that answered 4xx: remember that answer in its own transaction. */
  async rememberFailure(scope: string, key: string, hash: string, merchantId: string | null, statusCode: number, body: unknown): Promise<void> {
    await this.db.detached((em) =>
      em
        .getRepository(IdempotencyKey)
        .createQueryBuilder()
        .insert()
        .values({ scope, key, merchantId, requestHash: hash, statusCode, responseBody: body as object, createdAt: this.clock.now(), expiresAt: this.clock.plusSeconds(IDEMPOTENCY_TTL_SECONDS) })
        .orIgnore()
        .execute(),
    );
  }

  /** Worker job: forget expired keys. */
  async purgeExpired(): Promise<void> {
    await this.db.repo(IdempotencyKey).delete({ expiresAt: LessThan(this.clock.now()) });
  }
}
