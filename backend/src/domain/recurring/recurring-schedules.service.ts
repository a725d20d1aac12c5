import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Actor } from '../../platform/http/auth/auth-context.js';
import { Clock } from '../../platform/clock/clock.js';
import { Db } from '../../platform/database/db.js';
import { ApiError, invalidParam, notFound } from '../../platform/errors/errors.js';
import { INVOICE_ERRORS } from '../../errors/invoices.js';
import { newId } from '../../platform/ids/ids.js';
import { mapPage } from '../../platform/pagination/pagination.js';
import { AuditService } from '../audit/audit.service.js';
import { ContactsService } from '../contacts/contacts.service.js';
import { EventsService } from '../../platform/events/events.service.js';
import { PaymentRequestsService } from '../payment-requests/payment-requests.service.js';
import {
  toRecurringPeriodDto,
  toRecurringScheduleDto,
  type CreateRecurringScheduleDto,
  type ListRecurringSchedulesQuery,
  type RecurringScheduleDetailDto,
  type RecurringScheduleDto,
} from './dto/recurring-schedule.dto.js';
import { firstPeriodFrom, isPastEnd } from './periods.js';
import { RecurringOccurrence } from './recurring-occurrence.entity.js';
import { RecurringSchedule } from './recurring-schedule.entity.js';
import { RecurringSchedulesRepository } from './recurring-schedules.repository.js';
import { recurringScheduleLifecycle, type RecurringScheduleEvent } from './recurring-schedule.state-machine.js';

const PAST: Record<RecurringScheduleEvent, string> = {
  pause: 'paused',
  resume: 'resumed',
  cancel: 'cancelled',
  complete: 'completed',
};

/** Recurring schedules: create, read, pause, resume, cancel, and the series approval. Periods are made by RecurringGenerator. */
@Injectable()
export class RecurringSchedulesService implements OnModuleInit {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly contacts: ContactsService,
    private readonly requests: PaymentRequestsService,
    private readonly events: EventsService,
    private readonly audit: AuditService,
    private readonly schedules: RecurringSchedulesRepository,
  ) {}

  /** Hears, inside the approving transaction, that the contact approved a request with `series: true`. */
  onModuleInit(): void {
    this.events.subscribe(async (event) => {
      if (event.type === 'recurring_schedule.series_approved')
        await this.approveSeries(event.merchantId, event.subjectId, event.data.paymentRequestId);
    });
  }

  /** A new active schedule; its first period is made by the worker on the start date. */
  async create(merchantId: string, dto: CreateRecurringScheduleDto, actor: Actor): Promise<RecurringScheduleDto> {
    return this.db.transaction(async () => {
      const contact = await this.contacts.find(merchantId, dto.contactId).catch(() => {
        throw invalidParam('contactId', `No contact '${dto.contactId}'.`);
      });
      const currency = dto.currency ?? contact.currency ?? 'USD';
      if (dto.kind === 'invoice' && contact.status === 'authorized' && currency !== contact.currency) {
        throw new ApiError(
          INVOICE_ERRORS.currency_mismatch,
          `This contact's terms are in ${contact.currency}.`,
          'currency',
        );
      }
      if (dto.startDate < this.clock.today())
        throw invalidParam('startDate', `startDate cannot be in the past (today is ${this.clock.today()}).`);
      if (dto.endDate !== undefined && dto.occurrences !== undefined)
        throw invalidParam('occurrences', 'Give endDate or occurrences, not both.');
      if (dto.endDate !== undefined && dto.endDate < dto.startDate)
        throw invalidParam('endDate', 'endDate cannot be before startDate.');
      if (dto.invoiceNumberPrefix !== undefined && dto.kind !== 'invoice')
        throw invalidParam('invoiceNumberPrefix', 'invoiceNumberPrefix is for schedules of kind invoice.');
      const now = this.clock.now();
      const schedule: RecurringSchedule = {
        merchantId,
        id: newId('rs'),
        contactId: contact.id,
        kind: dto.kind,
        amount: dto.amount,
        currency,
        intervalUnit: dto.interval,
        intervalCount: dto.intervalCount ?? 1,
        startDate: dto.startDate,
        endDate: dto.endDate ?? null,
        occurrences: dto.occurrences ?? null,
        status: 'active',
        description: dto.description ?? null,
        invoiceNumberPrefix: dto.invoiceNumberPrefix ?? null,
        metadata: dto.metadata ?? {},
        seriesApproved: false,
        seriesApprovedAt: null,
        nextPeriodIndex: 0,
        nextRunDate: dto.startDate,
        createdAt: now,
        updatedAt: now,
      };
      await this.db.repo(RecurringSchedule).insert(schedule);
      await this.events.append(merchantId, 'recurring_schedule.created', schedule.id, {
        recurringSchedule: toRecurringScheduleDto(schedule),
      });
      await this.audit.record({
        merchantId,
        actor,
        action: 'recurring_schedule.created',
        subjectId: schedule.id,
        after: { ...toRecurringScheduleDto(schedule) },
      });
      return toRecurringScheduleDto(schedule);
    });
  }

  async list(merchantId: string, query: ListRecurringSchedulesQuery) {
    return mapPage(await this.schedules.list(merchantId, query), toRecurringScheduleDto);
  }

  async get(merchantId: string, id: string): Promise<RecurringScheduleDetailDto> {
    const schedule = await this.find(merchantId, id);
    const periods = await this.db
      .repo(RecurringOccurrence)
      .find({ where: { merchantId, scheduleId: id }, order: { periodIndex: 'DESC' }, take: 100 });
    return { ...toRecurringScheduleDto(schedule), periods: periods.map(toRecurringPeriodDto) };
  }

  pause(merchantId: string, id: string, actor: Actor): Promise<RecurringScheduleDto> {
    return this.change(merchantId, id, (s) => this.transition(s, 'pause', actor));
  }

  /** Resumes at the first period on or after today: periods that fell while paused are skipped, not made up. */
  resume(merchantId: string, id: string, actor: Actor): Promise<RecurringScheduleDto> {
    return this.change(merchantId, id, async (s) => {
      const next = firstPeriodFrom(s.startDate, s.intervalUnit, s.intervalCount, s.nextPeriodIndex, this.clock.today());
      Object.assign(s, { nextPeriodIndex: next.index, nextRunDate: next.date });
      await this.transition(s, 'resume', actor);
      if (isPastEnd(s, next.index, next.date)) await this.transition(s, 'complete', actor);
    });
  }

  /** Stops the series; what it already generated stays as it is. */
  cancel(merchantId: string, id: string, actor: Actor): Promise<RecurringScheduleDto> {
    return this.change(merchantId, id, (s) => this.transition(s, 'cancel', actor));
  }

  private change(
    merchantId: string,
    id: string,
    work: (s: RecurringSchedule) => Promise<void>,
  ): Promise<RecurringScheduleDto> {
    return this.db.transaction(async () => {
      const schedule = await this.find(merchantId, id, true);
      await work(schedule);
      return toRecurringScheduleDto(schedule);
    });
  }

  /** The one place a schedule's status changes: state machine, row, event, audit. */
  async transition(schedule: RecurringSchedule, event: RecurringScheduleEvent, actor: Actor): Promise<void> {
    const before = schedule.status;
    schedule.status = recurringScheduleLifecycle.next(before, event);
    if (schedule.status === 'cancelled' || schedule.status === 'completed') schedule.nextRunDate = null;
    await this.save(schedule);
    await this.events.append(schedule.merchantId, `recurring_schedule.${PAST[event]}`, schedule.id, {
      recurringSchedule: toRecurringScheduleDto(schedule),
    });
    await this.audit.record({
      merchantId: schedule.merchantId,
      actor,
      action: `recurring_schedule.${PAST[event]}`,
      subjectId: schedule.id,
      before: { status: before },
      after: { status: schedule.status, nextRunDate: schedule.nextRunDate },
    });
  }

  /** Writes the schedule's mutable fields (the caller holds its row lock). */
  async save(schedule: RecurringSchedule): Promise<void> {
    schedule.updatedAt = this.clock.now();
    const { status, nextPeriodIndex, nextRunDate, seriesApproved, seriesApprovedAt, updatedAt } = schedule;
    await this.db
      .repo(RecurringSchedule)
      .update(
        { merchantId: schedule.merchantId, id: schedule.id },
        { status, nextPeriodIndex, nextRunDate, seriesApproved, seriesApprovedAt, updatedAt },
      );
  }

  /** The contact approved a request of the series with `series: true`: its later requests are created approved. */
  private async approveSeries(merchantId: string, scheduleId: string, paymentRequestId: string): Promise<void> {
    const request = await this.requests.find(merchantId, paymentRequestId);
    const schedule = await this.db.repo(RecurringSchedule).findOne({
      where: { merchantId, id: scheduleId, contactId: request.contactId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!schedule || schedule.seriesApproved || (schedule.status !== 'active' && schedule.status !== 'paused')) return;
    Object.assign(schedule, { seriesApproved: true, seriesApprovedAt: this.clock.now() });
    await this.save(schedule);
    const actor: Actor = { type: 'customer', id: request.contactId, credentialId: null };
    await this.audit.record({
      merchantId,
      actor,
      action: 'recurring_schedule.series_approved',
      subjectId: schedule.id,
      after: { paymentRequestId },
    });
  }

  async find(merchantId: string, id: string, lock = false): Promise<RecurringSchedule> {
    const schedule = await this.db
      .repo(RecurringSchedule)
      .findOne({ where: { merchantId, id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!schedule) throw notFound('recurring schedule', id);
    return schedule;
  }
}
