import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { actorOf, SYSTEM_ACTOR, type Actor, type CustomerAuth } from '../../platform/http/auth/auth-context.js';
import { Clock } from '../../platform/clock/clock.js';
import { Db } from '../../platform/database/db.js';
import { ApiError, invalidParam, notFound } from '../../platform/errors/errors.js';
import { ACCOUNT_ERRORS } from '../../errors/accounts.js';
import { INVOICE_ERRORS } from '../../errors/invoices.js';
import { PAYMENT_ERRORS } from '../../errors/payments.js';
import { newId } from '../../platform/ids/ids.js';
import { mapPage } from '../../platform/pagination/pagination.js';
import { AuditService } from '../audit/audit.service.js';
import { ContactsService } from '../contacts/contacts.service.js';
import { EventsService } from '../../platform/events/events.service.js';
import type { MerchantSettings } from '../merchants/merchant-settings.js';
import { MerchantsService } from '../merchants/merchants.service.js';
import {
  toPaymentRequestDto,
  type CreatePaymentRequestDto,
  type ListPaymentRequestsQuery,
  type PaymentRequestDto,
} from './dto/payment-request.dto.js';
import type { InvoiceToRequest } from './invoice-to-request.js';
import { PaymentRequest } from './payment-request.entity.js';
import { paymentRequestLifecycle, type PaymentRequestEvent } from './payment-request.state-machine.js';
import type { UserRole } from '../users/user.entity.js';
import { merchantMinimumPercent } from './minimum-payment.js';
import { PaymentRequestsRepository } from './payment-requests.repository.js';

const OPEN = ['pending_approval', 'approved', 'partially_paid'] as const;

/**
 * How long a standalone request waits for approval: 30 days from when it was made, or from its
 * due date when it has a later one; then it is `expired`. A request made for an invoice lives
 * with its invoice (cancelled when the invoice is paid otherwise or voided), so the invoice
 * stays collectible.
 */
export const APPROVAL_DAYS = 30;

/** The instant before which a standalone request made at `createdAt`, due `dueDate`, could be approved. */
export function approvalDeadline(request: Pick<PaymentRequest, 'createdAt' | 'dueDate' | 'invoiceId'>): Date | null {
  if (request.invoiceId) return null;
  const endOfDueDate = request.dueDate ? Date.parse(`${request.dueDate}T00:00:00Z`) + 86400_000 : 0;
  return new Date(Math.max(request.createdAt.getTime(), endOfDueDate) + APPROVAL_DAYS * 86400_000);
}

/** Members work under the admin's policy: a request's own minimum may be stricter than the merchant's, never looser. */
function assertNotLooser(percent: number, settings: MerchantSettings): void {
  const floor = merchantMinimumPercent(settings.partialPayments);
  if (percent < floor)
    throw new ApiError(
      ACCOUNT_ERRORS.admin_required,
      `Only a merchant admin can set a minimum below the merchant's ${floor} %.`,
      'minimumPercent',
    );
}

@Injectable()
export class PaymentRequestsService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly contacts: ContactsService,
    private readonly merchants: MerchantsService,
    private readonly events: EventsService,
    private readonly audit: AuditService,
    private readonly rows: PaymentRequestsRepository,
  ) {}

  /** A merchant asks a contact to approve and pay an amount, alone or for one of its invoices. */
  async create(
    merchantId: string,
    dto: CreatePaymentRequestDto,
    actor: Actor,
    role: UserRole,
  ): Promise<PaymentRequestDto> {
    const merchant = await this.merchants.get(merchantId);
    if (dto.minimumPercent !== undefined && role !== 'admin') assertNotLooser(dto.minimumPercent, merchant.settings);
    return this.db.transaction(async (em) => {
      const contact = await this.contacts.find(merchantId, dto.contactId).catch(() => {
        throw invalidParam('contactId', `No contact '${dto.contactId}'.`);
      });
      let currency = dto.currency ?? 'USD';
      if (dto.invoiceId) {
        const [invoice] = await em.query(
          'SELECT contact_id, currency, balance, status FROM invoices WHERE merchant_id = $1 AND id = $2 FOR UPDATE',
          [merchantId, dto.invoiceId],
        );
        if (!invoice || invoice.contact_id !== contact.id)
          throw invalidParam('invoiceId', `No invoice '${dto.invoiceId}' for this contact.`);
        if (!['open', 'partially_paid'].includes(invoice.status))
          throw new ApiError(
            PAYMENT_ERRORS.invoice_not_payable,
            `A ${invoice.status} invoice takes no payment request.`,
            'invoiceId',
          );
        if (dto.currency && dto.currency !== invoice.currency)
          throw new ApiError(INVOICE_ERRORS.currency_mismatch, `The invoice is in ${invoice.currency}.`, 'currency');
        if (dto.amount > Number(invoice.balance))
          throw new ApiError(
            PAYMENT_ERRORS.exceeds_remaining_balance,
            `amount cannot exceed the invoice's balance (${invoice.balance}).`,
            'amount',
          );
        currency = invoice.currency;
      }
      return toPaymentRequestDto(
        await this.insert(
          {
            merchantId,
            contactId: contact.id,
            invoiceId: dto.invoiceId ?? null,
            amount: dto.amount,
            currency,
            dueDate: dto.dueDate ?? null,
            memo: dto.memo ?? null,
            minimumPercent: dto.minimumPercent ?? null,
            scheduleId: null,
            metadata: dto.metadata ?? {},
          },
          merchant.settings,
          actor,
        ),
      );
    });
  }

  /** The request that goes with an invoice for a contact who is not authorized. */
  createForInvoice(
    invoice: InvoiceToRequest,
    settings: MerchantSettings,
    actor: Actor,
    scheduleId: string | null = null,
  ): Promise<PaymentRequest> {
    return this.insert(
      {
        merchantId: invoice.merchantId,
        contactId: invoice.contactId,
        invoiceId: invoice.id,
        amount: invoice.balance,
        currency: invoice.currency,
        dueDate: invoice.dueDate,
        memo: `Invoice ${invoice.number}`,
        minimumPercent: null,
        scheduleId,
      },
      settings,
      actor,
    );
  }

  /** Writes a request with the merchant's minimums snapshotted, so later setting changes don't move them. */
  async insert(
    fields: Pick<
      PaymentRequest,
      | 'merchantId'
      | 'contactId'
      | 'invoiceId'
      | 'amount'
      | 'currency'
      | 'dueDate'
      | 'memo'
      | 'minimumPercent'
      | 'scheduleId'
      | 'metadata'
    >,
    settings: MerchantSettings,
    actor: Actor,
    status: 'pending_approval' | 'approved' = 'pending_approval',
  ): Promise<PaymentRequest> {
    const now = this.clock.now();
    const request: PaymentRequest = {
      ...fields,
      id: newId('pr'),
      paidAmount: 0,
      status,
      defaultMinimumPercent: settings.partialPayments.defaultMinimumPercent,
      minimumByMethod: { ...settings.partialPayments.byMethod },
      approvedAt: status === 'approved' ? now : null,
      createdAt: now,
      updatedAt: now,
    };
    await this.db.repo(PaymentRequest).insert(request);
    await this.events.append(request.merchantId, 'payment_request.created', request.id, {
      paymentRequest: toPaymentRequestDto(request),
    });
    await this.audit.record({
      merchantId: request.merchantId,
      actor,
      action: 'payment_request.created',
      subjectId: request.id,
      after: { amount: request.amount, invoiceId: request.invoiceId, status },
    });
    return request;
  }

  async list(merchantId: string, query: ListPaymentRequestsQuery, contactId?: string) {
    return mapPage(await this.rows.list(merchantId, query, contactId ?? query.contactId), (r) => this.view(r));
  }

  async get(merchantId: string, id: string, contactId?: string): Promise<PaymentRequestDto> {
    return this.view(await this.find(merchantId, id, { contactId }));
  }

  async cancel(merchantId: string, id: string, actor: Actor): Promise<PaymentRequestDto> {
    return this.db.transaction(async () => {
      const request = await this.find(merchantId, id, { lock: true });
      await this.move(request, 'cancel', actor);
      return toPaymentRequestDto(request);
    });
  }

  /** The contact approves (optionally every occurrence of its recurring series). */
  async approve(auth: CustomerAuth, id: string, series: boolean): Promise<PaymentRequestDto> {
    return this.db.transaction(async () => {
      const request = await this.find(auth.merchantId, id, { lock: true, contactId: auth.contactId });
      this.assertNotExpired(request);
      request.approvedAt = this.clock.now();
      await this.move(request, 'approve', actorOf(auth));
      if (series && request.scheduleId)
        await this.events.append(auth.merchantId, 'recurring_schedule.series_approved', request.scheduleId, {
          paymentRequestId: id,
        });
      return toPaymentRequestDto(request);
    });
  }

  /** Ties the request made with a recurring invoice to its schedule; approved at once when the contact approved the series. */
  async joinSeries(
    merchantId: string,
    invoiceId: string,
    scheduleId: string,
    approved: boolean,
    actor: Actor,
  ): Promise<PaymentRequest | null> {
    const request = await this.db
      .repo(PaymentRequest)
      .findOne({ where: { merchantId, invoiceId, status: 'pending_approval' }, lock: { mode: 'pessimistic_write' } });
    if (!request) return null;
    request.scheduleId = scheduleId;
    await this.db.repo(PaymentRequest).update({ merchantId, id: request.id }, { scheduleId });
    if (approved) {
      request.approvedAt = this.clock.now();
      await this.move(request, 'approve', actor);
    }
    return request;
  }

  async decline(auth: CustomerAuth, id: string): Promise<PaymentRequestDto> {
    return this.db.transaction(async () => {
      const request = await this.find(auth.merchantId, id, { lock: true, contactId: auth.contactId });
      this.assertNotExpired(request);
      await this.move(request, 'decline', actorOf(auth));
      return toPaymentRequestDto(request);
    });
  }

  /** Worker job: standalone requests past their approval deadline become `expired` (a batch per pass). */
  async expireDue(): Promise<void> {
    await this.db.transaction(async () => {
      const now = this.clock.now();
      const cutoff = new Date(now.getTime() - APPROVAL_DAYS * 86400_000);
      const candidates = await this.db
        .repo(PaymentRequest)
        .createQueryBuilder('r')
        .where("r.status = 'pending_approval' AND r.invoiceId IS NULL AND r.createdAt <= :cutoff", { cutoff })
        // due on or before the day that ended 30 days ago (see approvalDeadline)
        .andWhere('(r.dueDate IS NULL OR r.dueDate < :lastDueDate)', { lastDueDate: cutoff.toISOString().slice(0, 10) })
        .orderBy('r.createdAt')
        .limit(100)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      for (const request of candidates)
        if (approvalDeadline(request)! <= now) await this.move(request, 'expire', SYSTEM_ACTOR);
    });
  }

  /** A request as read: past its approval deadline it reads `expired` even before the worker's pass records it. */
  private view(request: PaymentRequest): PaymentRequestDto {
    const dto = toPaymentRequestDto(request);
    return this.pastDeadline(request) ? { ...dto, status: 'expired' } : dto;
  }

  private pastDeadline(request: PaymentRequest): boolean {
    const deadline = approvalDeadline(request);
    return request.status === 'pending_approval' && deadline !== null && deadline <= this.clock.now();
  }

  /** Between the deadline and the worker's next pass, the request already counts as expired (approve, decline, pay). */
  assertNotExpired(request: PaymentRequest): void {
    if (this.pastDeadline(request)) {
      throw new ApiError(
        PAYMENT_ERRORS.payment_request_not_open,
        'This payment request has expired; ask the merchant for a new one.',
      );
    }
  }

  /** Open requests of an invoice that was paid otherwise or voided are cancelled. */
  async cancelForInvoice(invoice: InvoiceToRequest, actor: Actor): Promise<void> {
    const open = await this.db.repo(PaymentRequest).find({
      where: { merchantId: invoice.merchantId, invoiceId: invoice.id, status: In([...OPEN]) },
      lock: { mode: 'pessimistic_write' },
    });
    for (const request of open) await this.move(request, 'cancel', actor);
  }

  /**
   * A request made for an invoice never asks for more than the invoice still owes: after a credit
   * note, a payment or an edit lowers the balance, each open request (pending, approved or partly
   * paid) is lowered so that what it has left is at most the balance, never below what is already
   * paid on it. Nothing here raises a request. The rows are locked (the caller holds the invoice's),
   * so an approval or payment at the same moment waits and is not overwritten.
   */
  async capToInvoice(invoice: InvoiceToRequest, actor: Actor): Promise<void> {
    if (invoice.balance <= 0) return; // paid or credited in full: its requests are cancelled, not lowered
    const open = await this.db.repo(PaymentRequest).find({
      where: { merchantId: invoice.merchantId, invoiceId: invoice.id, status: In([...OPEN]) },
      lock: { mode: 'pessimistic_write' },
    });
    for (const r of open) {
      const amount = r.paidAmount + invoice.balance;
      if (r.amount <= amount) continue;
      await this.db
        .repo(PaymentRequest)
        .update({ merchantId: r.merchantId, id: r.id }, { amount, updatedAt: this.clock.now() });
      await this.audit.record({
        merchantId: r.merchantId,
        actor,
        action: 'payment_request.amount_lowered_to_invoice',
        subjectId: r.id,
        before: { amount: r.amount },
        after: { amount },
      });
    }
  }

  /** A succeeded payment on a locked request (`later`: its row is written just before COMMIT, see saveMove). */
  async applyPayment(request: PaymentRequest, amount: number, actor: Actor, later = false): Promise<void> {
    request.paidAmount += amount;
    await this.move(request, request.paidAmount === request.amount ? 'pay_in_full' : 'pay_in_part', actor, later);
  }

  async find(
    merchantId: string,
    id: string,
    opts: { lock?: boolean; contactId?: string } = {},
  ): Promise<PaymentRequest> {
    const request = await this.db.repo(PaymentRequest).findOne({
      where: { merchantId, id, ...(opts.contactId ? { contactId: opts.contactId } : {}) },
      ...(opts.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!request) throw notFound('payment request', id);
    return request;
  }

  /** The one place a request's status changes: state machine, row (`later`: see saveMove), event, audit. */
  private async move(request: PaymentRequest, event: PaymentRequestEvent, actor: Actor, later = false): Promise<void> {
    const before = request.status;
    request.status = paymentRequestLifecycle.next(before, event);
    request.updatedAt = this.clock.now();
    const { merchantId, id, status, paidAmount } = request;
    await this.rows.saveMove(request, later);
    const type = {
      approve: 'approved',
      decline: 'declined',
      pay_in_full: 'paid',
      cancel: 'cancelled',
      expire: 'expired',
      pay_in_part: null,
    }[event];
    if (type)
      await this.events.append(merchantId, `payment_request.${type}`, id, {
        paymentRequest: toPaymentRequestDto(request),
      });
    if (before !== status)
      await this.audit.record({
        merchantId,
        actor,
        action: `payment_request.${event}`,
        subjectId: id,
        before: { status: before },
        after: { status, paidAmount },
      });
  }
}
