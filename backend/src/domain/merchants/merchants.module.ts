import { Module } from '@nestjs/common';
import { ApiKeysModule } from '../api-keys/api-keys.module.js';
import { UsersModule } from '../users/users.module.js';
import { MerchantsController } from './merchants.controller.js';
import { MerchantsService } from './merchants.service.js';
import { SignUpService } from './sign-up.service.js';

@Module({
  imports: [UsersModule, ApiKeysModule],
  controllers: [MerchantsController],
  providers: [MerchantsService, SignUpService],
  exports: [MerchantsService, SignUpService],
})
export class MerchantsModule {}
