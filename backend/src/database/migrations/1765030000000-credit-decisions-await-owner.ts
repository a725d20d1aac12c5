import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An anonymous credit application with the email of a contact the merchant already has is
 * decided but takes effect only when the email's owner opens the emailed wallet link.
 */
export class CreditDecisionsAwaitOwner1765030000000 implements MigrationInterface {
  name = 'CreditDecisionsAwaitOwner1765030000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE credit_applications ADD COLUMN awaiting_owner boolean NOT NULL DEFAULT false');
    await q.query(
      'CREATE INDEX credit_applications_awaiting_owner ON credit_applications (merchant_id, contact_id) WHERE awaiting_owner',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX credit_applications_awaiting_owner');
    await q.query('ALTER TABLE credit_applications DROP COLUMN awaiting_owner');
  }
}
