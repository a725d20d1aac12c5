import { Inject, Injectable, Logger } from '@nestjs/common';
import { In, LessThanOrEqual, MoreThan } from 'typeorm';
import {
  actorOf,
  SYSTEM_ACTOR,
  type Actor,
  type CustomerAuth,
  type MerchantAuth,
  type PublishableAuth,
} from '../../platform/http/auth/auth-context.js';
import { Clock } from '../../platform/clock/clock.js';
import { Db } from '../../platform/database/db.js';
import { ApiError, invalidParam, notFound } from '../../platform/errors/errors.js';
import { TERMS_ERRORS } from '../../errors/terms.js';
import { newId } from '../../platform/ids/ids.js';
import { mapPage, paginate } from '../../platform/pagination/pagination.js';
import { SessionsService } from '../users/sessions.service.js';
import { AuditService } from '../audit/audit.service.js';
import type { Contact } from '../contacts/contact.entity.js';
import type { ContactEvent } from '../contacts/contact.state-machine.js';
import { ContactsService } from '../contacts/contacts.service.js';
import type { Merchant } from '../merchants/merchant.entity.js';
import { MerchantsService } from '../merchants/merchants.service.js';
import { NOTICE_TOPIC } from '../notices/notice-message.js';
import { OutboxService } from '../../platform/outbox/outbox.service.js';
import { PlatformService } from '../platform-policy/platform.service.js';
import { toOfferDto } from '../terms/dto/terms.dto.js';
import type { TermsOffer } from '../terms/terms-offer.entity.js';
import { TermsService } from '../terms/terms.service.js';
import { CreditApplication } from './credit-application.entity.js';
import { BureauUnavailableError, CREDIT_BUREAU, type BureauReport, type CreditBureau } from './credit-bureau.js';
import type { CreateCreditApplicationDto, ListCreditApplicationsQuery } from './dto/credit-application.dto.js';
import {
  toApplicationDto,
  toMerchantApplicationDto,
  type CreditApplicationResultDto,
} from './dto/credit-application-response.dto.js';

/** Waits before asking the bureau again about a pending application (attempt n → delay). */
const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 15 * 60_000, 60 * 60_000];

/** How long a decision waits for its email's owner (a wallet link lives as long). */
const OWNER_DAYS = 30;

type Outcome = { report: BureauReport } | { unavailable: true };

@Injectable()
export class CreditService {
  private readonly logger = new Logger('Credit');

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    @Inject(CREDIT_BUREAU) private readonly bureau: CreditBureau,
    private readonly platform: PlatformService,
    private readonly merchants: MerchantsService,
    private readonly contacts: ContactsService,
    private readonly terms: TermsService,
    private readonly sessions: SessionsService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
  ) {}

  /**
   * A credit application from a widget (publishable key) or a merchant's server (secret key):
   * the bureau is asked first, then everything is written in one transaction.
   */
  async apply(
    auth: PublishableAuth | MerchantAuth,
    dto: CreateCreditApplicationDto,
    ip: string,
  ): Promise<CreditApplicationResultDto> {
    const merchant = await this.merchants.get(auth.merchantId);
    if (!merchant.settings.creditAppModes.includes(dto.mode)) {
      throw new ApiError(
        TERMS_ERRORS.mode_not_allowed,
        `This merchant does not take '${dto.mode}' applications.`,
        'mode',
      );
    }
    if (dto.contactId !== undefined && auth.kind === 'publishable_key') {
      throw invalidParam('contactId', 'contactId can be sent only with a secret key.');
    }
    const outcome = await this.ask(dto, 1);
    const actor = actorOf(auth);
    return this.db.transaction(async () => {
      const { contact, created } = dto.contactId
        ? { contact: await this.contacts.find(auth.merchantId, dto.contactId, true), created: false }
        : await this.contacts.findOrCreateByEmail(
            auth.merchantId,
            { email: dto.applicant.email, companyName: dto.business.legalName, name: dto.applicant.name },
            actor,
          );
      const now = this.clock.now();
      const app: CreditApplication = {
        merchantId: auth.merchantId,
        id: newId('app'),
        contactId: contact.id,
        mode: dto.mode,
        status: 'pending',
        business: dto.business,
        applicant: dto.applicant,
        requestedCreditLimit: dto.requestedCreditLimit ?? null,
        consent: { agreed: true, name: dto.consent.name, ip, at: now.toISOString() },
        createdContact: created,
        // An email the merchant already has, typed on a public page: nothing moves until its owner confirms.
        awaitingOwner: !created && auth.kind === 'publishable_key',
        score: null,
        reasons: [],
        policyVersion: null,
        passingScore: null,
        modelVersion: null,
        bureauAttempts: 1,
        nextAttemptAt: null,
        termsOfferId: null,
        decidedAt: null,
        createdAt: now,
      };
      await this.db.repo(CreditApplication).insert(app);
      await this.audit.record({
        merchantId: app.merchantId,
        actor,
        action: 'credit_application.submitted',
        subjectId: app.id,
        after: { mode: app.mode, contactId: contact.id },
      });
      const statusBefore = contact.status;
      const offer = await this.settle(app, contact, merchant, outcome, actor);
      const session = created ? await this.sessions.createCustomerSession(contact.merchantId, contact.id) : null;
      if (app.awaitingOwner) await this.notifyOwner(app, contact, merchant);
      else if (!created && app.status !== 'pending' && (contact.status !== statusBefore || offer))
        await this.notify(app, contact, offer);
      if (!created && auth.kind === 'publishable_key') {
        // Someone typed an email the merchant already has: the page learns nothing about that
        // business (no status, score or offer); the decision goes to the address as a notice.
        return {
          application: { ...toApplicationDto(app), score: null, reasons: [] },
          contact: { id: contact.id },
          noticeSent: true,
        };
      }
      return {
        application: toApplicationDto(app),
        contact: { id: contact.id, status: contact.status },
        ...(offer ? { termsOffer: toOfferDto(offer, now) } : {}),
        ...(session
          ? { customerSession: { token: session.token, expiresAt: session.session.expiresAt.toISOString() } }
          : {}),
      };
    });
  }

  /** For a widget waiting on a pending decision (the contact's own applications only). */
  async getForCustomer(auth: CustomerAuth, id: string) {
    const app = await this.db
      .repo(CreditApplication)
      .findOne({ where: { merchantId: auth.merchantId, id, contactId: auth.contactId } });
    if (!app) throw notFound('credit application', id);
    const contact = await this.contacts.find(auth.merchantId, auth.contactId);
    const offer = app.termsOfferId ? await this.terms.getForCustomer(auth, app.termsOfferId) : undefined;
    return {
      application: toApplicationDto(app),
      contact: { id: contact.id, status: contact.status },
      ...(offer ? { termsOffer: offer } : {}),
    };
  }

  async list(merchantId: string, query: ListCreditApplicationsQuery) {
    const qb = this.db
      .repo(CreditApplication)
      .createQueryBuilder('a')
      .where('a.merchantId = :merchantId', { merchantId });
    if (query.contactId) qb.andWhere('a.contactId = :contactId', { contactId: query.contactId });
    if (query.status) qb.andWhere('a.status = :status', { status: query.status });
    return mapPage(await paginate(qb, query), toMerchantApplicationDto);
  }

  async get(merchantId: string, id: string) {
    const app = await this.db.repo(CreditApplication).findOne({ where: { merchantId, id } });
    if (!app) throw notFound('credit application', id);
    return toMerchantApplicationDto(app);
  }

  /** Worker job: ask the bureau again about due pending applications, one transaction each. */
  async retryPending(): Promise<void> {
    for (let i = 0; i < 20; i++) {
      const done = await this.db.transaction(async () => {
        const [app] = await this.db.repo(CreditApplication).find({
          where: { status: 'pending', nextAttemptAt: LessThanOrEqual(this.clock.now()) },
          order: { nextAttemptAt: 'ASC' },
          take: 1,
          lock: { mode: 'pessimistic_write', onLocked: 'skip_locked' },
        });
        if (!app) return true;
        const merchant = await this.merchants.get(app.merchantId);
        const contact = await this.contacts.find(app.merchantId, app.contactId, true);
        app.bureauAttempts += 1;
        const outcome = await this.ask(
          {
            business: app.business as CreateCreditApplicationDto['business'],
            requestedCreditLimit: app.requestedCreditLimit ?? undefined,
          },
          app.bureauAttempts,
        );
        const offer = await this.settle(app, contact, merchant, outcome, SYSTEM_ACTOR);
        if (app.awaitingOwner) await this.notifyOwner(app, contact, merchant);
        else if (app.status !== 'pending') await this.notify(app, contact, offer);
        return false;
      });
      if (done) return;
    }
  }

  private async ask(
    dto: Pick<CreateCreditApplicationDto, 'business' | 'requestedCreditLimit'>,
    attempt: number,
  ): Promise<Outcome> {
    const b = dto.business;
    try {
      const report = await this.bureau.inquire({
        taxId: b.taxId,
        legalName: b.legalName,
        country: b.address.country,
        yearsInBusiness: b.yearsInBusiness,
        annualRevenue: b.annualRevenue,
        requestedCreditLimit: dto.requestedCreditLimit ?? null,
        attempt,
      });
      return { report };
    } catch (err) {
      if (!(err instanceof BureauUnavailableError)) throw err;
      this.logger.warn({ msg: 'credit bureau unavailable; application kept pending', attempt });
      return { unavailable: true };
    }
  }

  /**
   * Records the decision under the platform policy in force and moves the contact: approved →
   * verified (+ an offer from the merchant's default terms in credit_check_with_terms mode),
   * declined → credit_declined. A contact already verified or authorized keeps its status.
   */
  private async settle(
    app: CreditApplication,
    contact: Contact,
    merchant: Merchant,
    outcome: Outcome,
    actor: Actor,
  ): Promise<TermsOffer | null> {
    const repo = this.db.repo(CreditApplication);
    const key = { merchantId: app.merchantId, id: app.id };
    if ('unavailable' in outcome) {
      app.nextAttemptAt = new Date(
        this.clock.now().getTime() + (RETRY_DELAYS_MS[app.bureauAttempts - 1] ?? RETRY_DELAYS_MS.at(-1)!),
      );
      await repo.update(key, { bureauAttempts: app.bureauAttempts, nextAttemptAt: app.nextAttemptAt });
      return null;
    }
    const policy = await this.platform.current();
    const approved = outcome.report.score >= policy.passingScore;
    Object.assign(app, {
      status: approved ? 'approved' : 'declined',
      score: outcome.report.score,
      reasons: outcome.report.reasons,
      policyVersion: policy.version,
      passingScore: policy.passingScore,
      modelVersion: policy.modelVersion,
      nextAttemptAt: null,
      decidedAt: this.clock.now(),
    });
    const offer = app.awaitingOwner ? null : await this.takeEffect(app, contact, merchant, actor);
    const {
      status,
      score,
      reasons,
      policyVersion,
      passingScore,
      modelVersion,
      nextAttemptAt,
      decidedAt,
      termsOfferId,
      bureauAttempts,
    } = app;
    await repo.update(key, {
      status,
      score,
      reasons,
      policyVersion,
      passingScore,
      modelVersion,
      nextAttemptAt,
      decidedAt,
      termsOfferId,
      bureauAttempts,
    });
    await this.audit.record({
      merchantId: app.merchantId,
      actor,
      action: `credit_application.${status}`,
      subjectId: app.id,
      after: { score, policyVersion },
    });
    return offer;
  }

  /**
   * What a decision does to its contact: approved → verified, declined → credit_declined (from
   * prospect or credit_declined only), and an offer of the merchant's default terms in
   * credit_check_with_terms mode to a verified contact. A decision that waited for the email's
   * owner never replaces an offer the merchant made by hand: only the merchant does.
   */
  private async effect(app: CreditApplication, contact: Contact) {
    const approved = app.status === 'approved';
    const moves = contact.status === 'prospect' || contact.status === 'credit_declined';
    const event: ContactEvent | null = moves ? (approved ? 'credit_approved' : 'credit_declined') : null;
    const statusAfter = moves ? (approved ? 'verified' : 'credit_declined') : contact.status;
    const offer =
      approved &&
      app.mode === 'credit_check_with_terms' &&
      statusAfter === 'verified' &&
      !(app.awaitingOwner && (await this.terms.hasOpenHandMadeOffer(contact)));
    return { event, changes: statusAfter !== contact.status || offer, offer };
  }

  private async takeEffect(
    app: CreditApplication,
    contact: Contact,
    merchant: Merchant,
    actor: Actor,
  ): Promise<TermsOffer | null> {
    const { event, offer } = await this.effect(app, contact);
    if (event) await this.contacts.transition(contact, event, actor);
    if (!offer) return null;
    const made = await this.terms.offer(contact, merchant.settings.defaultTerms, app.id, actor);
    app.termsOfferId = made.id;
    return made;
  }

  /** A decided application that waits for its email's owner: the notice says what opening its link will do. */
  private async notifyOwner(app: CreditApplication, contact: Contact, merchant: Merchant): Promise<void> {
    if (app.status === 'pending') return;
    const { changes, offer } = await this.effect(app, contact);
    if (changes) await this.notify(app, contact, offer ? merchant.settings.defaultTerms : null);
  }

  /**
   * The email's owner opened a wallet link (in that transaction): the decisions that waited for
   * them take effect, oldest first, if decided within the last 30 days.
   */
  async confirmByOwner(merchantId: string, contactId: string): Promise<void> {
    const apps = await this.db.repo(CreditApplication).find({
      where: {
        merchantId,
        contactId,
        awaitingOwner: true,
        status: In(['approved', 'declined']),
        decidedAt: MoreThan(new Date(this.clock.now().getTime() - OWNER_DAYS * 86400_000)),
      },
      order: { decidedAt: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
    if (!apps.length) return;
    const contact = await this.contacts.find(merchantId, contactId, true);
    const merchant = await this.merchants.get(merchantId);
    const actor: Actor = { type: 'customer', id: contactId, credentialId: null };
    for (const app of apps) {
      await this.takeEffect(app, contact, merchant, actor); // still awaitingOwner: a hand-made offer stays
      app.awaitingOwner = false;
      await this.db
        .repo(CreditApplication)
        .update({ merchantId, id: app.id }, { awaitingOwner: false, termsOfferId: app.termsOfferId });
      await this.audit.record({
        merchantId,
        actor,
        action: 'credit_application.confirmed_by_owner',
        subjectId: app.id,
        after: { status: app.status, contactStatus: contact.status, termsOfferId: app.termsOfferId },
      });
    }
  }

  /** For an email the merchant already had: the decision (and offer) go to that address, with a wallet link, not to the page. */
  private async notify(
    app: CreditApplication,
    contact: Contact,
    offer: Pick<TermsOffer, 'netDays' | 'creditLimit' | 'currency'> | null,
  ): Promise<void> {
    const offerData = offer
      ? { netDays: offer.netDays, creditLimit: offer.creditLimit, currency: offer.currency }
      : null;
    await this.outbox.enqueue(app.merchantId, NOTICE_TOPIC, {
      template: 'credit_decision',
      recipient: 'contact',
      contactId: contact.id,
      data: { status: app.status, reasons: app.reasons, offer: offerData },
    });
  }
}
