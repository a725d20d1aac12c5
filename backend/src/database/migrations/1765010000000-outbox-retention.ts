import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Delivered outbox rows are purged 30 days after delivery (an index for the worker's purge), and
 * the reset mails delivered before reset links were made at send time leave with this migration:
 * they held the link, token included, in clear.
 */
export class OutboxRetention1765010000000 implements MigrationInterface {
  name = 'OutboxRetention1765010000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX outbox_messages_done_idx ON outbox_messages (completed_at) WHERE status = 'done'`);
    await q.query(
      `DELETE FROM outbox_messages WHERE topic = 'mail' AND status = 'done' AND payload->>'text' LIKE '%/dashboard/reset-password?token=%'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX outbox_messages_done_idx');
  }
}
