import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The worker's lookup of standalone payment requests awaiting approval (they expire), and a
 * contact's disputes (its page in the console, the wallet) without scanning the merchant's.
 */
export class RequestExpiryAndDisputeLookups1764700000000 implements MigrationInterface {
  name = 'RequestExpiryAndDisputeLookups1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX payment_requests_awaiting_idx ON payment_requests (created_at) WHERE status = 'pending_approval' AND invoice_id IS NULL;
      CREATE INDEX disputes_contact_idx ON disputes (merchant_id, contact_id, id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX disputes_contact_idx; DROP INDEX payment_requests_awaiting_idx;');
  }
}
