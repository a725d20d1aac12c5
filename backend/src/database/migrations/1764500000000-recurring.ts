import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Recurring schedules and their occurrences. The occurrence's primary key (merchant, schedule,
 * period) guarantees each period is generated once, with any number of instances and after a crash.
 */
export class Recurring1764500000000 implements MigrationInterface {
  name = 'Recurring1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE recurring_schedules (
        merchant_id text NOT NULL REFERENCES merchants(id),
        id text NOT NULL,
        contact_id text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('invoice', 'payment_request')),
        amount bigint NOT NULL CHECK (amount > 0),
        currency text NOT NULL,
        interval_unit text NOT NULL CHECK (interval_unit IN ('week', 'month', 'quarter', 'year')),
        interval_count int NOT NULL CHECK (interval_count BETWEEN 1 AND 12),
        start_date date NOT NULL,
        end_date date,
        occurrences int CHECK (occurrences > 0),
        status text NOT NULL CHECK (status IN ('active', 'paused', 'cancelled', 'completed')),
        description text,
        series_approved boolean NOT NULL DEFAULT false,
        series_approved_at timestamptz,
        next_period_index int NOT NULL DEFAULT 0,
        next_run_date date,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (merchant_id, id),
        FOREIGN KEY (merchant_id, contact_id) REFERENCES contacts(merchant_id, id),
        CHECK (end_date IS NULL OR occurrences IS NULL),
        CHECK (end_date IS NULL OR end_date >= start_date),
        CHECK ((status = 'active') = (next_run_date IS NOT NULL) OR status = 'paused')
      );
      CREATE INDEX recurring_schedules_due_idx ON recurring_schedules (next_run_date) WHERE status = 'active';
      CREATE INDEX recurring_schedules_contact_idx ON recurring_schedules (merchant_id, contact_id, id);
      CREATE TABLE recurring_occurrences (
        merchant_id text NOT NULL,
        schedule_id text NOT NULL,
        period_index int NOT NULL CHECK (period_index >= 0),
        period_date date NOT NULL,
        status text NOT NULL CHECK (status IN ('generated', 'failed')),
        invoice_id text,
        payment_request_id text,
        error_code text,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (merchant_id, schedule_id, period_index),
        FOREIGN KEY (merchant_id, schedule_id) REFERENCES recurring_schedules(merchant_id, id),
        FOREIGN KEY (merchant_id, invoice_id) REFERENCES invoices(merchant_id, id),
        FOREIGN KEY (merchant_id, payment_request_id) REFERENCES payment_requests(merchant_id, id)
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE recurring_occurrences; DROP TABLE recurring_schedules;');
  }
}
