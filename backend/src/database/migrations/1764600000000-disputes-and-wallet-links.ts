import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Disputes (one open per invoice) and wallet links (hashed tokens, single contact, expiring, revocable). */
export class DisputesAndWalletLinks1764600000000 implements MigrationInterface {
  name = 'DisputesAndWalletLinks1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE disputes (
        merchant_id text NOT NULL REFERENCES merchants(id),
        id text NOT NULL,
        invoice_id text NOT NULL,
        contact_id text NOT NULL,
        amount bigint NOT NULL CHECK (amount > 0),
        currency text NOT NULL,
        explanation text NOT NULL,
        status text NOT NULL CHECK (status IN ('open', 'resolved')),
        outcome text CHECK (outcome IN ('credit', 'reject')),
        note text,
        invoice_status_before text NOT NULL,
        resolved_at timestamptz,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (merchant_id, id),
        FOREIGN KEY (merchant_id, invoice_id) REFERENCES invoices(merchant_id, id)
      );
      CREATE UNIQUE INDEX disputes_one_open_idx ON disputes (merchant_id, invoice_id) WHERE status = 'open';
      CREATE INDEX disputes_status_idx ON disputes (merchant_id, status, id);
      CREATE TABLE wallet_links (
        merchant_id text NOT NULL REFERENCES merchants(id),
        id text NOT NULL,
        contact_id text NOT NULL,
        token_hash text NOT NULL,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        last_used_at timestamptz,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (merchant_id, id),
        FOREIGN KEY (merchant_id, contact_id) REFERENCES contacts(merchant_id, id)
      );
      CREATE UNIQUE INDEX wallet_links_token_hash_key ON wallet_links (token_hash);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE wallet_links, disputes');
  }
}
