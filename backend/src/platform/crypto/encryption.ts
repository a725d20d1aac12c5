import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from '../../config/app-config.js';

/**
 * AES-256-GCM for the few secrets the backend must read back (webhook signing secrets).
 * Key: CC_ENCRYPTION_KEY; outside production without one, a key generated once and kept
 * under the data directory (mode 0600).
 */
export class Encryption {
  constructor(private readonly key: Buffer) {}

  static fromConfig(config: AppConfig): Encryption {
    if (config.CC_ENCRYPTION_KEY) return new Encryption(Buffer.from(config.CC_ENCRYPTION_KEY, 'base64'));
    const file = join(config.CC_DATA_DIR, 'encryption.key');
    if (!existsSync(file)) {
      mkdirSync(config.CC_DATA_DIR, { recursive: true });
      writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
    }
    return new Encryption(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64'));
  }

  /**
   * A keyed digest (HMAC-SHA256, base64url) under a subkey of this key for `purpose`, for values
   * the backend must recognise but never read back (request bodies carrying passwords and card
   * numbers): without the key, no dictionary or BIN-range search can match it.
   */
  mac(purpose: string, data: string): string {
    let subkey = this.subkeys.get(purpose);
    if (!subkey) {
      subkey = Buffer.from(hkdfSync('sha256', this.key, Buffer.alloc(0), `cc-mac:${purpose}`, 32));
      this.subkeys.set(purpose, subkey);
    }
    return createHmac('sha256', subkey).update(data).digest('base64url');
  }

  private readonly subkeys = new Map<string, Buffer>();

  /** `v1.<iv>.<tag>.<ciphertext>`, base64url parts. */
  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return ['v1', iv, cipher.getAuthTag(), data]
      .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
      .join('.');
  }

  decrypt(sealed: string): string {
    const [v, iv, tag, data] = sealed.split('.');
    if (v !== 'v1' || !iv || !tag || data === undefined) throw new Error('not an encrypted value');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
  }
}
