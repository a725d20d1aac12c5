import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { SYSTEM_ACTOR } from '../../platform/http/auth/auth-context.js';
import { Clock } from '../../platform/clock/clock.js';
import { Db } from '../../platform/database/db.js';
import { ApiError } from '../../platform/errors/errors.js';
import { AuditService } from '../audit/audit.service.js';
import { EventsService } from '../../platform/events/events.service.js';
import { InvoicesService } from '../invoices/invoices.service.js';
import { MAIL_TOPIC } from '../../platform/mail/mail-outbox.handler.js';
import { MerchantsService } from '../merchants/merchants.service.js';
import { OutboxService } from '../../platform/outbox/outbox.service.js';
import { PaymentRequestsService } from '../payment-requests/payment-requests.service.js';
import { isPastEnd, periodDate } from './periods.js';
import { RecurringOccurrence } from './recurring-occurrence.entity.js';
import { recurringInvoiceNumber, type RecurringSchedule } from './recurring-schedule.entity.js';
import { RecurringSchedulesService } from './recurring-schedules.service.js';

type Made = Pick<RecurringOccurrence, 'invoiceId' | 'paymentRequestId'>;

/**
 * The worker job that makes due periods. One transaction per period: it locks the schedule
 * (FOR UPDATE SKIP LOCKED), claims the period's row (its primary key is the exactly-once
 * guarantee), makes the invoice or request, and advances the schedule. A crash rolls all of it
 * back; the next pass makes the period again, once. Missed periods are caught up oldest first.
 */
@Injectable()
export class RecurringGenerator {
  private readonly logger = new Logger('Recurring');

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly schedules: RecurringSchedulesService,
    private readonly invoices: InvoicesService,
    private readonly requests: PaymentRequestsService,
    private readonly merchants: MerchantsService,
    private readonly outbox: OutboxService,
    private readonly events: EventsService,
    private readonly audit: AuditService,
  ) {}

  /** Makes up to `batch` due periods; answers how many. */
  async run(batch = 200): Promise<number> {
    const broken: string[] = [];
    let made = 0;
    while (made < batch) {
      const current = { id: null as string | null };
      try {
        const done = await this.db.transaction(async (em) => {
          const schedule = await this.claim(em, broken);
          if (!schedule) return false;
          current.id = schedule.id;
          await this.generate(schedule);
          return true;
        });
        if (!done) break;
      } catch (err) {
        if (!current.id) throw err;
        broken.push(current.id); // rolled back: retried on the next pass, the others go on
        this.logger.warn({
          msg: 'recurring period failed unexpectedly',
          scheduleId: current.id,
          err: String((err as Error)?.message ?? err),
        });
      }
      made++;
    }
    return made;
  }

  private async claim(em: EntityManager, skip: string[]): Promise<RecurringSchedule | null> {
    const [row] = await em.query(
      `SELECT merchant_id, id FROM recurring_schedules
        WHERE status = 'active' AND next_run_date <= $1 AND NOT (id = ANY($2))
        ORDER BY next_run_date LIMIT 1 FOR UPDATE SKIP LOCKED`,
      [this.clock.today(), skip],
    );
    return row ? this.schedules.find(row.merchant_id, row.id) : null;
  }

  private async generate(schedule: RecurringSchedule): Promise<void> {
    const index = schedule.nextPeriodIndex;
    const date = schedule.nextRunDate!;
    const claimed = await this.db
      .repo(RecurringOccurrence)
      .createQueryBuilder()
      .insert()
      .values({
        merchantId: schedule.merchantId,
        scheduleId: schedule.id,
        periodIndex: index,
        periodDate: date,
        status: 'generated',
        createdAt: this.clock.now(),
      })
      .orIgnore()
      .returning(['periodIndex'])
      .execute();
    if (claimed.raw.length) await this.produce(schedule, index, date);
    const next = index + 1;
    Object.assign(schedule, {
      nextPeriodIndex: next,
      nextRunDate: periodDate(schedule.startDate, schedule.intervalUnit, schedule.intervalCount, next),
    });
    if (isPastEnd(schedule, next, schedule.nextRunDate!))
      await this.schedules.transition(schedule, 'complete', SYSTEM_ACTOR);
    else await this.schedules.save(schedule);
  }

  /** The period's invoice or request. A refusal (credit limit, currency) is kept as a failed period and told to the merchant. */
  private async produce(schedule: RecurringSchedule, index: number, date: string): Promise<void> {
    const key = { merchantId: schedule.merchantId, scheduleId: schedule.id, periodIndex: index };
    const detail = { scheduleId: schedule.id, periodIndex: index, periodDate: date };
    try {
      const made = await this.db.savepoint('recurring_period', () =>
        schedule.kind === 'invoice' ? this.invoice(schedule, index, date) : this.request(schedule, date),
      );
      await this.db.repo(RecurringOccurrence).update(key, made);
      await this.events.append(schedule.merchantId, 'recurring_schedule.occurrence_created', schedule.id, {
        ...detail,
        ...made,
      });
      await this.audit.record({
        merchantId: schedule.merchantId,
        actor: SYSTEM_ACTOR,
        action: 'recurring_schedule.occurrence_created',
        subjectId: schedule.id,
        after: { ...detail, ...made },
      });
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      await this.db.repo(RecurringOccurrence).update(key, { status: 'failed', errorCode: err.code });
      await this.events.append(schedule.merchantId, 'recurring_schedule.occurrence_failed', schedule.id, {
        ...detail,
        errorCode: err.code,
        message: err.message,
      });
      await this.audit.record({
        merchantId: schedule.merchantId,
        actor: SYSTEM_ACTOR,
        action: 'recurring_schedule.occurrence_failed',
        subjectId: schedule.id,
        after: { ...detail, errorCode: err.code },
      });
      const merchant = await this.merchants.get(schedule.merchantId);
      await this.outbox.enqueue(schedule.merchantId, MAIL_TOPIC, {
        to: merchant.settings.notificationEmail,
        subject: `Recurring ${schedule.kind === 'invoice' ? 'invoice' : 'payment request'} not created (schedule ${schedule.id})`,
        text: `Period ${index + 1} (${date}) of recurring schedule ${schedule.id} could not be created: ${err.message} (${err.code}).\nThe period is skipped; the schedule goes on.`,
      });
    }
  }

  /** Numbered `<scheduleId>-<n>`; an authorized contact's is charged by autopay when due, anyone else's comes with a request. */
  private async invoice(s: RecurringSchedule, index: number, date: string): Promise<Made> {
    const invoice = await this.invoices.create(
      s.merchantId,
      {
        contactId: s.contactId,
        number: recurringInvoiceNumber(s, index),
        amount: s.amount,
        currency: s.currency,
        issuedAt: date,
        description: s.description ?? undefined,
      },
      SYSTEM_ACTOR,
    );
    const request = await this.requests.joinSeries(s.merchantId, invoice.id, s.id, s.seriesApproved, SYSTEM_ACTOR);
    return { invoiceId: invoice.id, paymentRequestId: request?.id ?? null };
  }

  private async request(s: RecurringSchedule, date: string): Promise<Made> {
    const merchant = await this.merchants.get(s.merchantId);
    const request = await this.requests.insert(
      {
        merchantId: s.merchantId,
        contactId: s.contactId,
        invoiceId: null,
        amount: s.amount,
        currency: s.currency,
        dueDate: date,
        memo: s.description,
        minimumPercent: null,
        scheduleId: s.id,
      },
      merchant.settings,
      SYSTEM_ACTOR,
      s.seriesApproved ? 'approved' : 'pending_approval',
    );
    return { invoiceId: null, paymentRequestId: request.id };
  }
}
