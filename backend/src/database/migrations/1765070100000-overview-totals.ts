import type { MigrationInterface, QueryRunner } from 'typeorm';

/** An invoice counts in the open balance while it is in one of these states. */
const OPEN = `('open', 'partially_paid', 'disputed')`;

/**
 * Running totals for `GET /v1/overview`, so its cost does not grow with the number of invoices.
 * Triggers append a delta row in the same transaction as every change of an invoice's open balance,
 * a payment's net amount or a dispute's state (inserts only: payments of different invoices never
 * wait on one another). Deltas are folded into `overview_totals` (one row per merchant, kind,
 * currency and bucket) by the worker and by the overview itself. Buckets: an open balance by its
 * due date (overdue = the buckets before today, so the day's roll-over needs no scan), a payment by
 * its UTC month, a dispute in one bucket (its amount is the count).
 */
export class OverviewTotals1765070100000 implements MigrationInterface {
  name = 'OverviewTotals1765070100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE overview_deltas (
        merchant_id text NOT NULL REFERENCES merchants(id),
        id bigserial NOT NULL,
        kind text NOT NULL CHECK (kind IN ('open', 'paid', 'disputes')),
        currency text NOT NULL,
        bucket date NOT NULL,
        amount bigint NOT NULL,
        n int NOT NULL,
        PRIMARY KEY (merchant_id, id)
      );
      -- A queue: rows live until the next fold. Vacuum it after every thousand dead rows, not a fifth
      -- of the table, so the read and the fold never wade through dead ones.
      ALTER TABLE overview_deltas SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000,
        autovacuum_analyze_scale_factor = 0, autovacuum_analyze_threshold = 1000);
      CREATE TABLE overview_totals (
        merchant_id text NOT NULL REFERENCES merchants(id),
        kind text NOT NULL CHECK (kind IN ('open', 'paid', 'disputes')),
        currency text NOT NULL,
        bucket date NOT NULL,
        amount bigint NOT NULL,
        n int NOT NULL,
        PRIMARY KEY (merchant_id, kind, currency, bucket)
      );
      CREATE FUNCTION overview_delta(m text, k text, c text, b date, a bigint, cnt int) RETURNS void
        LANGUAGE sql AS $$
          INSERT INTO overview_deltas (merchant_id, kind, currency, bucket, amount, n) VALUES (m, k, c, b, a, cnt)
        $$;
      CREATE FUNCTION overview_invoice_delta() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE was boolean := TG_OP <> 'INSERT' AND OLD.status IN ${OPEN};
                now_open boolean := TG_OP <> 'DELETE' AND NEW.status IN ${OPEN};
        BEGIN
          IF TG_OP = 'UPDATE' AND was = now_open AND OLD.balance = NEW.balance AND OLD.currency = NEW.currency
             AND OLD.due_date = NEW.due_date THEN RETURN NULL; END IF;
          IF was THEN PERFORM overview_delta(OLD.merchant_id, 'open', OLD.currency, OLD.due_date, -OLD.balance, -1); END IF;
          IF now_open THEN PERFORM overview_delta(NEW.merchant_id, 'open', NEW.currency, NEW.due_date, NEW.balance, 1); END IF;
          RETURN NULL;
        END $$;
      CREATE FUNCTION overview_payment_delta() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE was boolean := TG_OP <> 'INSERT' AND OLD.status = 'succeeded';
                now_ok boolean := TG_OP <> 'DELETE' AND NEW.status = 'succeeded';
        BEGIN
          IF TG_OP = 'UPDATE' AND was = now_ok AND OLD.amount - OLD.refunded_amount = NEW.amount - NEW.refunded_amount
             AND OLD.currency = NEW.currency AND OLD.created_at = NEW.created_at THEN RETURN NULL; END IF;
          IF was THEN PERFORM overview_delta(OLD.merchant_id, 'paid', OLD.currency,
            date_trunc('month', OLD.created_at AT TIME ZONE 'UTC')::date, -(OLD.amount - OLD.refunded_amount), -1); END IF;
          IF now_ok THEN PERFORM overview_delta(NEW.merchant_id, 'paid', NEW.currency,
            date_trunc('month', NEW.created_at AT TIME ZONE 'UTC')::date, NEW.amount - NEW.refunded_amount, 1); END IF;
          RETURN NULL;
        END $$;
      CREATE FUNCTION overview_dispute_delta() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE was boolean := TG_OP <> 'INSERT' AND OLD.status = 'open';
                now_open boolean := TG_OP <> 'DELETE' AND NEW.status = 'open';
        BEGIN
          IF was AND NOT now_open THEN PERFORM overview_delta(OLD.merchant_id, 'disputes', '', DATE '2000-01-01', -1, -1); END IF;
          IF now_open AND NOT was THEN PERFORM overview_delta(NEW.merchant_id, 'disputes', '', DATE '2000-01-01', 1, 1); END IF;
          RETURN NULL;
        END $$;
      CREATE TRIGGER invoices_overview AFTER INSERT OR UPDATE OR DELETE ON invoices
        FOR EACH ROW EXECUTE FUNCTION overview_invoice_delta();
      CREATE TRIGGER payments_overview AFTER INSERT OR UPDATE OR DELETE ON payments
        FOR EACH ROW EXECUTE FUNCTION overview_payment_delta();
      CREATE TRIGGER disputes_overview AFTER INSERT OR UPDATE OR DELETE ON disputes
        FOR EACH ROW EXECUTE FUNCTION overview_dispute_delta();
      INSERT INTO overview_totals (merchant_id, kind, currency, bucket, amount, n)
        SELECT merchant_id, 'open', currency, due_date, sum(balance), count(*) FROM invoices
         WHERE status IN ${OPEN} GROUP BY merchant_id, currency, due_date
        UNION ALL
        SELECT merchant_id, 'paid', currency, date_trunc('month', created_at AT TIME ZONE 'UTC')::date,
               sum(amount - refunded_amount), count(*)
          FROM payments WHERE status = 'succeeded' GROUP BY 1, 3, 4
        UNION ALL
        SELECT merchant_id, 'disputes', '', DATE '2000-01-01', count(*), count(*) FROM disputes
         WHERE status = 'open' GROUP BY merchant_id;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER disputes_overview ON disputes;
      DROP TRIGGER payments_overview ON payments;
      DROP TRIGGER invoices_overview ON invoices;
      DROP FUNCTION overview_dispute_delta(), overview_payment_delta(), overview_invoice_delta(),
        overview_delta(text, text, text, date, bigint, int);
      DROP TABLE overview_totals, overview_deltas;
    `);
  }
}
