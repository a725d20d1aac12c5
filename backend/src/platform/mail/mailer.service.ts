import { Injectable, Logger } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { AppConfig } from '../../config/app-config.js';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  replyTo?: string;
  /** Stable per outbox row, so a resend after a crash is recognisably the same message. */
  messageId: string;
  /** Shown as the sender's name (the merchant's), with MAIL_FROM's address. */
  fromName?: string;
}

export interface MailboxEntry extends Mail {
  from: string;
  sentAt: string;
}

const MAILBOX_LIMIT = 200;

/**
 * Sends mail over SMTP (`SMTP_URL`) with nodemailer; without it, keeps messages in the
 * built-in dev mailbox (`GET /dev/mailbox`, never in production).
 */
@Injectable()
export class MailerService {
  private readonly logger = new Logger('Mail');
  private readonly transport?: Transporter;
  private readonly mailbox: MailboxEntry[] = [];

  constructor(private readonly config: AppConfig) {
    if (config.SMTP_URL) this.transport = nodemailer.createTransport(config.SMTP_URL);
  }

  async send({ fromName, ...mail }: Mail): Promise<void> {
    const address = /<([^>]+)>/.exec(this.config.MAIL_FROM)?.[1] ?? this.config.MAIL_FROM;
    const from = fromName
      ? `"${fromName.replace(/["\\\r\n]/g, '')} via CustomerConnect" <${address}>`
      : this.config.MAIL_FROM;
    if (this.transport) {
      await this.transport.sendMail({ ...mail, from });
      return;
    }
    this.mailbox.unshift({ ...mail, from, sentAt: new Date().toISOString() });
    this.mailbox.length = Math.min(this.mailbox.length, MAILBOX_LIMIT);
    this.logger.log({ msg: 'mail kept in the dev mailbox (SMTP_URL unset)', to: mail.to, subject: mail.subject });
  }

  /** The dev mailbox, newest first (empty when SMTP_URL is set). */
  messages(to?: string): MailboxEntry[] {
    return to ? this.mailbox.filter((m) => m.to.toLowerCase() === to.toLowerCase()) : [...this.mailbox];
  }
}
