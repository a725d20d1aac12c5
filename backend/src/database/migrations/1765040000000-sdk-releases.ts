import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every SDK release a deployment has served, byte for byte, where every instance can read it:
 * a pinned `/sdk/<version>/cc-sdk.js` (with its `integrity`) keeps answering after upgrades.
 */
export class SdkReleases1765040000000 implements MigrationInterface {
  name = 'SdkReleases1765040000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sdk_releases (
        version text PRIMARY KEY,
        content_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE sdk_release_files (
        version text NOT NULL REFERENCES sdk_releases (version),
        name text NOT NULL,
        body bytea NOT NULL,
        content_type text NOT NULL,
        integrity text NOT NULL,
        sha256 text NOT NULL,
        PRIMARY KEY (version, name)
      );
      CREATE INDEX sdk_release_files_hash_idx ON sdk_release_files (left(sha256, 12)) WHERE name = 'cc-sdk.js';
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE sdk_release_files; DROP TABLE sdk_releases;');
  }
}
