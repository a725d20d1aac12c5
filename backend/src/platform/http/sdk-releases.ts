import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { DataSource } from 'typeorm';

/** One file of a release, as browsers load it. */
export interface ReleaseFile {
  /** Path inside the release: `cc-sdk.js`, `chunks/<name>.js`. */
  name: string;
  body: Buffer;
  contentType: string;
}

/** A build of the SDK as this instance found it on disk. */
export interface SdkBuild {
  /** `version` of @customerconnect/sdk's package.json. */
  version: string;
  files: ReleaseFile[];
}

const JS = 'text/javascript; charset=utf-8';
/** An arbitrary constant: serialises release registration across instances starting at once. */
const RELEASE_LOCK = 7_316_002;

/** The files of a built SDK that browsers load: `cc-sdk.js` and whatever it imports from `chunks/`. */
export function readSdkBuild(dist: string, packageJson: string): SdkBuild | null {
  if (!existsSync(join(dist, 'cc-sdk.js'))) return null;
  const { version } = JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string };
  const chunks = existsSync(join(dist, 'chunks'))
    ? readdirSync(join(dist, 'chunks'))
        .filter((n) => n.endsWith('.js'))
        .map((n) => `chunks/${n}`)
    : [];
  const files = ['cc-sdk.js', ...chunks.sort()].map((name) => ({
    name,
    body: readFileSync(join(dist, name)),
    contentType: JS,
  }));
  return { version, files };
}

export const sha384 = (body: Buffer) => `sha384-${createHash('sha384').update(body).digest('base64')}`;
const sha256 = (body: Buffer) => createHash('sha256').update(body).digest('hex');

function contentHash(files: ReleaseFile[]): string {
  const hash = createHash('sha256');
  for (const f of [...files].sort((a, b) => a.name.localeCompare(b.name)))
    hash.update(f.name).update('\0').update(f.body).update('\0');
  return hash.digest('hex');
}

/**
 * Stores a build as a release (once: the same bytes again are the same release) and returns
 * its version. A release is the package version; other bytes under a version already stored
 * become `<version>+<first 12 hex of their content hash>`, so pinned bytes never change.
 */
export async function registerRelease(dataSource: DataSource, build: SdkBuild): Promise<string> {
  const hash = contentHash(build.files);
  return dataSource.transaction(async (m) => {
    await m.query('SELECT pg_advisory_xact_lock($1)', [RELEASE_LOCK]);
    const same: { version: string }[] = await m.query(
      `SELECT version FROM sdk_releases WHERE content_hash = $1 AND (version = $2 OR version LIKE $2 || '+%')`,
      [hash, build.version],
    );
    if (same[0]) return same[0].version;
    const taken: unknown[] = await m.query('SELECT 1 FROM sdk_releases WHERE version = $1', [build.version]);
    const version = taken.length ? `${build.version}+${hash.slice(0, 12)}` : build.version;
    await m.query('INSERT INTO sdk_releases (version, content_hash) VALUES ($1, $2)', [version, hash]);
    for (const f of build.files)
      await m.query(
        `INSERT INTO sdk_release_files (version, name, body, content_type, integrity, sha256)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [version, f.name, f.body, f.contentType, sha384(f.body), sha256(f.body)],
      );
    return version;
  });
}

export interface StoredFile {
  contentType: string;
  integrity: string;
  identity: Buffer;
  br: Buffer;
  gzip: Buffer;
}

export interface ReleasesDocument {
  current: string | null;
  releases: { version: string; files: Record<string, { url: string; integrity: string }> }[];
}

/** Reads stored releases; a release never changes, so its files are kept in memory once read. */
export class SdkReleases {
  readonly #files = new Map<string, Promise<StoredFile | null>>();

  constructor(
    private readonly dataSource: DataSource,
    /** The release this instance was built with (null: no SDK build on disk). */
    readonly current: string | null,
    private readonly publicUrl: string,
  ) {}

  /** The release `/sdk/v1/…` answers: this instance's if it is a 1.x, else the newest 1.x stored. */
  async evergreen(major: number): Promise<string | null> {
    if (this.current && this.current.split('.')[0] === String(major)) return this.current;
    const rows: { version: string }[] = await this.dataSource.query(
      `SELECT version FROM sdk_releases WHERE version LIKE $1 ORDER BY created_at DESC LIMIT 1`,
      [`${major}.%`],
    );
    return rows[0]?.version ?? null;
  }

  file(version: string, name: string): Promise<StoredFile | null> {
    const key = `${version}\0${name}`;
    let found = this.#files.get(key);
    if (!found) {
      found = this.#load(version, name);
      this.#files.set(key, found);
      void found.then((f) => f ?? this.#files.delete(key)).catch(() => this.#files.delete(key));
    }
    return found;
  }

  /**
   * A content-hashed chunk of any stored release: a page that loaded the evergreen entry just
   * before an upgrade still gets the chunks that entry names.
   */
  async releaseWithChunk(name: string): Promise<string | null> {
    if (!name.startsWith('chunks/')) return null;
    const rows: { version: string }[] = await this.dataSource.query(
      'SELECT version FROM sdk_release_files WHERE name = $1 LIMIT 1',
      [name],
    );
    return rows[0]?.version ?? null;
  }

  /** The release whose `cc-sdk.js` had this content-hashed alias (`/sdk/cc-sdk.<hash>.js`). */
  async byLegacyHash(hash: string): Promise<string | null> {
    const rows: { version: string }[] = await this.dataSource.query(
      `SELECT version FROM sdk_release_files WHERE name = 'cc-sdk.js' AND left(sha256, 12) = $1 LIMIT 1`,
      [hash],
    );
    return rows[0]?.version ?? null;
  }

  async document(): Promise<ReleasesDocument> {
    const rows: { version: string; name: string; integrity: string }[] = await this.dataSource.query(
      `SELECT r.version, f.name, f.integrity FROM sdk_releases r JOIN sdk_release_files f USING (version)
       ORDER BY r.created_at DESC, r.version, f.name`,
    );
    const releases: ReleasesDocument['releases'] = [];
    for (const row of rows) {
      let release = releases.at(-1);
      if (release?.version !== row.version) releases.push((release = { version: row.version, files: {} }));
      release.files[row.name] = {
        url: `${this.publicUrl}/sdk/${row.version}/${row.name}`,
        integrity: row.integrity,
      };
    }
    return { current: this.current, releases };
  }

  async #load(version: string, name: string): Promise<StoredFile | null> {
    const rows: { body: Uint8Array; content_type: string; integrity: string }[] = await this.dataSource.query(
      'SELECT body, content_type, integrity FROM sdk_release_files WHERE version = $1 AND name = $2',
      [version, name],
    );
    const row = rows[0];
    if (!row) return null;
    const identity = Buffer.from(row.body);
    return {
      contentType: row.content_type,
      integrity: row.integrity,
      identity,
      br: brotliCompressSync(identity, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: identity.length },
      }),
      gzip: gzipSync(identity, { level: 9 }),
    };
  }
}
