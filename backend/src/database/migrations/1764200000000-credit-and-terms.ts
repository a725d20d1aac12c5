import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Underwriting policy (platform-wide, versioned), credit applications, terms offers and contracts. */
export class CreditAndTerms1764200000000 implements MigrationInterface {
  name = 'CreditAndTerms1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE underwriting_policies (
        version int PRIMARY KEY,
        passing_score int NOT NULL CHECK (passing_score BETWEEN 0 AND 100),
        model_version text NOT NULL,
        created_at timestamptz NOT NULL
      );
      INSERT INTO underwriting_policies (version, passing_score, model_version, created_at) VALUES (1, 60, 'cc-bureau-2026.1', now());
      CREATE TABLE credit_applications (
        merchant_id text NOT NULL REFERENCES merchants(id),
        id text NOT NULL,
        contact_id text NOT NULL,
        mode text NOT NULL CHECK (mode IN ('credit_check', 'credit_check_with_terms')),
        status text NOT NULL CHECK (status IN ('pending', 'approved', 'declined')),
        business jsonb NOT NULL,
        applicant jsonb NOT NULL,
        requested_credit_limit bigint,
        consent jsonb NOT NULL,
        created_contact boolean NOT NULL,
        score int,
        reasons jsonb NOT NULL DEFAULT '[]',
        policy_version int REFERENCES underwriting_policies(version),
        passing_score int,
        model_version text,
        bureau_attempts int NOT NULL DEFAULT 0,
        next_attempt_at timestamptz,
        terms_offer_id text,
        decided_at timestamptz,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (merchant_id, id),
        FOREIGN KEY (merchant_id, contact_id) REFERENCES contacts(merchant_id, id)
      );
      CREATE INDEX credit_applications_contact_idx ON credit_applications (merchant_id, contact_id, id);
      CREATE INDEX credit_applications_pending_idx ON credit_applications (next_attempt_at) WHERE status = 'pending';
      CREATE TABLE terms_offers (
        merchant_id text NOT NULL REFERENCES merchants(id),
        id text NOT NULL,
        contact_id text NOT NULL,
        net_days int NOT NULL CHECK (net_days BETWEEN 0 AND 365),
        credit_limit bigint NOT NULL CHECK (credit_limit >= 0),
        currency text NOT NULL,
        status text NOT NULL CHECK (status IN ('offered', 'accepted', 'declined', 'withdrawn', 'expired')),
        expires_at timestamptz NOT NULL,
        application_id text,
        accepted_net_days int,
        signature_name text,
        signature_ip text,
        answered_at timestamptz,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (merchant_id, id),
        FOREIGN KEY (merchant_id, contact_id) REFERENCES contacts(merchant_id, id)
      );
      CREATE INDEX terms_offers_contact_idx ON terms_offers (merchant_id, contact_id, id);
      CREATE INDEX terms_offers_open_idx ON terms_offers (expires_at) WHERE status = 'offered';
      CREATE TABLE contracts (
        merchant_id text NOT NULL REFERENCES merchants(id),
        id text NOT NULL,
        contact_id text NOT NULL,
        offer_id text NOT NULL,
        net_days int NOT NULL,
        credit_limit bigint NOT NULL,
        currency text NOT NULL,
        status text NOT NULL CHECK (status IN ('active', 'ended')),
        signature_name text NOT NULL,
        signature_ip text,
        signed_at timestamptz NOT NULL,
        ended_at timestamptz,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (merchant_id, id),
        FOREIGN KEY (merchant_id, contact_id) REFERENCES contacts(merchant_id, id)
      );
      ALTER TABLE contacts
        ADD COLUMN contract_id text,
        ADD COLUMN net_days int,
        ADD COLUMN credit_limit bigint,
        ADD COLUMN currency text;
      CREATE UNIQUE INDEX contracts_one_active_idx ON contracts (merchant_id, contact_id) WHERE status = 'active';
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      'ALTER TABLE contacts DROP COLUMN contract_id, DROP COLUMN net_days, DROP COLUMN credit_limit, DROP COLUMN currency',
    );
    await q.query('DROP TABLE contracts, terms_offers, credit_applications, underwriting_policies');
  }
}
