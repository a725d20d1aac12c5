import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The foundation schema. Every tenant table carries merchant_id and leads its primary key
 * with it, so the data can be distributed by merchant (Citus) later without a rewrite.
 */
export class Foundation1764100000000 implements MigrationInterface {
  name = 'Foundation1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE merchants (
        id text PRIMARY KEY,
        name text NOT NULL,
        settings jsonb NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE users (
        merchant_id text NOT NULL REFERENCES merchants(id),
        id text NOT NULL,
        email text NOT NULL,
        name text NOT NULL,
        role text NOT NULL CHECK (role IN ('admin', 'member')),
        password_hash text NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (merchant_id, id)
      );
      CREATE UNIQUE INDEX users_email_key ON users (email);
      CREATE TABLE api_keys (
        merchant_id text NOT NULL REFERENCES merchants(id),
        id text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('secret', 'publishable')),
        role text NOT NULL CHECK (role IN ('admin', 'member')),
        token_hash text,
        publishable_key text,
        last4 text NOT NULL,
        created_at timestamptz NOT NULL,
        revoked_at timestamptz,
        PRIMARY KEY (merchant_id, id),
        CHECK ((kind = 'secret') = (token_hash IS NOT NULL AND publishable_key IS NULL))
      );
      CREATE UNIQUE INDEX api_keys_token_hash_key ON api_keys (token_hash);
      CREATE UNIQUE INDEX api_keys_publishable_key_key ON api_keys (publishable_key);
      CREATE TABLE sessions (
        merchant_id text NOT NULL REFERENCES merchants(id),
        id text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('merchant', 'customer')),
        token_hash text NOT NULL,
        user_id text,
        contact_id text,
        expires_at timestamptz NOT NULL,
        idle_seconds int NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL,
        revoked_at timestamptz,
        PRIMARY KEY (merchant_id, id)
      );
      CREATE UNIQUE INDEX sessions_token_hash_key ON sessions (token_hash);
      CREATE INDEX sessions_contact_idx ON sessions (merchant_id, contact_id) WHERE contact_id IS NOT NULL;
      CREATE TABLE password_resets (
        merchant_id text NOT NULL REFERENCES merchants(id),
        id text NOT NULL,
        user_id text NOT NULL,
        token_hash text NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (merchant_id, id)
      );
      CREATE UNIQUE INDEX password_resets_token_hash_key ON password_resets (token_hash);
      CREATE TABLE contacts (
        merchant_id text NOT NULL REFERENCES merchants(id),
        id text NOT NULL,
        company_name text NOT NULL,
        email text NOT NULL,
        name text,
        status text NOT NULL CHECK (status IN ('prospect', 'verified', 'authorized', 'credit_declined')),
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (merchant_id, id)
      );
      CREATE UNIQUE INDEX contacts_email_key ON contacts (merchant_id, email);
      CREATE INDEX contacts_status_idx ON contacts (merchant_id, status, id);
      CREATE TABLE idempotency_keys (
        scope text NOT NULL,
        key text NOT NULL,
        merchant_id text,
        request_hash text NOT NULL,
        status_code int NOT NULL,
        response_body jsonb NOT NULL,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        PRIMARY KEY (scope, key)
      );
      CREATE INDEX idempotency_keys_expires_idx ON idempotency_keys (expires_at);
      CREATE TABLE events (
        merchant_id text NOT NULL REFERENCES merchants(id),
        id text NOT NULL,
        type text NOT NULL,
        subject_id text NOT NULL,
        data jsonb NOT NULL,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (merchant_id, id)
      );
      CREATE INDEX events_type_idx ON events (merchant_id, type, id);
      CREATE TABLE audit_log (
        merchant_id text NOT NULL REFERENCES merchants(id),
        id text NOT NULL,
        actor_type text NOT NULL,
        actor_id text,
        credential_id text,
        action text NOT NULL,
        subject_id text NOT NULL,
        before jsonb,
        after jsonb,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (merchant_id, id)
      );
      CREATE INDEX audit_log_subject_idx ON audit_log (merchant_id, subject_id, id);
      CREATE TABLE outbox_messages (
        merchant_id text NOT NULL REFERENCES merchants(id),
        id text NOT NULL,
        topic text NOT NULL,
        payload jsonb NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'done', 'failed')),
        attempts int NOT NULL DEFAULT 0,
        available_at timestamptz NOT NULL,
        last_error text,
        created_at timestamptz NOT NULL,
        completed_at timestamptz,
        PRIMARY KEY (merchant_id, id)
      );
      CREATE INDEX outbox_messages_due_idx ON outbox_messages (available_at) WHERE status = 'pending';
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE outbox_messages, audit_log, events, idempotency_keys, contacts,
      password_resets, sessions, api_keys, users, merchants`);
  }
}
