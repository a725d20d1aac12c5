import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import type { Actor, PublishableAuth } from '../../platform/http/auth/auth-context.js';
import { Clock } from '../../platform/clock/clock.js';
import { Db } from '../../platform/database/db.js';
import { ApiError } from '../../platform/errors/errors.js';
import { ACCOUNT_ERRORS } from '../../errors/accounts.js';
import { newId } from '../../platform/ids/ids.js';
import { newToken } from '../../platform/crypto/secrets.js';
import { TokenHashes } from '../../platform/crypto/token-hashes.js';
import { AppConfig } from '../../config/app-config.js';
import { AuditService } from '../audit/audit.service.js';
import { SessionsService } from '../users/sessions.service.js';
import { toContactDto } from '../contacts/dto/contact.dto.js';
import { ContactsService } from '../contacts/contacts.service.js';
import { MerchantsService } from '../merchants/merchants.service.js';
import { OutboxService } from '../../platform/outbox/outbox.service.js';
import { NOTICE_TOPIC } from '../notices/notice-message.js';
import { WalletLink } from './wallet-link.entity.js';

export const WALLET_LINK_DAYS = 30;

/** Runs in the transaction that opens a wallet link: its contact's owner has shown they hold the email. */
export type LinkOpenedHook = (merchantId: string, contactId: string) => Promise<void>;

@Injectable()
export class WalletLinksService {
  private readonly openedHooks: LinkOpenedHook[] = [];

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly contacts: ContactsService,
    private readonly merchants: MerchantsService,
    private readonly sessions: SessionsService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly tokens: TokenHashes,
  ) {}

  /** Other modules act on what waited for the email's owner (a credit decision) when a link is opened. */
  onOpened(hook: LinkOpenedHook): void {
    this.openedHooks.push(hook);
  }

  /**
   * A fresh link for one contact: `walletUrl#cc_token=…` (or the hosted /wallet). The token rides in
   * the fragment, which no server, log, analytics script or `Referer` header sees; a fragment the
   * wallet URL already has is kept (`#/account?cc_token=…` for hash routes). Only the token's hash is kept.
   */
  async issue(merchantId: string, contactId: string): Promise<{ url: string; expiresAt: Date }> {
    const merchant = await this.merchants.getCached(merchantId);
    const token = newToken('wl');
    const link: WalletLink = {
      merchantId,
      id: newId('wl'),
      contactId,
      tokenHash: this.tokens.of(token),
      expiresAt: new Date(this.clock.now().getTime() + WALLET_LINK_DAYS * 86400_000),
      revokedAt: null,
      lastUsedAt: null,
      createdAt: this.clock.now(),
    };
    await this.db.repo(WalletLink).insert(link);
    const url = new URL(merchant.settings.walletUrl ?? `${this.config.publicUrl}/wallet`);
    const fragment = url.hash.slice(1);
    url.hash = fragment ? `${fragment}${/[?=]/.test(fragment) ? '&' : '?'}cc_token=${token}` : `cc_token=${token}`;
    return { url: url.toString(), expiresAt: link.expiresAt };
  }

  /** The merchant sends the contact a notice with a fresh link (the link is made when the mail goes out). */
  async send(merchantId: string, contactId: string, actor: Actor) {
    return this.db.transaction(async () => {
      const contact = await this.contacts.find(merchantId, contactId);
      await this.outbox.enqueue(merchantId, NOTICE_TOPIC, {
        template: 'wallet_link',
        recipient: 'contact',
        contactId: contact.id,
        data: {},
      });
      await this.audit.record({ merchantId, actor, action: 'wallet_link.sent', subjectId: contact.id });
      return { sent: true, contactId: contact.id, email: contact.email };
    });
  }

  /** Revokes every link and every customer session of the contact. */
  async revokeAll(merchantId: string, contactId: string, actor: Actor) {
    return this.db.transaction(async () => {
      await this.contacts.find(merchantId, contactId);
      await this.db
        .repo(WalletLink)
        .update({ merchantId, contactId, revokedAt: IsNull() }, { revokedAt: this.clock.now() });
      await this.sessions.revokeForContact(merchantId, contactId);
      await this.audit.record({ merchantId, actor, action: 'wallet_link.revoked_all', subjectId: contactId });
      return { revoked: true, contactId };
    });
  }

  /** A link token → a short-lived customer session. The link is not used up (mail scanners open links). */
  async exchange(linkToken: string) {
    const link = await this.tokens.find(WalletLink, linkToken, { revokedAt: IsNull() });
    if (!link || link.expiresAt <= this.clock.now())
      throw new ApiError(
        ACCOUNT_ERRORS.link_invalid,
        'This wallet link is expired, revoked or unknown; ask for a fresh one.',
      );
    return this.db.transaction(async () => {
      await this.db
        .repo(WalletLink)
        .update({ merchantId: link.merchantId, id: link.id }, { lastUsedAt: this.clock.now() });
      for (const hook of this.openedHooks) await hook(link.merchantId, link.contactId);
      const contact = await this.contacts.find(link.merchantId, link.contactId);
      const merchant = await this.merchants.getCached(link.merchantId);
      const { token, session } = await this.sessions.createCustomerSession(link.merchantId, link.contactId);
      return {
        token,
        expiresAt: session.expiresAt.toISOString(),
        contact: toContactDto(contact),
        merchant: { id: merchant.id, name: merchant.name },
      };
    });
  }

  /**
   * "Email me a fresh link" from the hosted wallet, which has no publishable key: the expired
   * link identifies the contact. A revoked or unknown link sends nothing; the answer is the same.
   */
  async requestFreshByLink(linkToken: string) {
    const link = await this.tokens.find(WalletLink, linkToken, { revokedAt: IsNull() });
    if (link)
      await this.db.transaction(() =>
        this.outbox.enqueue(link.merchantId, NOTICE_TOPIC, {
          template: 'wallet_link',
          recipient: 'contact',
          contactId: link.contactId,
          data: {},
        }),
      );
    return { sent: true };
  }

  /** "Email me a fresh link" from a widget: the same answer whether or not the email is a contact. */
  async requestFresh(auth: PublishableAuth, email: string) {
    const contact = await this.contacts.findByEmail(auth.merchantId, email);
    if (contact)
      await this.db.transaction(() =>
        this.outbox.enqueue(auth.merchantId, NOTICE_TOPIC, {
          template: 'wallet_link',
          recipient: 'contact',
          contactId: contact.id,
          data: {},
        }),
      );
    return { sent: true };
  }
}
