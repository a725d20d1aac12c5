import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import type { OutboxMessage } from '../outbox/outbox-message.entity.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { MailerService, type Mail } from './mailer.service.js';

export const MAIL_TOPIC = 'mail';

/** Delivers `mail` outbox rows; the row id is the Message-ID, so a resend is the same message. */
@Injectable()
export class MailOutboxHandler implements OnModuleInit {
  constructor(
    private readonly outbox: OutboxService,
    private readonly mailer: MailerService,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.outbox.register({ topic: MAIL_TOPIC, handle: (m) => this.handle(m) });
  }

  private async handle(message: OutboxMessage): Promise<void> {
    const mail = message.payload as unknown as Omit<Mail, 'messageId'>;
    const domain = new URL(this.config.publicUrl).hostname;
    await this.mailer.send({ ...mail, messageId: `<${message.id}@${domain}>` });
  }
}
