import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * No charge without a record: a payment is written `processing` (with the key it is charged
 * under) and committed before the processor is called; the worker settles the ones a crash left.
 * The simulated processor keeps its charges in its own table, as a real provider keeps them on its side.
 */
export class ChargeAttempts1765090000000 implements MigrationInterface {
  name = 'ChargeAttempts1765090000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE payments ADD COLUMN processor_key text');
    await q.query(
      "ALTER TABLE payments DROP CONSTRAINT payments_status_check, ADD CONSTRAINT payments_status_check CHECK (status IN ('processing', 'succeeded', 'failed'))",
    );
    await q.query('CREATE UNIQUE INDEX payments_processor_key ON payments (merchant_id, processor_key)');
    await q.query("CREATE INDEX payments_processing_idx ON payments (created_at) WHERE status = 'processing'");
    await q.query(`
      CREATE TABLE simulated_charges (
        key text PRIMARY KEY,
        amount bigint NOT NULL,
        target text NOT NULL,
        result jsonb NOT NULL,
        created_at timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE simulated_charges');
    await q.query('DROP INDEX payments_processing_idx');
    await q.query('DROP INDEX payments_processor_key');
    await q.query(
      "ALTER TABLE payments DROP CONSTRAINT payments_status_check, ADD CONSTRAINT payments_status_check CHECK (status IN ('succeeded', 'failed'))",
    );
    await q.query('ALTER TABLE payments DROP COLUMN processor_key');
  }
}
