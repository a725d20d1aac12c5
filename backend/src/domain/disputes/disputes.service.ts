import { Injectable } from '@nestjs/common';
import { actorOf, type Actor, type CustomerAuth } from '../../platform/http/auth/auth-context.js';
import { Clock } from '../../platform/clock/clock.js';
import { uniquely } from '../../platform/errors/database-errors.js';
import { Db } from '../../platform/database/db.js';
import { ApiError, invalidParam, notFound } from '../../platform/errors/errors.js';
import { INVOICE_ERRORS } from '../../errors/invoices.js';
import { PLATFORM_ERRORS } from '../../platform/errors/codes.js';
import { newId } from '../../platform/ids/ids.js';
import { mapPage, paginate } from '../../platform/pagination/pagination.js';
import { AuditService } from '../audit/audit.service.js';
import { EventsService } from '../../platform/events/events.service.js';
import { InvoicesService } from '../invoices/invoices.service.js';
import { PaymentRequestsService } from '../payment-requests/payment-requests.service.js';
import type { InvoiceEvent } from '../invoices/invoice.state-machine.js';
import { Dispute } from './dispute.entity.js';
import {
  toDisputeDto,
  type CreateDisputeDto,
  type DisputeDto,
  type ListDisputesQuery,
  type ResolveDisputeDto,
} from './dto/dispute.dto.js';

const RESOLVE_TO: Record<string, InvoiceEvent> = {
  open: 'resolved_to_open',
  partially_paid: 'resolved_to_partially_paid',
  paid: 'resolved_to_paid',
};

@Injectable()
export class DisputesService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly invoices: InvoicesService,
    private readonly requests: PaymentRequestsService,
    private readonly events: EventsService,
    private readonly audit: AuditService,
  ) {}

  /** The contact disputes an invoice: the dispute, the invoice → disputed, events and audit, in one transaction. */
  async open(auth: CustomerAuth, invoiceId: string, dto: CreateDisputeDto): Promise<DisputeDto> {
    return this.db.transaction(async () => {
      const invoice = await this.invoices.find(auth.merchantId, invoiceId, { lock: true, contactId: auth.contactId });
      if (invoice.status === 'disputed') throw new ApiError(INVOICE_ERRORS.dispute_already_open);
      if (invoice.status !== 'open' && invoice.status !== 'partially_paid')
        throw new ApiError(INVOICE_ERRORS.invoice_not_disputable, `A ${invoice.status} invoice cannot be disputed.`);
      if (dto.amount > invoice.balance)
        throw invalidParam('amount', `The dispute amount cannot exceed the invoice balance (${invoice.balance}).`);
      await this.invoices.assertNoPaymentInProgress(invoice);
      const actor = actorOf(auth);
      const dispute: Dispute = {
        merchantId: auth.merchantId,
        id: newId('dsp'),
        invoiceId,
        contactId: auth.contactId,
        amount: dto.amount,
        currency: invoice.currency,
        explanation: dto.explanation,
        status: 'open',
        outcome: null,
        note: null,
        invoiceStatusBefore: invoice.status,
        resolvedAt: null,
        createdAt: this.clock.now(),
      };
      await uniquely(
        () => this.db.repo(Dispute).insert(dispute),
        () => new ApiError(INVOICE_ERRORS.dispute_already_open),
      );
      invoice.statusBeforeDispute = invoice.status;
      await this.invoices.move(invoice, 'disputed', actor, 'invoice.disputed');
      await this.events.append(auth.merchantId, 'dispute.created', dispute.id, {
        dispute: toDisputeDto(dispute),
        invoiceNumber: invoice.number,
        balance: invoice.balance,
      });
      await this.audit.record({
        merchantId: auth.merchantId,
        actor,
        action: 'dispute.opened',
        subjectId: dispute.id,
        after: { invoiceId, amount: dto.amount },
      });
      return toDisputeDto(dispute);
    });
  }

  /** `credit`: the disputed amount comes off the balance (paid at 0); `reject`: the invoice returns to its status before. */
  async resolve(merchantId: string, id: string, dto: ResolveDisputeDto, actor: Actor): Promise<DisputeDto> {
    return this.db.transaction(async () => {
      const peek = await this.find(merchantId, id);
      const invoice = await this.invoices.find(merchantId, peek.invoiceId, { lock: true });
      const dispute = await this.db
        .repo(Dispute)
        .findOneOrFail({ where: { merchantId, id }, lock: { mode: 'pessimistic_write' } });
      if (dispute.status !== 'open') throw new ApiError(INVOICE_ERRORS.dispute_not_open);
      let back = dispute.invoiceStatusBefore;
      if (dto.outcome === 'credit') {
        const amount = Math.min(dispute.amount, invoice.balance);
        if (amount > 0)
          await this.invoices.applyCredit(invoice, amount, `Dispute ${dispute.id}: ${dto.note ?? 'credited'}`, actor);
      }
      // Whatever the outcome: a balance brought to 0 while disputed (a credit note meanwhile) is paid.
      if (invoice.balance === 0) back = 'paid';
      const event = RESOLVE_TO[back];
      if (!event) throw new ApiError(PLATFORM_ERRORS.invalid_state, `Cannot return the invoice to ${back}.`);
      if (back === 'paid') invoice.paidAt = this.clock.now();
      await this.invoices.move(invoice, event, actor, back === 'paid' ? 'invoice.paid' : null);
      if (back === 'paid') await this.requests.cancelForInvoice(invoice, actor);
      Object.assign(dispute, {
        status: 'resolved',
        outcome: dto.outcome,
        note: dto.note ?? null,
        resolvedAt: this.clock.now(),
      });
      await this.db
        .repo(Dispute)
        .update(
          { merchantId, id },
          { status: 'resolved', outcome: dto.outcome, note: dispute.note, resolvedAt: dispute.resolvedAt },
        );
      await this.events.append(merchantId, 'dispute.resolved', id, {
        dispute: toDisputeDto(dispute),
        invoiceNumber: invoice.number,
      });
      await this.audit.record({
        merchantId,
        actor,
        action: `dispute.resolved_${dto.outcome}`,
        subjectId: id,
        before: { status: 'open', invoiceStatus: 'disputed' },
        after: { status: 'resolved', invoiceStatus: invoice.status, balance: invoice.balance },
      });
      return toDisputeDto(dispute);
    });
  }

  async list(merchantId: string, query: ListDisputesQuery, contactId?: string) {
    const qb = this.db.repo(Dispute).createQueryBuilder('d').where('d.merchantId = :merchantId', { merchantId });
    const contact = contactId ?? query.contactId;
    if (contact) qb.andWhere('d.contactId = :contact', { contact });
    if (query.status) qb.andWhere('d.status = :status', { status: query.status });
    if (query.invoiceId) qb.andWhere('d.invoiceId = :invoiceId', { invoiceId: query.invoiceId });
    return mapPage(await paginate(qb, query), toDisputeDto);
  }

  async get(merchantId: string, id: string): Promise<DisputeDto> {
    return toDisputeDto(await this.find(merchantId, id));
  }

  private async find(merchantId: string, id: string): Promise<Dispute> {
    const dispute = await this.db.repo(Dispute).findOne({ where: { merchantId, id } });
    if (!dispute) throw notFound('dispute', id);
    return dispute;
  }
}
