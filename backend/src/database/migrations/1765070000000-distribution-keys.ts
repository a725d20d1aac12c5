import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every tenant table is keyed to be distributed by merchant: `merchant_id` leads its primary key.
 * `idempotency_keys` was the one exception (keyed by credential scope). Keys sent without a merchant
 * (anonymous and platform writes) are stored under the empty merchant id `''`.
 */
export class DistributionKeys1765070000000 implements MigrationInterface {
  name = 'DistributionKeys1765070000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      UPDATE idempotency_keys SET merchant_id = '' WHERE merchant_id IS NULL;
      ALTER TABLE idempotency_keys ALTER COLUMN merchant_id SET DEFAULT '', ALTER COLUMN merchant_id SET NOT NULL;
      ALTER TABLE idempotency_keys DROP CONSTRAINT idempotency_keys_pkey;
      ALTER TABLE idempotency_keys ADD PRIMARY KEY (merchant_id, scope, key);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE idempotency_keys DROP CONSTRAINT idempotency_keys_pkey;
      ALTER TABLE idempotency_keys ADD PRIMARY KEY (scope, key);
      ALTER TABLE idempotency_keys ALTER COLUMN merchant_id DROP NOT NULL, ALTER COLUMN merchant_id DROP DEFAULT;
      UPDATE idempotency_keys SET merchant_id = NULL WHERE merchant_id = '';
    `);
  }
}
