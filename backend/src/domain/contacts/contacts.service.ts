import { Injectable } from '@nestjs/common';
import type { Actor } from '../../platform/http/auth/auth-context.js';
import { Clock } from '../../platform/clock/clock.js';
import { uniquely } from '../../platform/errors/database-errors.js';
import { Db } from '../../platform/database/db.js';
import { ApiError, notFound } from '../../platform/errors/errors.js';
import { TERMS_ERRORS } from '../../errors/terms.js';
import { newId } from '../../platform/ids/ids.js';
import { mapPage } from '../../platform/pagination/pagination.js';
import { AuditService } from '../audit/audit.service.js';
import { EventsService } from '../../platform/events/events.service.js';
import { Contact } from './contact.entity.js';
import { ContactsRepository } from './contacts.repository.js';
import { contactLifecycle, type ContactEvent } from './contact.state-machine.js';
import { toContactDto, type ContactDto, type CreateContactDto, type ListContactsQuery } from './dto/contact.dto.js';

/** The webhook event each lifecycle move announces. */
const CONTACT_EVENT_TYPES: Record<ContactEvent, string> = {
  credit_approved: 'contact.verified',
  credit_declined: 'contact.credit_declined',
  terms_accepted: 'contact.authorized',
  contract_ended: 'contact.contract_ended',
};

@Injectable()
export class ContactsService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly events: EventsService,
    private readonly contacts: ContactsRepository,
  ) {}

  /** A new `prospect`; an email the merchant already has answers `409 contact_exists`. */
  async create(merchantId: string, dto: CreateContactDto, actor: Actor): Promise<ContactDto> {
    return this.db.transaction(async () => {
      const contact = this.newContact(merchantId, dto);
      await uniquely(
        () => this.db.repo(Contact).insert(contact),
        () => new ApiError(TERMS_ERRORS.contact_exists, undefined, 'email'),
      );
      await this.audit.record({
        merchantId,
        actor,
        action: 'contact.created',
        subjectId: contact.id,
        after: { status: contact.status, email: contact.email },
      });
      return toContactDto(contact);
    });
  }

  private newContact(merchantId: string, dto: CreateContactDto): Contact {
    return {
      merchantId,
      id: newId('ct'),
      companyName: dto.companyName,
      email: dto.email.trim().toLowerCase(),
      name: dto.name ?? null,
      status: 'prospect',
      contractId: null,
      netDays: null,
      creditLimit: null,
      currency: null,
      metadata: dto.metadata ?? {},
      createdAt: this.clock.now(),
      updatedAt: this.clock.now(),
    };
  }

  /**
   * The merchant's contact with this email, locked, or a new prospect. A concurrent request
   * creating the same email waits for ours (ON CONFLICT) and then finds it.
   */
  async findOrCreateByEmail(
    merchantId: string,
    dto: CreateContactDto,
    actor: Actor,
  ): Promise<{ contact: Contact; created: boolean }> {
    const candidate = this.newContact(merchantId, dto);
    const inserted = await this.db
      .repo(Contact)
      .createQueryBuilder()
      .insert()
      .values(candidate)
      .orIgnore()
      .returning(['id'])
      .execute();
    if (inserted.raw.length) {
      await this.audit.record({
        merchantId,
        actor,
        action: 'contact.created',
        subjectId: candidate.id,
        after: { status: candidate.status, email: candidate.email },
      });
      return { contact: candidate, created: true };
    }
    const contact = await this.db
      .repo(Contact)
      .findOneOrFail({ where: { merchantId, email: candidate.email }, lock: { mode: 'pessimistic_write' } });
    return { contact, created: false };
  }

  /** Moves a contact along its lifecycle (the one place its status changes), with event and audit. */
  async transition(contact: Contact, event: ContactEvent, actor: Actor): Promise<Contact> {
    const before = contact.status;
    const status = contactLifecycle.next(before, event);
    await this.db
      .repo(Contact)
      .update({ merchantId: contact.merchantId, id: contact.id }, { status, updatedAt: this.clock.now() });
    contact.status = status;
    await this.events.append(contact.merchantId, CONTACT_EVENT_TYPES[event], contact.id, {
      contact: toContactDto(contact),
    });
    await this.audit.record({
      merchantId: contact.merchantId,
      actor,
      action: `contact.${event}`,
      subjectId: contact.id,
      before: { status: before },
      after: { status },
    });
    return contact;
  }

  /** Records the contract in force on the contact (null when it ends). */
  async setTerms(
    contact: Contact,
    terms: { contractId: string; netDays: number; creditLimit: number; currency: string } | null,
  ): Promise<void> {
    const fields = terms ?? { contractId: null, netDays: null, creditLimit: null, currency: null };
    await this.db
      .repo(Contact)
      .update({ merchantId: contact.merchantId, id: contact.id }, { ...fields, updatedAt: this.clock.now() });
    Object.assign(contact, fields);
  }

  findByEmail(merchantId: string, email: string): Promise<Contact | null> {
    return this.db.repo(Contact).findOne({ where: { merchantId, email: email.trim().toLowerCase() } });
  }

  async list(merchantId: string, query: ListContactsQuery) {
    return mapPage(await this.contacts.list(merchantId, query), toContactDto);
  }

  async get(merchantId: string, id: string): Promise<ContactDto> {
    return toContactDto(await this.find(merchantId, id));
  }

  /** The contact, or 404 (also for another merchant's id). */
  async find(merchantId: string, id: string, lock = false): Promise<Contact> {
    const contact = await this.db
      .repo(Contact)
      .findOne({ where: { merchantId, id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!contact) throw notFound('contact', id);
    return contact;
  }
}
