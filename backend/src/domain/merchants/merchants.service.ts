import { Injectable } from '@nestjs/common';
import type { Actor } from '../../platform/http/auth/auth-context.js';
import { Clock } from '../../platform/clock/clock.js';
import { Db } from '../../platform/database/db.js';
import { notFound } from '../../platform/errors/errors.js';
import { newId } from '../../platform/ids/ids.js';
import { AuditService } from '../audit/audit.service.js';
import { UsersService } from '../users/users.service.js';
import { toMerchantDto, type MerchantDto } from './dto/merchant.dto.js';
import { Merchant } from './merchant.entity.js';
import { defaultSettings, patchSettings } from './merchant-settings.js';

const CACHE_MS = 5_000;

@Injectable()
export class MerchantsService {
  private readonly cache = new Map<string, { at: number; merchant: Merchant }>();

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly users: UsersService,
  ) {}

  /** Creates the merchant row with the documented defaults (the caller adds its admin and keys). */
  async create(name: string, adminEmail: string): Promise<Merchant> {
    const merchant: Merchant = {
      id: newId('mer'),
      name,
      settings: defaultSettings(adminEmail.toLowerCase()),
      createdAt: this.clock.now(),
      updatedAt: this.clock.now(),
    };
    await this.db.repo(Merchant).insert(merchant);
    return merchant;
  }

  async get(id: string): Promise<Merchant> {
    const merchant = await this.db.repo(Merchant).findOne({ where: { id } });
    if (!merchant) throw notFound('merchant', id);
    return merchant;
  }

  /** For hot read paths (publishable-key origin checks, public config): at most a few seconds stale. */
  async getCached(id: string): Promise<Merchant> {
    const hit = this.cache.get(id);
    if (hit && Date.now() - hit.at < CACHE_MS) return hit.merchant;
    const merchant = await this.get(id);
    this.cache.set(id, { at: Date.now(), merchant });
    return merchant;
  }

  /** JSON merge patch of the settings, validated as a whole, audited; answers the whole merchant. */
  async updateSettings(id: string, patch: unknown, actor: Actor): Promise<MerchantDto> {
    return this.db.transaction(async () => {
      const repo = this.db.repo(Merchant);
      const merchant = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!merchant) throw notFound('merchant', id);
      const before = merchant.settings;
      const settings = patchSettings(before, patch, (await this.users.firstAdminEmail(id)) ?? before.notificationEmail);
      await repo.update({ id }, { settings, updatedAt: this.clock.now() });
      await this.audit.record({
        merchantId: id,
        actor,
        action: 'merchant.settings_updated',
        subjectId: id,
        before: { ...before },
        after: { ...settings },
      });
      this.cache.delete(id);
      return toMerchantDto({ ...merchant, settings });
    });
  }
}
