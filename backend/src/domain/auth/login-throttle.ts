import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Clock } from '../../platform/clock/clock.js';
import { Db } from '../../platform/database/db.js';
import { ApiError } from '../../platform/errors/errors.js';
import { PLATFORM_ERRORS } from '../../platform/errors/codes.js';

/** Failed logins an account may have in the window before further attempts wait. */
export const LOGIN_FAILURES_ALLOWED = 10;
export const LOGIN_FAILURE_WINDOW_SECONDS = 15 * 60;

const accountKey = (email: string) => createHash('sha256').update(email.trim().toLowerCase()).digest('base64url');

/**
 * The per-account login throttle: after 10 failed logins for one email within 15 minutes, every
 * login for that email (right password or not) answers `429 rate_limited` with `Retry-After`
 * until the oldest of them leaves the window, whatever address the attempts come from.
 * Counted in the database, so it holds across instances. A success clears only its own account.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /** Throws `429 rate_limited` (with Retry-After) while the account is throttled. */
  async assertOpen(email: string): Promise<void> {
    const since = new Date(this.clock.now().getTime() - LOGIN_FAILURE_WINDOW_SECONDS * 1000);
    const rows: { failed_at: Date }[] = await this.db.manager.query(
      'SELECT failed_at FROM login_failures WHERE account_key = $1 AND failed_at > $2 ORDER BY failed_at DESC LIMIT $3',
      [accountKey(email), since, LOGIN_FAILURES_ALLOWED],
    );
    if (rows.length < LOGIN_FAILURES_ALLOWED) return;
    const opensAt = new Date(rows[rows.length - 1]!.failed_at).getTime() + LOGIN_FAILURE_WINDOW_SECONDS * 1000;
    const wait = Math.max(1, Math.ceil((opensAt - this.clock.now().getTime()) / 1000));
    const err = new ApiError(
      PLATFORM_ERRORS.rate_limited,
      `Too many failed logins for this account; retry in ${wait} s.`,
      undefined,
      { retryAfter: wait },
    );
    err.headers = { 'retry-after': String(wait) };
    throw err;
  }

  /** Records a failure (the caller commits it even though the login answers 401); drops the account's expired ones. */
  async recordFailure(email: string): Promise<void> {
    const key = accountKey(email);
    const since = new Date(this.clock.now().getTime() - LOGIN_FAILURE_WINDOW_SECONDS * 1000);
    await this.db.manager.query('DELETE FROM login_failures WHERE account_key = $1 AND failed_at <= $2', [key, since]);
    await this.db.manager.query('INSERT INTO login_failures (account_key, failed_at) VALUES ($1, $2)', [
      key,
      this.clock.now(),
    ]);
  }

  async clear(email: string): Promise<void> {
    await this.db.manager.query('DELETE FROM login_failures WHERE account_key = $1', [accountKey(email)]);
  }
}
