import { Module, type OnModuleInit } from '@nestjs/common';
import { UsersModule } from '../users/users.module.js';
import { ContactsModule } from '../contacts/contacts.module.js';
import { MerchantsModule } from '../merchants/merchants.module.js';
import { PlatformModule } from '../platform-policy/platform.module.js';
import { TermsModule } from '../terms/terms.module.js';
import { WalletLinksModule } from '../wallet/wallet-links.module.js';
import { WalletLinksService } from '../wallet/wallet-links.service.js';
import { WorkerService } from '../../platform/worker/worker.service.js';
import { BuiltInBureau } from './built-in-bureau.js';
import { CreditController } from './credit.controller.js';
import { CREDIT_BUREAU } from './credit-bureau.js';
import { CreditService } from './credit.service.js';

@Module({
  imports: [ContactsModule, MerchantsModule, PlatformModule, TermsModule, UsersModule, WalletLinksModule],
  controllers: [CreditController],
  providers: [CreditService, { provide: CREDIT_BUREAU, useClass: BuiltInBureau }],
  exports: [CreditService],
})
export class CreditModule implements OnModuleInit {
  constructor(
    private readonly worker: WorkerService,
    private readonly credit: CreditService,
    private readonly walletLinks: WalletLinksService,
  ) {}

  onModuleInit(): void {
    this.worker.register({ name: 'credit-bureau-retries', run: () => this.credit.retryPending() });
    this.walletLinks.onOpened((merchantId, contactId) => this.credit.confirmByOwner(merchantId, contactId));
  }
}
