import { Injectable } from '@nestjs/common';
import { Db } from '../../platform/database/db.js';
import { equals, ListStatement } from '../../platform/pagination/list-statement.js';
import type { Page } from '../../platform/pagination/pagination.js';
import { Contact } from './contact.entity.js';
import type { ListContactsQuery } from './dto/contact.dto.js';

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The contacts list by hand-written SQL (GET /v1/contacts is the API's busiest list). */
@Injectable()
export class ContactsRepository {
  private readonly listing = new ListStatement(Contact, 'contacts');

  constructor(private readonly db: Db) {}

  /** Filter by status; `q` searches company name and email (case-insensitive substring); `metadata[k]=v`. */
  list(merchantId: string, query: ListContactsQuery): Promise<Page<Contact>> {
    const q = query.q?.trim();
    return this.listing.page(this.db, merchantId, query, [
      equals('status', query.status),
      {
        sql: "(company_name ILIKE $? ESCAPE '\\' OR email ILIKE $? ESCAPE '\\')",
        value: q ? `%${likeEscape(q)}%` : undefined,
      },
    ]);
  }
}
