import { Module } from '@nestjs/common';
import { SessionsModule } from '../auth/sessions.module.js';
import { ContactsModule } from '../contacts/contacts.module.js';
import { MerchantsModule } from '../merchants/merchants.module.js';
import { WalletLinksController } from './wallet-links.controller.js';
import { WalletLinksService } from './wallet-links.service.js';

@Module({
  imports: [SessionsModule, ContactsModule, MerchantsModule],
  controllers: [WalletLinksController],
  providers: [WalletLinksService],
  exports: [WalletLinksService],
})
export class WalletLinksModule {}
