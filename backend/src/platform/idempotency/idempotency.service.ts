import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { LessThan } from 'typeorm';
import { Clock } from '../clock/clock.js';
import { Db } from '../database/db.js';
import { Encryption } from '../crypto/encryption.js';
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
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** How a keyed request hash starts; a row without it was stored before (a plain SHA-256, gone within 24 hours). */
const KEYED = 'h1.';

/** The plain digest rows kept before requests were hashed with a key (read only to recognise their replays). */
function legacyRequestHash(method: string, path: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method} ${path}\n${canonical(body)}`)
    .digest('hex');
}

/** A key's merchant column: the merchant's id, or `''` for callers without one (it leads the primary key). */
const merchantKey = (merchantId: string | null) => merchantId ?? '';

/** The Idempotency-Key (with its credential scope and the request's hash) of the write whose work is running, if it sent one. */
interface CurrentKey {
  scope: string;
  key: string;
  hash: string;
  /**
   * Routes with their own transactions: where the work may store its answer inside its last
   * transaction ({@link IdempotencyService.answerInTransaction}); `answered` then tells the
   * interceptor not to store it again.
   */
  early?: { merchantId: string | null; statusCode: number; answered: boolean };
}
const currentKey = new AsyncLocalStorage<CurrentKey>();

/**
 * A key for an outside system's own idempotency (the payment processor), stable across retries
 * of the same request: derived from the request's Idempotency-Key and its body's hash when it
 * sent a key (a retry after a rollback then reaches the processor with the same key, and is not
 * charged again; the same key with another body — another card, amount or invoice — is another
 * request to the processor too), else `fallback`. `purpose` tells apart several such calls made
 * by one request. Processors forget keys after a day, as the API does (a key reused after 24
 * hours is a new payment on both sides).
 */
export function derivedIdempotencyKey(purpose: string, fallback: string): string {
  const current = currentKey.getStore();
  if (!current) return fallback;
  return `idk_${createHash('sha256').update(`${purpose}\n${current.scope}\n${current.key}\n${current.hash}`).digest('hex').slice(0, 40)}`;
}

/**
 * Runs `work` with the request's Idempotency-Key readable by {@link derivedIdempotencyKey}; with
 * `early` (a route with its own transactions), the work may store its answer itself.
 */
export function withIdempotencyKey<T>(
  scope: string,
  key: string,
  hash: string,
  work: () => Promise<T>,
  early?: CurrentKey['early'],
): Promise<T> {
  return currentKey.run({ scope, key, hash, early }, work);
}

export type Claim = { state: 'claimed' } | { state: 'replay'; row: IdempotencyKey } | { state: 'mismatch' };

@Injectable()
export class IdempotencyService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly encryption: Encryption,
  ) {}

  /**
   * What is stored to recognise a request's body: an HMAC under a server-side key (derived from
   * CC_ENCRYPTION_KEY), never a plain digest — bodies carry passwords, card and account numbers.
   */
  requestHash(method: string, path: string, body: unknown): { hash: string; legacy: () => string } {
    const text = `${method} ${path}\n${canonical(body)}`;
    return {
      hash: KEYED + this.encryption.mac('idempotency', text),
      legacy: () => legacyRequestHash(method, path, body),
    };
  }

  /**
   * Inside the request's transaction: insert the key as ours (taking over an expired row with
   * the same key, in the same statement), or find the answer it already has. A concurrent
   * duplicate's INSERT waits on ours until we commit (then replays) or roll back (then runs).
   * One round trip on the path of every write, so it is plain SQL.
   */
  async claim(
    scope: string,
    key: string,
    { hash, legacy }: { hash: string; legacy?: () => string },
    merchantId: string | null,
  ): Promise<Claim> {
    const now = this.clock.now();
    const claimed: unknown[] = await this.db.manager.query(
      `INSERT INTO idempotency_keys (merchant_id, scope, key, request_hash, status_code, response_body, created_at, expires_at)
       VALUES ($1, $2, $3, $4, 0, '{}', $5, $6)
       ON CONFLICT (merchant_id, scope, key) DO UPDATE
         SET request_hash = EXCLUDED.request_hash, status_code = 0,
             response_body = '{}', created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at
         WHERE idempotency_keys.expires_at < EXCLUDED.created_at
       RETURNING key`,
      [merchantKey(merchantId), scope, key, hash, now, this.clock.plusSeconds(IDEMPOTENCY_TTL_SECONDS)],
    );
    if (claimed.length) return { state: 'claimed' };
    const row = await this.db
      .repo(IdempotencyKey)
      .findOneOrFail({ where: { merchantId: merchantKey(merchantId), scope, key } });
    const same = row.requestHash.startsWith(KEYED) ? row.requestHash === hash : row.requestHash === legacy?.();
    return same ? { state: 'replay', row } : { state: 'mismatch' };
  }

  /** Stores the answer on the claimed row (same transaction as the work, written with its other appends before COMMIT). */
  async complete(
    merchantId: string | null,
    scope: string,
    key: string,
    statusCode: number,
    body: unknown,
  ): Promise<void> {
    await this.db.writeLater(
      'UPDATE idempotency_keys SET status_code = $1, response_body = $2 WHERE merchant_id = $3 AND scope = $4 AND key = $5',
      [statusCode, JSON.stringify(stripSecrets(body) ?? null), merchantKey(merchantId), scope, key],
    );
  }

  /**
   * For a route with its own transactions: stores `body` as the request's answer (its success
   * status) with the open transaction's deferred writes, so the answer commits with the work
   * in its last transaction instead of in a statement after it. The work must then return
   * exactly `body`. Nothing without an Idempotency-Key or outside a transaction.
   */
  async answerInTransaction(body: unknown): Promise<void> {
    const current = currentKey.getStore();
    const early = current?.early;
    if (!current || !early || early.answered || !this.db.inTransaction) return;
    await this.complete(early.merchantId, current.scope, current.key, early.statusCode, body);
    early.answered = true;
  }

  /** Gives back a claim that has no answer (a route with its own transactions that ended in a transient error). */
  async release(merchantId: string | null, scope: string, key: string): Promise<void> {
    await this.db.manager.query(
      'DELETE FROM idempotency_keys WHERE merchant_id = $1 AND scope = $2 AND key = $3 AND status_code = 0',
      [merchantKey(merchantId), scope, key],
    );
  }

  /** After a rolled-back request that answered 4xx: remember that answer in its own transaction. */
  async rememberFailure(
    scope: string,
    key: string,
    hash: string,
    merchantId: string | null,
    statusCode: number,
    body: unknown,
  ): Promise<void> {
    await this.db.detached((em) =>
      em
        .getRepository(IdempotencyKey)
        .createQueryBuilder()
        .insert()
        .values({
          merchantId: merchantKey(merchantId),
          scope,
          key,
          requestHash: hash,
          statusCode,
          responseBody: body as object,
          createdAt: this.clock.now(),
          expiresAt: this.clock.plusSeconds(IDEMPOTENCY_TTL_SECONDS),
        })
        .orIgnore()
        .execute(),
    );
  }

  /** Worker job: forget expired keys. */
  async purgeExpired(): Promise<void> {
    await this.db.repo(IdempotencyKey).delete({ expiresAt: LessThan(this.clock.now()) });
  }
}
