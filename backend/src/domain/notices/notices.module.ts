import { Module } from '@nestjs/common';
import { ContactsModule } from '../contacts/contacts.module.js';
import { MerchantsModule } from '../merchants/merchants.module.js';
import { NoticeHandler } from './notice.handler.js';
import { NoticesService } from './notices.service.js';

@Module({
  imports: [ContactsModule, MerchantsModule],
  providers: [NoticesService, NoticeHandler],
  exports: [NoticeHandler],
})
export class NoticesModule {}
