import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A recurring schedule's invoice numbers: the merchant's prefix (null: a short one from the schedule's id). */
export class RecurringInvoiceNumbers1764800000000 implements MigrationInterface {
  name = 'RecurringInvoiceNumbers1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE recurring_schedules ADD COLUMN invoice_number_prefix text');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE recurring_schedules DROP COLUMN invoice_number_prefix');
  }
}
