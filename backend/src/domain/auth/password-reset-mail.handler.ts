import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Clock } from '../../platform/clock/clock.js';
import { Db } from '../../platform/database/db.js';
import { newId } from '../../platform/ids/ids.js';
import { newToken } from '../../platform/crypto/secrets.js';
import { TokenHashes } from '../../platform/crypto/token-hashes.js';
import { AppConfig } from '../../config/app-config.js';
import { MailerService } from '../../platform/mail/mailer.service.js';
import type { OutboxMessage } from '../../platform/outbox/outbox-message.entity.js';
import { OutboxService } from '../../platform/outbox/outbox.service.js';
import { PasswordReset } from './password-reset.entity.js';

export const PASSWORD_RESET_TOPIC = 'password_reset';
export const RESET_SECONDS = 3600;

/** What a `password_reset` outbox row holds: who asked, never a token. */
export interface PasswordResetMessage {
  userId: string;
  email: string;
}

/**
 * Sends a password-reset mail: the token is made when the mail goes out (as wallet links are),
 * so no stored row ever holds a live one; only its hash is kept, in `password_resets`. A resend
 * after a crash mails a new link; each works for an hour.
 */
@Injectable()
export class PasswordResetMailHandler implements OnModuleInit {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly outbox: OutboxService,
    private readonly mailer: MailerService,
    private readonly tokens: TokenHashes,
  ) {}

  onModuleInit(): void {
    this.outbox.register({ topic: PASSWORD_RESET_TOPIC, handle: (m) => this.deliver(m) });
  }

  private async deliver(row: OutboxMessage): Promise<void> {
    const { userId, email } = row.payload as unknown as PasswordResetMessage;
    const token = newToken('pwr');
    await this.db.repo(PasswordReset).insert({
      merchantId: row.merchantId,
      id: newId('pwr'),
      userId,
      tokenHash: this.tokens.of(token),
      expiresAt: this.clock.plusSeconds(RESET_SECONDS),
      usedAt: null,
      createdAt: this.clock.now(),
    });
    const link = `${this.config.publicUrl}/dashboard/reset-password?token=${encodeURIComponent(token)}`;
    await this.mailer.send({
      to: email,
      subject: 'Reset your CustomerConnect password',
      text: `Someone asked to reset the password of ${email}.\n\nSet a new password within an hour: ${link}\n\nIf it was not you, ignore this email; your password stays as it is.`,
      messageId: `<${row.id}@${new URL(this.config.publicUrl).hostname}>`,
    });
  }
}
