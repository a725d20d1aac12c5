import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import { ContactsService } from '../contacts/contacts.service.js';
import { MailerService } from '../../platform/mail/mailer.service.js';
import { MerchantsService } from '../merchants/merchants.service.js';
import type { OutboxMessage } from '../../platform/outbox/outbox-message.entity.js';
import { OutboxService } from '../../platform/outbox/outbox.service.js';
import { NOTICE_TOPIC, type NoticeMessage } from './notice-message.js';
import { renderNotice } from './templates.js';

/**
 * Delivers `notice` outbox rows: renders the template with the merchant's name, makes the
 * contact a fresh wallet link, and sends with the row's stable Message-ID and Reply-To the
 * merchant's notification address. The outbox records the attempt before this runs.
 */
export interface WalletLinkIssuer {
  issue(merchantId: string, contactId: string): Promise<{ url: string }>;
}

@Injectable()
export class NoticeHandler implements OnModuleInit {
  constructor(
    private readonly outbox: OutboxService,
    private readonly mailer: MailerService,
    private readonly merchants: MerchantsService,
    private readonly contacts: ContactsService,
    private readonly config: AppConfig,
  ) {}

  /** Who mints a contact's wallet link (the wallet registers itself: it also sends notices, so it sits above). */
  private walletLinks?: WalletLinkIssuer;

  useWalletLinks(issuer: WalletLinkIssuer): void {
    this.walletLinks = issuer;
  }

  onModuleInit(): void {
    this.outbox.register({ topic: NOTICE_TOPIC, handle: (m) => this.deliver(m) });
  }

  private linkIssuer(): WalletLinkIssuer {
    if (!this.walletLinks) throw new Error('No wallet link issuer registered (WalletLinksModule registers one)');
    return this.walletLinks;
  }

  private async deliver(row: OutboxMessage): Promise<void> {
    const notice = row.payload as unknown as NoticeMessage;
    const merchant = await this.merchants.get(row.merchantId);
    const contact = await this.contacts.find(row.merchantId, notice.contactId);
    const toMerchant = notice.recipient === 'merchant';
    const link = toMerchant
      ? `${this.config.publicUrl}/dashboard${notice.data.dispute ? `#/disputes/${(notice.data.dispute as { id: string }).id}` : ''}`
      : (await this.linkIssuer().issue(row.merchantId, contact.id)).url;
    const rendered = renderNotice(notice.template, {
      merchantName: merchant.name,
      recipientName: toMerchant ? merchant.name : (contact.name ?? contact.companyName),
      companyName: contact.companyName,
      link,
      data: notice.data,
    });
    await this.mailer.send({
      ...rendered,
      to: toMerchant ? merchant.settings.notificationEmail : contact.email,
      replyTo: toMerchant ? undefined : merchant.settings.notificationEmail,
      fromName: merchant.name,
      messageId: `<${row.id}@${new URL(this.config.publicUrl).hostname}>`,
    });
  }
}
