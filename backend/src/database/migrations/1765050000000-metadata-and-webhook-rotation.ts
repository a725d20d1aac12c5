import type { MigrationInterface, QueryRunner } from 'typeorm';

const METADATA_TABLES = ['contacts', 'invoices', 'payment_requests', 'recurring_schedules'];

/**
 * `metadata` (the integrator's own keys) on the four objects that take it, with a GIN index for
 * `metadata @> '{"k":"v"}'` list filters; and a webhook endpoint's previous signing secret, kept
 * (encrypted, like the current one) until 24 h after a rotation.
 */
export class MetadataAndWebhookRotation1765050000000 implements MigrationInterface {
  name = 'MetadataAndWebhookRotation1765050000000';

  async up(q: QueryRunner): Promise<void> {
    for (const table of METADATA_TABLES) {
      await q.query(`ALTER TABLE ${table} ADD COLUMN metadata jsonb NOT NULL DEFAULT '{}'::jsonb`);
      await q.query(`CREATE INDEX ${table}_metadata_idx ON ${table} USING gin (metadata jsonb_path_ops)`);
    }
    await q.query('ALTER TABLE webhook_endpoints ADD COLUMN previous_secret_encrypted text');
    await q.query('ALTER TABLE webhook_endpoints ADD COLUMN previous_secret_expires_at timestamptz');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE webhook_endpoints DROP COLUMN previous_secret_expires_at');
    await q.query('ALTER TABLE webhook_endpoints DROP COLUMN previous_secret_encrypted');
    for (const table of METADATA_TABLES) {
      await q.query(`DROP INDEX ${table}_metadata_idx`);
      await q.query(`ALTER TABLE ${table} DROP COLUMN metadata`);
    }
  }
}
