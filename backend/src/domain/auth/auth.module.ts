import { Module } from '@nestjs/common';
import { ApiKeysModule } from '../api-keys/api-keys.module.js';
import { MerchantsModule } from '../merchants/merchants.module.js';
import { UsersModule } from '../users/users.module.js';
import { AuthController } from './auth.controller.js';
import { AuthGuard } from './auth.guard.js';
import { AuthService } from './auth.service.js';
import { CredentialsService } from './credentials.service.js';
import { PasswordResetMailHandler } from './password-reset-mail.handler.js';
import { LoginThrottle } from './login-throttle.js';

@Module({
  imports: [UsersModule, ApiKeysModule, MerchantsModule],
  controllers: [AuthController],
  providers: [AuthService, CredentialsService, AuthGuard, PasswordResetMailHandler, LoginThrottle],
  exports: [AuthGuard, CredentialsService, UsersModule],
})
export class AuthModule {}
