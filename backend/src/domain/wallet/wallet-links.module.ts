import { Module, type OnModuleInit } from '@nestjs/common';
import { UsersModule } from '../users/users.module.js';
import { ContactsModule } from '../contacts/contacts.module.js';
import { MerchantsModule } from '../merchants/merchants.module.js';
import { NoticeHandler } from '../notices/notice.handler.js';
import { NoticesModule } from '../notices/notices.module.js';
import { WalletLinksController } from './wallet-links.controller.js';
import { WalletLinksService } from './wallet-links.service.js';

@Module({
  imports: [UsersModule, ContactsModule, MerchantsModule, NoticesModule],
  controllers: [WalletLinksController],
  providers: [WalletLinksService],
  exports: [WalletLinksService],
})
export class WalletLinksModule implements OnModuleInit {
  constructor(
    private readonly notices: NoticeHandler,
    private readonly links: WalletLinksService,
  ) {}

  /** Notices to a contact carry a fresh wallet link, minted when the mail goes out. */
  onModuleInit(): void {
    this.notices.useWalletLinks(this.links);
  }
}
