import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AllExceptionsFilter } from './common/all-exceptions.filter.js';
import { BodylessRoutesInterceptor } from './common/bodyless-routes.interceptor.js';
import { CommonModule } from './common/common.module.js';
import { createValidationPipe } from './common/validation.js';
import type { AppConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import type { Database } from './database/database.js';
import { ApiKeysModule } from './modules/api-keys/api-keys.module.js';
import { AuditModule } from './modules/audit/audit.module.js';
import { AuthGuard } from './modules/auth/auth.guard.js';
import { AuthModule } from './modules/auth/auth.module.js';
import { AutopayModule } from './modules/autopay/autopay.module.js';
import { BillingModule } from './modules/billing/billing.module.js';
import { ContactsModule } from './modules/contacts/contacts.module.js';
import { CreditModule } from './modules/credit/credit.module.js';
import { DevModule } from './modules/dev/dev.module.js';
import { DisputesModule } from './modules/disputes/disputes.module.js';
import { NoticesModule } from './modules/notices/notices.module.js';
import { OverviewModule } from './modules/overview/overview.module.js';
import { WalletModule } from './modules/wallet/wallet.module.js';
import { WalletLinksModule } from './modules/wallet-links/wallet-links.module.js';
import { EventsModule } from './modules/events/events.module.js';
import { WriteInterceptor } from './modules/idempotency/write.interceptor.js';
import { MailModule } from './modules/mail/mail.module.js';
import { MerchantsModule } from './modules/merchants/merchants.module.js';
import { OpsModule } from './modules/ops/ops.module.js';
import { OutboxModule } from './modules/outbox/outbox.module.js';
import { PlatformModule } from './modules/platform/platform.module.js';
import { PublicModule } from './modules/public/public.module.js';
import { RecurringModule } from './modules/recurring/recurring.module.js';
import { TermsModule } from './modules/terms/terms.module.js';
import { UsersModule } from './modules/users/users.module.js';
import { WebhooksModule } from './modules/webhooks/webhooks.module.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, db: Database): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        TypeOrmModule.forRootAsync({ useFactory: () => ({}), dataSourceFactory: async () => db.dataSource }),
        CommonModule,
        AuditModule,
        EventsModule,
        OutboxModule,
        MailModule,
        OpsModule,
        UsersModule,
        ApiKeysModule,
        MerchantsModule,
        AuthModule,
        ContactsModule,
        PublicModule,
        PlatformModule,
        TermsModule,
        CreditModule,
        BillingModule,
        DisputesModule,
        WalletLinksModule,
        NoticesModule,
        WalletModule,
        OverviewModule,
        WebhooksModule,
        RecurringModule,
        AutopayModule,
        ...(config.isProduction ? [] : [DevModule]),
      ],
      providers: [
        { provide: APP_GUARD, useExisting: AuthGuard },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
        { provide: APP_INTERCEPTOR, useClass: BodylessRoutesInterceptor },
        { provide: APP_INTERCEPTOR, useClass: WriteInterceptor },
      ],
    };
  }
}
