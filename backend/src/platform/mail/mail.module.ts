import { Global, Module } from '@nestjs/common';
import { MailOutboxHandler } from './mail-outbox.handler.js';
import { MailerService } from './mailer.service.js';

@Global()
@Module({ providers: [MailerService, MailOutboxHandler], exports: [MailerService] })
export class MailModule {}
