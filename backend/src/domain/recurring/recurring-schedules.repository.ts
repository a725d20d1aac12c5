import { Injectable } from '@nestjs/common';
import { Db } from '../../platform/database/db.js';
import { equals, ListStatement } from '../../platform/pagination/list-statement.js';
import type { Page } from '../../platform/pagination/pagination.js';
import type { ListRecurringSchedulesQuery } from './dto/recurring-schedule.dto.js';
import { RecurringSchedule } from './recurring-schedule.entity.js';

/** The recurring schedules list by hand-written SQL. */
@Injectable()
export class RecurringSchedulesRepository {
  private readonly listing = new ListStatement(RecurringSchedule, 'recurring_schedules');

  constructor(private readonly db: Db) {}

  /** Filter by status, contact and `metadata[k]=v`. */
  list(merchantId: string, query: ListRecurringSchedulesQuery): Promise<Page<RecurringSchedule>> {
    return this.listing.page(this.db, merchantId, query, [
      equals('status', query.status),
      equals('contact_id', query.contactId),
    ]);
  }
}
