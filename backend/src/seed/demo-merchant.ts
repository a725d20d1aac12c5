import type { INestApplicationContext } from '@nestjs/common';
import { IsNull } from 'typeorm';
import { Db } from '../platform/database/db.js';
import type { AppConfig } from '../config/app-config.js';
import { ApiKey } from '../domain/api-keys/api-key.entity.js';
import { ContactsService } from '../domain/contacts/contacts.service.js';
import { MerchantsService } from '../domain/merchants/merchants.service.js';
import { SignUpService } from '../domain/merchants/sign-up.service.js';
import { UsersService } from '../domain/users/users.service.js';
import { seedDemoCustomer } from './demo-customer.js';

export const DEMO_MERCHANT = {
  name: 'Northwind Industrial Supply',
  adminEmail: 'admin@northwind.example',
  adminPassword: 'northwind-demo-2026',
};

const DEMO_CONTACTS = [
  { companyName: 'Acme Fabrication LLC', email: 'ap@acme-fab.example', name: 'Jordan Lee' },
  { companyName: 'Blue Ridge Builders', email: 'billing@blueridge.example', name: 'Sam Ortiz' },
  { companyName: 'Cascade Machine Works', email: 'accounts@cascade-mw.example', name: 'Priya Natarajan' },
];

export interface DemoSeed {
  merchantId: string;
  publishableKey: string;
  /** Only when the merchant was created by this run: secret keys are shown once. */
  secretKey?: string;
}

/** Creates the demo merchant if missing; keeps its allowed origins in step with PUBLIC_URL. */
export async function seedDemoMerchant(app: INestApplicationContext, config: AppConfig): Promise<DemoSeed> {
  const users = app.get(UsersService);
  const merchants = app.get(MerchantsService);
  const db = app.get(Db);
  const system = { type: 'system' as const, id: null, credentialId: null };
  const origin = new URL(config.publicUrl).origin;
  const existing = await users.findByEmail(DEMO_MERCHANT.adminEmail);
  if (existing) {
    const merchant = await merchants.get(existing.merchantId);
    if (!merchant.settings.allowedOrigins.includes(origin)) {
      await merchants.updateSettings(
        merchant.id,
        { allowedOrigins: [...merchant.settings.allowedOrigins, origin] },
        system,
      );
    }
    const key = await db
      .repo(ApiKey)
      .findOne({ where: { merchantId: merchant.id, kind: 'publishable', revokedAt: IsNull() }, order: { id: 'ASC' } });
    return { merchantId: merchant.id, publishableKey: key?.publishableKey ?? '' };
  }
  const signUp = await app.get(SignUpService).signUp(DEMO_MERCHANT);
  const merchantId = signUp.merchant.id;
  await merchants.updateSettings(
    merchantId,
    { allowedOrigins: [origin], walletUrl: `${config.publicUrl}/account`, theme: { primaryColor: '#0b5cad' } },
    system,
  );
  for (const c of DEMO_CONTACTS) await app.get(ContactsService).create(merchantId, c, system);
  const adminKey = signUp.apiKeys.find((k) => k.kind === 'secret')!;
  await seedDemoCustomer(app, merchantId, adminKey.id);
  return { merchantId, publishableKey: signUp.publishableKey, secretKey: signUp.secretKey };
}
