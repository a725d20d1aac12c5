import { Injectable } from '@nestjs/common';
import { Db } from '../../platform/database/db.js';
import { equals, ListStatement } from '../../platform/pagination/list-statement.js';
import type { Page } from '../../platform/pagination/pagination.js';
import type { ListInvoicesQuery } from './dto/invoice.dto.js';
import { Invoice } from './invoice.entity.js';

/** Overdue: a balance left after the due date (`$?` = today), and not void. */
const OVERDUE = "balance > 0 AND due_date < $? AND status <> 'void'";

/** The invoices list by hand-written SQL. */
@Injectable()
export class InvoicesRepository {
  private readonly listing = new ListStatement(Invoice, 'invoices');

  constructor(private readonly db: Db) {}

  /** Filter by status, contact, overdue (as of `today`) and `metadata[k]=v`. */
  list(merchantId: string, query: ListInvoicesQuery, today: string): Promise<Page<Invoice>> {
    return this.listing.page(this.db, merchantId, query, [
      equals('status', query.status),
      equals('contact_id', query.contactId),
      {
        sql: query.overdue ? `(${OVERDUE})` : `NOT (${OVERDUE})`,
        value: query.overdue === undefined ? undefined : today,
      },
    ]);
  }
}
