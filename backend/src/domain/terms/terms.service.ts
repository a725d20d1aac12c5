import { Injectable } from '@nestjs/common';
import { IsNull, LessThanOrEqual } from 'typeorm';
import type { Actor, CustomerAuth, MerchantAuth } from '../../platform/http/auth/auth-context.js';
import { actorOf, SYSTEM_ACTOR } from '../../platform/http/auth/auth-context.js';
import { Clock } from '../../platform/clock/clock.js';
import { Db } from '../../platform/database/db.js';
import { ApiError, notFound } from '../../platform/errors/errors.js';
import { TERMS_ERRORS } from '../../errors/terms.js';
import { newId } from '../../platform/ids/ids.js';
import { mapPage, paginate, type ListQuery } from '../../platform/pagination/pagination.js';
import { AuditService } from '../audit/audit.service.js';
import type { Contact } from '../contacts/contact.entity.js';
import { ContactsService } from '../contacts/contacts.service.js';
import { EventsService } from '../../platform/events/events.service.js';
import { MerchantsService } from '../merchants/merchants.service.js';
import { PaymentMethodsService } from '../payments/payment-methods/payment-methods.service.js';
import { Contract } from './contract.entity.js';
import { toOfferDto, type AcceptOfferDto, type CreateTermsOfferDto, type TermsOfferDto } from './dto/terms.dto.js';
import { TermsOffer } from './terms-offer.entity.js';
import { offerLifecycle, type OfferEvent } from './terms-offer.state-machine.js';
import { acceptedNetDays, assertMayChangeTerms } from './terms-policy.js';

/** Offers stay open this long (product.md, Time). */
export const OFFER_DAYS = 30;

interface OfferTerms {
  netDays: number;
  creditLimit: number;
  currency: string;
}

@Injectable()
export class TermsService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly contacts: ContactsService,
    private readonly merchants: MerchantsService,
    private readonly events: EventsService,
    private readonly audit: AuditService,
    private readonly methods: PaymentMethodsService,
  ) {}

  /** A merchant offers terms to a verified or authorized contact, within the terms-lock policy. */
  async create(auth: MerchantAuth, contactId: string, dto: CreateTermsOfferDto): Promise<TermsOfferDto> {
    const merchant = await this.merchants.get(auth.merchantId);
    assertMayChangeTerms(auth, merchant.settings, dto.netDays);
    return this.db.transaction(async () => {
      const contact = await this.contacts.find(auth.merchantId, contactId, true);
      return toOfferDto(await this.offer(contact, dto, null, actorOf(auth)), this.clock.now());
    });
  }

  /** Whether the contact has an open offer the merchant made by hand (not from a credit application). */
  async hasOpenHandMadeOffer(contact: Contact): Promise<boolean> {
    return this.db.repo(TermsOffer).exists({
      where: { merchantId: contact.merchantId, contactId: contact.id, status: 'offered', applicationId: IsNull() },
    });
  }

  /** Writes an offer (superseding any open one of the contact) in the caller's transaction. */
  async offer(contact: Contact, terms: OfferTerms, applicationId: string | null, actor: Actor): Promise<TermsOffer> {
    if (contact.status !== 'verified' && contact.status !== 'authorized') {
      throw new ApiError(TERMS_ERRORS.contact_not_verified, undefined);
    }
    const open = await this.db.repo(TermsOffer).find({
      where: { merchantId: contact.merchantId, contactId: contact.id, status: 'offered' },
      lock: { mode: 'pessimistic_write' },
    });
    for (const previous of open) await this.move(previous, 'withdraw', actor, { reason: 'superseded' });
    const now = this.clock.now();
    const offer: TermsOffer = {
      merchantId: contact.merchantId,
      id: newId('off'),
      contactId: contact.id,
      ...terms,
      status: 'offered',
      expiresAt: new Date(now.getTime() + OFFER_DAYS * 86400_000),
      applicationId,
      acceptedNetDays: null,
      signatureName: null,
      signatureIp: null,
      answeredAt: null,
      createdAt: now,
    };
    await this.db.repo(TermsOffer).insert(offer);
    await this.events.append(contact.merchantId, 'terms_offer.created', offer.id, {
      termsOffer: toOfferDto(offer, now),
    });
    await this.audit.record({
      merchantId: contact.merchantId,
      actor,
      action: 'terms_offer.created',
      subjectId: offer.id,
      after: { ...terms, contactId: contact.id },
    });
    return offer;
  }

  async withdraw(auth: MerchantAuth, contactId: string, offerId: string): Promise<TermsOfferDto> {
    const merchant = await this.merchants.get(auth.merchantId);
    assertMayChangeTerms(auth, merchant.settings);
    return this.db.transaction(async () => {
      const offer = await this.lockOffer(auth.merchantId, offerId, contactId);
      await this.move(offer, 'withdraw', actorOf(auth));
      return toOfferDto(offer, this.clock.now());
    });
  }

  /** Ends the contract: authorized → verified (admins; members only under flexible). */
  async endContract(auth: MerchantAuth, contactId: string) {
    const merchant = await this.merchants.get(auth.merchantId);
    assertMayChangeTerms(auth, merchant.settings);
    return this.db.transaction(async () => {
      const contact = await this.contacts.find(auth.merchantId, contactId, true);
      await this.contacts.transition(contact, 'contract_ended', actorOf(auth));
      await this.endActiveContract(contact);
      await this.contacts.setTerms(contact, null);
      return contact;
    });
  }

  async list(merchantId: string, contactId: string, query: ListQuery) {
    await this.contacts.find(merchantId, contactId);
    const qb = this.db
      .repo(TermsOffer)
      .createQueryBuilder('o')
      .where('o.merchantId = :merchantId AND o.contactId = :contactId', { merchantId, contactId });
    const now = this.clock.now();
    return mapPage(await paginate(qb, query), (o) => toOfferDto(o, now));
  }

  async getForCustomer(auth: CustomerAuth, offerId: string) {
    const offer = await this.db
      .repo(TermsOffer)
      .findOne({ where: { merchantId: auth.merchantId, id: offerId, contactId: auth.contactId } });
    if (!offer) throw notFound('terms offer', offerId);
    const { name, settings } = await this.merchants.getCached(auth.merchantId);
    return {
      ...toOfferDto(offer, this.clock.now()),
      merchant: { name },
      termsPolicy: settings.termsPolicy,
      allowedNetDays: settings.allowedNetDays,
    };
  }

  /** The customer signs: a contract, the contact authorized (or its terms replaced), once. */
  async accept(auth: CustomerAuth, offerId: string, dto: AcceptOfferDto, ip: string): Promise<TermsOfferDto> {
    const merchant = await this.merchants.get(auth.merchantId);
    return this.db.transaction(async () => {
      const offer = await this.lockOffer(auth.merchantId, offerId, auth.contactId);
      this.assertOpen(offer);
      const netDays = acceptedNetDays(merchant.settings, offer.netDays, dto.netDays);
      if (dto.paymentMethodId !== undefined) {
        await this.methods.forPayment(auth.merchantId, auth.contactId, dto.paymentMethodId);
        await this.methods.setDefault(auth, dto.paymentMethodId);
      }
      const actor = actorOf(auth);
      const contact = await this.contacts.find(auth.merchantId, auth.contactId, true);
      if (contact.status === 'authorized') await this.endActiveContract(contact);
      else await this.contacts.transition(contact, 'terms_accepted', actor);
      const now = this.clock.now();
      const contract: Contract = {
        merchantId: contact.merchantId,
        id: newId('con'),
        contactId: contact.id,
        offerId: offer.id,
        netDays,
        creditLimit: offer.creditLimit,
        currency: offer.currency,
        status: 'active',
        signatureName: dto.signatureName,
        signatureIp: ip,
        signedAt: now,
        endedAt: null,
        createdAt: now,
      };
      await this.db.repo(Contract).insert(contract);
      await this.contacts.setTerms(contact, {
        contractId: contract.id,
        netDays,
        creditLimit: contract.creditLimit,
        currency: contract.currency,
      });
      Object.assign(offer, { acceptedNetDays: netDays, signatureName: dto.signatureName, signatureIp: ip });
      await this.move(offer, 'accept', actor, { contractId: contract.id });
      return toOfferDto(offer, now);
    });
  }

  /** The customer declines: the contact stays as it is (verified: payment requests to approve). */
  async decline(auth: CustomerAuth, offerId: string): Promise<TermsOfferDto> {
    return this.db.transaction(async () => {
      const offer = await this.lockOffer(auth.merchantId, offerId, auth.contactId);
      this.assertOpen(offer);
      await this.move(offer, 'decline', actorOf(auth));
      return toOfferDto(offer, this.clock.now());
    });
  }

  /** Worker job: offers past 30 days become `expired`. */
  async expireDue(): Promise<void> {
    await this.db.transaction(async () => {
      const due = await this.db.repo(TermsOffer).find({
        where: { status: 'offered', expiresAt: LessThanOrEqual(this.clock.now()) },
        take: 100,
        lock: { mode: 'pessimistic_write', onLocked: 'skip_locked' },
      });
      for (const offer of due) await this.move(offer, 'expire', SYSTEM_ACTOR);
    });
  }

  private assertOpen(offer: TermsOffer): void {
    if (offer.status === 'offered' && offer.expiresAt <= this.clock.now()) {
      throw new ApiError(TERMS_ERRORS.offer_not_open, 'This offer has expired; ask the merchant for a new one.');
    }
  }

  private async lockOffer(merchantId: string, offerId: string, contactId: string): Promise<TermsOffer> {
    const offer = await this.db
      .repo(TermsOffer)
      .findOne({ where: { merchantId, id: offerId, contactId }, lock: { mode: 'pessimistic_write' } });
    if (!offer) throw notFound('terms offer', offerId);
    return offer;
  }

  /** The one place an offer's status changes: state machine, row, event, audit. */
  private async move(
    offer: TermsOffer,
    event: OfferEvent,
    actor: Actor,
    extra: Record<string, unknown> = {},
  ): Promise<void> {
    const before = offer.status;
    offer.status = offerLifecycle.next(before, event);
    if (event === 'accept' || event === 'decline') offer.answeredAt = this.clock.now();
    const { merchantId, id, status, answeredAt, acceptedNetDays: nd, signatureName, signatureIp } = offer;
    await this.db
      .repo(TermsOffer)
      .update({ merchantId, id }, { status, answeredAt, acceptedNetDays: nd, signatureName, signatureIp });
    await this.events.append(merchantId, `terms_offer.${offer.status}`, id, {
      termsOffer: toOfferDto(offer, this.clock.now()),
      ...extra,
    });
    await this.audit.record({
      merchantId,
      actor,
      action: `terms_offer.${event}`,
      subjectId: id,
      before: { status: before },
      after: { status: offer.status, ...extra },
    });
  }

  private async endActiveContract(contact: Contact): Promise<void> {
    await this.db
      .repo(Contract)
      .update(
        { merchantId: contact.merchantId, contactId: contact.id, status: 'active' },
        { status: 'ended', endedAt: this.clock.now() },
      );
  }
}
