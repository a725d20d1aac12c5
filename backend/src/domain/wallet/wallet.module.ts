import { Module } from '@nestjs/common';
import { PaymentsModule } from '../payments/payments.module.js';
import { ContactsModule } from '../contacts/contacts.module.js';
import { DisputesModule } from '../disputes/disputes.module.js';
import { MerchantsModule } from '../merchants/merchants.module.js';
import { WalletController } from './wallet.controller.js';
import { WalletService } from './wallet.service.js';

@Module({
  imports: [PaymentsModule, ContactsModule, DisputesModule, MerchantsModule],
  controllers: [WalletController],
  providers: [WalletService],
})
export class WalletModule {}
