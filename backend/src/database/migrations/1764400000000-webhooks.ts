import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhook endpoints (signing secret encrypted, a fan-out cursor into the event log) and
 * their deliveries: one row per (endpoint, event), retried until it succeeds or gives up.
 */
export class Webhooks1764400000000 implements MigrationInterface {
  name = 'Webhooks1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE webhook_endpoints (
        merchant_id text NOT NULL REFERENCES merchants(id),
        id text NOT NULL,
        url text NOT NULL,
        events text[] NOT NULL CHECK (cardinality(events) > 0),
        secret_encrypted text NOT NULL,
        status text NOT NULL CHECK (status IN ('active', 'disabled')),
        event_cursor text NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        deleted_at timestamptz,
        PRIMARY KEY (merchant_id, id)
      );
      CREATE INDEX webhook_endpoints_active_idx ON webhook_endpoints (merchant_id) WHERE status = 'active';
      CREATE TABLE webhook_deliveries (
        merchant_id text NOT NULL REFERENCES merchants(id),
        id text NOT NULL,
        endpoint_id text NOT NULL,
        event_id text NOT NULL,
        event_type text NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed')),
        attempts int NOT NULL DEFAULT 0,
        next_attempt_at timestamptz,
        last_status_code int,
        last_error text,
        last_response_snippet text CHECK (octet_length(last_response_snippet) <= 1024),
        history jsonb NOT NULL DEFAULT '[]',
        created_at timestamptz NOT NULL,
        delivered_at timestamptz,
        PRIMARY KEY (merchant_id, id),
        UNIQUE (merchant_id, endpoint_id, event_id),
        FOREIGN KEY (merchant_id, endpoint_id) REFERENCES webhook_endpoints(merchant_id, id),
        FOREIGN KEY (merchant_id, event_id) REFERENCES events(merchant_id, id)
      );
      CREATE INDEX webhook_deliveries_endpoint_idx ON webhook_deliveries (merchant_id, endpoint_id, id);
      CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE webhook_deliveries, webhook_endpoints');
  }
}
