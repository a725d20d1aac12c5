import { Injectable } from '@nestjs/common';
import type { Actor } from '../../common/auth/auth-context.js';
import { Clock } from '../../common/clock.js';
import { uniquely } from '../../common/database-errors.js';
import { Db } from '../../common/db.js';
import { conflict, notFound } from '../../common/errors.js';
import { newId } from '../../common/ids.js';
import { mapPage, paginate } from '../../common/pagination.js';
import { AuditService } from '../audit/audit.service.js';
import { Contact } from './contact.entity.js';
import { toContactDto, type ContactDto, type CreateContactDto, type ListContactsQuery } from './dto/contact.dto.js';

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

@Injectable()
export class ContactsService {
  constructor(private readonly db: Db, private readonly clock: Clock, private readonly audit: AuditService) {}

  /** A new `prospect`; an email the merchant already has answers `409 contact_exists`. */
  async create(merchantId: string, dto: CreateContactDto, actor: Actor): Promise<ContactDto> {
    return this.db.transaction(async () => {
      const contact: Contact = {
        merchantId, id: newId('ct'), companyName: dto.companyName, email: dto.email.toLowerCase(), name: dto.name ?? null,
        status: 'prospect', createdAt: this.clock.now(), updatedAt: this.clock.now(),
      };
      await uniquely(() => this.db.repo(Contact).insert(contact), () => conflict('contact_exists', 'This merchant already has a contact with that email.', 'email'));
      await this.audit.record({ merchantId, actor, action: 'contact.created', subjectId: contact.id, after: { status: contact.status, email: contact.email } });
      return toContactDto(contact);
    });
  }

  async list(merchantId: string, query: ListContactsQuery) {
    const qb = this.db.repo(Contact).createQueryBuilder('c').where('c.merchantId = :merchantId', { merchantId });
    if (query.status) qb.andWhere('c.status = :status', { status: query.status });
    if (query.q?.trim()) {
      qb.andWhere("(c.companyName ILIKE :q ESCAPE '\\' OR c.email ILIKE :q ESCAPE '\\')", { q: `%${likeEscape(query.q.trim())}%` });
    }
    return mapPage(await paginate(qb, query), toContactDto);
  }

  async get(merchantId: string, id: string): Promise<ContactDto> {
    return toContactDto(await this.find(merchantId, id));
  }

  /** The contact, or 404 (also for another merchant's id). */
  async find(merchantId: string, id: string, lock = false): Promise<Contact> {
    const contact = await this.db.repo(Contact).findOne({ where: { merchantId, id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!contact) throw notFound('contact', id);
    return contact;
  }
}
