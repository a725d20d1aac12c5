import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AllExceptionsFilter } from './platform/errors/all-exceptions.filter.js';
import { BodylessRoutesInterceptor } from './platform/http/bodyless-routes.interceptor.js';
import { CommonModule } from './platform/platform.module.js';
import { createValidationPipe } from './platform/validation/validation.js';
import type { AppConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import type { Database } from './database/database.js';
import { ApiKeysModule } from './domain/api-keys/api-keys.module.js';
import { AuditModule } from './domain/audit/audit.module.js';
import { AuthGuard } from './domain/auth/auth.guard.js';
import { AuthModule } from './domain/auth/auth.module.js';
import { AutopayModule } from './domain/autopay/autopay.module.js';
import { InvoicesModule } from './domain/invoices/invoices.module.js';
import { PaymentRequestsModule } from './domain/payment-requests/payment-requests.module.js';
import { PaymentsModule } from './domain/payments/payments.module.js';
import { ContactsModule } from './domain/contacts/contacts.module.js';
import { CreditModule } from './domain/credit/credit.module.js';
import { DevModule } from './domain/dev/dev.module.js';
import { DisputesModule } from './domain/disputes/disputes.module.js';
import { NoticesModule } from './domain/notices/notices.module.js';
import { OverviewModule } from './domain/overview/overview.module.js';
import { WalletModule } from './domain/wallet/wallet.module.js';
import { WalletLinksModule } from './domain/wallet/wallet-links.module.js';
import { EventsModule } from './platform/events/events.module.js';
import { WriteInterceptor } from './platform/idempotency/write.interceptor.js';
import { MailModule } from './platform/mail/mail.module.js';
import { MerchantsModule } from './domain/merchants/merchants.module.js';
import { OpsModule } from './platform/ops/ops.module.js';
import { OutboxModule } from './platform/outbox/outbox.module.js';
import { PlatformModule } from './domain/platform-policy/platform.module.js';
import { PublicModule } from './domain/public/public.module.js';
import { RecurringModule } from './domain/recurring/recurring.module.js';
import { TermsModule } from './domain/terms/terms.module.js';
import { UsersModule } from './domain/users/users.module.js';
import { WebhooksModule } from './domain/webhooks/webhooks.module.js';

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
        PaymentRequestsModule,
        InvoicesModule,
        PaymentsModule,
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
