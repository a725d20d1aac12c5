import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Invoices, credit notes, payment methods, payments, refunds and payment requests. */
export class InvoicesAndPayments1764300000000 implements MigrationInterface {
  name = 'InvoicesAndPayments1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE invoices (
        merchant_id text NOT NULL REFERENCES merchants(id),
        id text NOT NULL,
        contact_id text NOT NULL,
        number text NOT NULL,
        currency text NOT NULL,
        amount bigint NOT NULL CHECK (amount > 0),
        balance bigint NOT NULL CHECK (balance >= 0),
        paid_amount bigint NOT NULL DEFAULT 0,
        refunded_amount bigint NOT NULL DEFAULT 0,
        credited_amount bigint NOT NULL DEFAULT 0,
        status text NOT NULL CHECK (status IN ('open', 'partially_paid', 'paid', 'disputed', 'void')),
        status_before_dispute text,
        issued_at date NOT NULL,
        due_date date NOT NULL,
        description text,
        line_items jsonb NOT NULL DEFAULT '[]',
        autopay_attempts int NOT NULL DEFAULT 0,
        next_autopay_at timestamptz,
        autopay_status text,
        paid_at timestamptz,
        voided_at timestamptz,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (merchant_id, id),
        FOREIGN KEY (merchant_id, contact_id) REFERENCES contacts(merchant_id, id),
        CHECK (balance = amount - paid_amount + refunded_amount - credited_amount)
      );
      CREATE UNIQUE INDEX invoices_number_key ON invoices (merchant_id, number);
      CREATE INDEX invoices_contact_idx ON invoices (merchant_id, contact_id, id);
      CREATE INDEX invoices_status_idx ON invoices (merchant_id, status, due_date);
      CREATE INDEX invoices_autopay_idx ON invoices (next_autopay_at) WHERE next_autopay_at IS NOT NULL;
      CREATE TABLE invoice_credits (
        merchant_id text NOT NULL REFERENCES merchants(id),
        id text NOT NULL,
        invoice_id text NOT NULL,
        amount bigint NOT NULL CHECK (amount > 0),
        reason text NOT NULL,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (merchant_id, id),
        FOREIGN KEY (merchant_id, invoice_id) REFERENCES invoices(merchant_id, id)
      );
      CREATE TABLE payment_methods (
        merchant_id text NOT NULL REFERENCES merchants(id),
        id text NOT NULL,
        contact_id text NOT NULL,
        type text NOT NULL CHECK (type IN ('card', 'ach')),
        brand text NOT NULL,
        last4 text NOT NULL,
        exp_month int,
        exp_year int,
        processor_token text NOT NULL,
        is_default boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL,
        deleted_at timestamptz,
        PRIMARY KEY (merchant_id, id),
        FOREIGN KEY (merchant_id, contact_id) REFERENCES contacts(merchant_id, id)
      );
      CREATE UNIQUE INDEX payment_methods_one_default_idx ON payment_methods (merchant_id, contact_id) WHERE is_default AND deleted_at IS NULL;
      CREATE TABLE payment_requests (
        merchant_id text NOT NULL REFERENCES merchants(id),
        id text NOT NULL,
        contact_id text NOT NULL,
        invoice_id text,
        amount bigint NOT NULL CHECK (amount > 0),
        paid_amount bigint NOT NULL DEFAULT 0 CHECK (paid_amount >= 0 AND paid_amount <= amount),
        currency text NOT NULL,
        status text NOT NULL CHECK (status IN ('pending_approval', 'approved', 'partially_paid', 'paid', 'declined', 'cancelled', 'expired')),
        due_date date,
        memo text,
        minimum_percent int,
        default_minimum_percent int,
        minimum_by_method jsonb NOT NULL DEFAULT '{}',
        schedule_id text,
        approved_at timestamptz,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (merchant_id, id),
        FOREIGN KEY (merchant_id, contact_id) REFERENCES contacts(merchant_id, id)
      );
      CREATE INDEX payment_requests_contact_idx ON payment_requests (merchant_id, contact_id, id);
      CREATE INDEX payment_requests_invoice_idx ON payment_requests (merchant_id, invoice_id) WHERE invoice_id IS NOT NULL;
      CREATE TABLE payments (
        merchant_id text NOT NULL REFERENCES merchants(id),
        id text NOT NULL,
        contact_id text NOT NULL,
        invoice_id text,
        payment_request_id text,
        payment_method_id text NOT NULL,
        amount bigint NOT NULL CHECK (amount > 0),
        refunded_amount bigint NOT NULL DEFAULT 0 CHECK (refunded_amount >= 0 AND refunded_amount <= amount),
        currency text NOT NULL,
        status text NOT NULL CHECK (status IN ('succeeded', 'failed')),
        failure_code text,
        processor_reference text,
        source text NOT NULL CHECK (source IN ('customer', 'automatic')),
        created_at timestamptz NOT NULL,
        PRIMARY KEY (merchant_id, id),
        FOREIGN KEY (merchant_id, contact_id) REFERENCES contacts(merchant_id, id)
      );
      CREATE INDEX payments_contact_idx ON payments (merchant_id, contact_id, id);
      CREATE INDEX payments_invoice_idx ON payments (merchant_id, invoice_id) WHERE invoice_id IS NOT NULL;
      CREATE TABLE refunds (
        merchant_id text NOT NULL REFERENCES merchants(id),
        id text NOT NULL,
        payment_id text NOT NULL,
        amount bigint NOT NULL CHECK (amount > 0),
        created_at timestamptz NOT NULL,
        PRIMARY KEY (merchant_id, id),
        FOREIGN KEY (merchant_id, payment_id) REFERENCES payments(merchant_id, id)
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE refunds, payments, payment_requests, payment_methods, invoice_credits, invoices');
  }
}
