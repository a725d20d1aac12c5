import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Failed logins per account (the sha-256 of the normalized email, never the email), so the
 * per-account login throttle holds across every instance on one database.
 */
export class LoginFailures1765020000000 implements MigrationInterface {
  name = 'LoginFailures1765020000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE login_failures (account_key text NOT NULL, failed_at timestamptz NOT NULL DEFAULT now())',
    );
    await q.query('CREATE INDEX login_failures_account_time ON login_failures (account_key, failed_at DESC)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE login_failures');
  }
}
