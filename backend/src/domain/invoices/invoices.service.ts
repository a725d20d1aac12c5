import { mergeMetadata } from '../../platform/validation/metadata.js';
import { Injectable } from '@nestjs/common';
import type { Actor } from '../../platform/http/auth/auth-context.js';
import { Clock } from '../../platform/clock/clock.js';
import { uniquely } from '../../platform/errors/database-errors.js';
import { addDays } from '../../platform/clock/dates.js';
import { Db } from '../../platform/database/db.js';
import { ApiError, invalidParam, notFound } from '../../platform/errors/errors.js';
import { INVOICE_ERRORS } from '../../errors/invoices.js';
import { PAYMENT_ERRORS } from '../../errors/payments.js';
import { PLATFORM_ERRORS } from '../../platform/errors/codes.js';
import { newId } from '../../platform/ids/ids.js';
import { mapPage } from '../../platform/pagination/pagination.js';
import { AuditService } from '../audit/audit.service.js';
import { ContactsService } from '../contacts/contacts.service.js';
import type { Contact } from '../contacts/contact.entity.js';
import { EventsService } from '../../platform/events/events.service.js';
import { MerchantsService } from '../merchants/merchants.service.js';
import { PaymentRequestsService } from '../payment-requests/payment-requests.service.js';
import {
  toInvoiceDto,
  type CreateInvoiceDto,
  type CreditNoteDto,
  type InvoiceDto,
  type ListInvoicesQuery,
  type UpdateInvoiceDto,
} from './dto/invoice.dto.js';
import { Invoice, type InvoiceStatus } from './invoice.entity.js';
import { InvoiceCredit } from './invoice-credit.entity.js';
import { InvoicesRepository } from './invoices.repository.js';
import { invoiceLifecycle, type InvoiceEvent } from './invoice.state-machine.js';

/** Statuses whose balance counts against an authorized contact's credit limit. */
const OPEN_STATUSES: InvoiceStatus[] = ['open', 'partially_paid', 'disputed'];

@Injectable()
export class InvoicesService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly contacts: ContactsService,
    private readonly merchants: MerchantsService,
    private readonly paymentRequests: PaymentRequestsService,
    private readonly events: EventsService,
    private readonly audit: AuditService,
    private readonly invoices: InvoicesRepository,
  ) {}

  /**
   * Keys in an invoice. Authorized contacts: same currency as the contract and within the credit
   * limit (their invoices are charged automatically when due). Anyone else: a payment request to approve.
   */
  async create(merchantId: string, dto: CreateInvoiceDto, actor: Actor): Promise<InvoiceDto> {
    const amount = this.amountOf(dto);
    const merchant = await this.merchants.get(merchantId);
    return this.db.transaction(async () => {
      const contact = await this.contacts.find(merchantId, dto.contactId, true).catch(() => {
        throw invalidParam('contactId', `No contact '${dto.contactId}'.`);
      });
      const currency = dto.currency ?? contact.currency ?? 'USD';
      if (contact.status === 'authorized') {
        if (currency !== contact.currency)
          throw new ApiError(
            INVOICE_ERRORS.currency_mismatch,
            `This contact's terms are in ${contact.currency}.`,
            'currency',
          );
        await this.assertWithinCreditLimit(contact, amount);
      }
      const issuedAt = dto.issuedAt ?? this.clock.today();
      const dueDate = dto.dueDate ?? addDays(issuedAt, contact.netDays ?? merchant.settings.defaultTerms.netDays);
      if (dueDate < issuedAt) throw invalidParam('dueDate', 'dueDate cannot be before issuedAt.');
      const now = this.clock.now();
      const invoice: Invoice = {
        merchantId,
        id: newId('inv'),
        contactId: contact.id,
        number: dto.number,
        currency,
        amount,
        balance: amount,
        paidAmount: 0,
        refundedAmount: 0,
        creditedAmount: 0,
        status: 'open',
        statusBeforeDispute: null,
        issuedAt,
        dueDate,
        description: dto.description ?? null,
        lineItems: dto.lineItems ?? [],
        metadata: dto.metadata ?? {},
        autopayAttempts: 0,
        nextAutopayAt: contact.status === 'authorized' ? new Date(`${dueDate}T00:00:00Z`) : null,
        autopayStatus: null,
        paidAt: null,
        voidedAt: null,
        createdAt: now,
        updatedAt: now,
      };
      await uniquely(
        () => this.db.repo(Invoice).insert(invoice),
        () =>
          new ApiError(
            INVOICE_ERRORS.duplicate_invoice_number,
            `Invoice number '${dto.number}' is already used.`,
            'number',
          ),
      );
      await this.events.append(merchantId, 'invoice.created', invoice.id, {
        invoice: toInvoiceDto(invoice, this.clock.today()),
      });
      await this.audit.record({
        merchantId,
        actor,
        action: 'invoice.created',
        subjectId: invoice.id,
        after: { number: invoice.number, amount, currency, status: 'open' },
      });
      if (contact.status !== 'authorized')
        await this.paymentRequests.createForInvoice(invoice, merchant.settings, actor);
      return toInvoiceDto(invoice, this.clock.today());
    });
  }

  /** An authorized contact's open balance (open, partially paid, disputed) plus `added` may reach its limit, not pass it. */
  private async assertWithinCreditLimit(contact: Contact, added: number, exceptInvoiceId = ''): Promise<void> {
    const [{ open }] = await this.db.manager.query(
      `SELECT coalesce(sum(balance), 0)::bigint AS open FROM invoices WHERE merchant_id = $1 AND contact_id = $2 AND status = ANY($3) AND id <> $4`,
      [contact.merchantId, contact.id, OPEN_STATUSES, exceptInvoiceId],
    );
    if (Number(open) + added > contact.creditLimit!) {
      throw new ApiError(
        INVOICE_ERRORS.credit_limit_exceeded,
        `This would take the contact's open balance over its credit limit of ${contact.creditLimit} (minor units).`,
        'amount',
      );
    }
  }

  private amountOf(dto: CreateInvoiceDto): number {
    if (!dto.lineItems?.length) {
      if (dto.amount === undefined)
        throw invalidParam('amount', 'amount is required without line items.', PLATFORM_ERRORS.parameter_missing);
      return dto.amount;
    }
    const total = dto.lineItems.reduce((sum, li) => sum + BigInt(li.quantity) * BigInt(li.unitAmount), 0n);
    if (total <= 0n || total > BigInt(Number.MAX_SAFE_INTEGER))
      throw invalidParam('lineItems', 'The line items must add up to a positive amount.');
    if (dto.amount !== undefined && BigInt(dto.amount) !== total)
      throw invalidParam('amount', `amount must equal the line items' total (${total}).`);
    return Number(total);
  }

  async list(merchantId: string, query: ListInvoicesQuery) {
    const today = this.clock.today();
    return mapPage(await this.invoices.list(merchantId, query, today), (i) => toInvoiceDto(i, today));
  }

  async get(merchantId: string, id: string, contactId?: string): Promise<InvoiceDto> {
    return toInvoiceDto(await this.find(merchantId, id, { contactId }), this.clock.today());
  }

  /** Edits amount, due date and description while nothing has been paid; metadata at any time (merged, RFC 7396). */
  async update(merchantId: string, id: string, dto: UpdateInvoiceDto, actor: Actor): Promise<InvoiceDto> {
    return this.db.transaction(async () => {
      const invoice = await this.find(merchantId, id, { lock: true });
      const editsTerms = dto.amount !== undefined || dto.dueDate !== undefined || dto.description !== undefined;
      if (editsTerms && (invoice.status !== 'open' || invoice.paidAmount > 0))
        throw new ApiError(INVOICE_ERRORS.invoice_not_editable);
      await this.assertNoPaymentInProgress(invoice);
      const before = { amount: invoice.amount, dueDate: invoice.dueDate, description: invoice.description };
      const metadataBefore = invoice.metadata ?? {};
      invoice.metadata = mergeMetadata(metadataBefore, dto.metadata);
      if (dto.amount !== undefined) {
        if (dto.amount < invoice.creditedAmount)
          throw invalidParam('amount', 'amount cannot be below the credits already given.');
        if ((invoice.lineItems as unknown[]).length)
          throw invalidParam('amount', 'The amount of an invoice with line items is their total.');
        const contact = await this.contacts.find(merchantId, invoice.contactId, true);
        if (contact.status === 'authorized')
          await this.assertWithinCreditLimit(contact, dto.amount - invoice.creditedAmount, invoice.id);
        invoice.balance = dto.amount - invoice.creditedAmount;
        invoice.amount = dto.amount;
      }
      if (dto.dueDate !== undefined) {
        if (dto.dueDate < invoice.issuedAt) throw invalidParam('dueDate', 'dueDate cannot be before issuedAt.');
        invoice.dueDate = dto.dueDate;
        if (invoice.nextAutopayAt) invoice.nextAutopayAt = new Date(`${dto.dueDate}T00:00:00Z`);
      }
      if (dto.description !== undefined) invoice.description = dto.description;
      invoice.updatedAt = this.clock.now();
      if (invoice.balance === 0) await this.payInFullByCredit(invoice, actor);
      else {
        await this.save(invoice);
        await this.paymentRequests.capToInvoice(invoice, actor);
      }
      await this.audit.record({
        merchantId,
        actor,
        action: 'invoice.updated',
        subjectId: id,
        before: dto.metadata ? { ...before, metadata: metadataBefore } : before,
        after: {
          amount: invoice.amount,
          dueDate: invoice.dueDate,
          description: invoice.description,
          ...(dto.metadata ? { metadata: invoice.metadata } : {}),
        },
      });
      return toInvoiceDto(invoice, this.clock.today());
    });
  }

  /** Voids an open invoice with nothing paid (`409 invoice_not_voidable` otherwise); its requests are cancelled. */
  async void(merchantId: string, id: string, actor: Actor): Promise<InvoiceDto> {
    return this.db.transaction(async () => {
      const invoice = await this.find(merchantId, id, { lock: true });
      if (invoice.status !== 'open' || invoice.paidAmount > 0) throw new ApiError(INVOICE_ERRORS.invoice_not_voidable);
      await this.assertNoPaymentInProgress(invoice);
      invoice.voidedAt = this.clock.now();
      invoice.nextAutopayAt = null;
      await this.move(invoice, 'voided', actor, 'invoice.voided');
      await this.paymentRequests.cancelForInvoice(invoice, actor);
      return toInvoiceDto(invoice, this.clock.today());
    });
  }

  /** A credit note lowers the balance; reaching 0 pays the invoice. */
  async credit(merchantId: string, id: string, dto: CreditNoteDto, actor: Actor): Promise<InvoiceDto> {
    return this.db.transaction(async () => {
      const invoice = await this.find(merchantId, id, { lock: true });
      await this.applyCredit(invoice, dto.amount, dto.reason, actor);
      return toInvoiceDto(invoice, this.clock.today());
    });
  }

  /** In the caller's transaction, on a locked invoice (also used by dispute resolution). */
  async applyCredit(invoice: Invoice, amount: number, reason: string, actor: Actor): Promise<void> {
    if (!['open', 'partially_paid', 'disputed'].includes(invoice.status))
      throw new ApiError(INVOICE_ERRORS.invoice_not_creditable, `A ${invoice.status} invoice cannot be credited.`);
    if (amount > invoice.balance)
      throw invalidParam('amount', `amount cannot exceed the balance (${invoice.balance}).`);
    await this.assertNoPaymentInProgress(invoice);
    await this.db.repo(InvoiceCredit).insert({
      merchantId: invoice.merchantId,
      id: newId('cn'),
      invoiceId: invoice.id,
      amount,
      reason,
      createdAt: this.clock.now(),
    });
    invoice.creditedAmount += amount;
    invoice.balance -= amount;
    invoice.updatedAt = this.clock.now();
    if (invoice.balance === 0 && invoice.status !== 'disputed') await this.payInFullByCredit(invoice, actor);
    else {
      await this.save(invoice);
      await this.paymentRequests.capToInvoice(invoice, actor);
    }
    await this.audit.record({
      merchantId: invoice.merchantId,
      actor,
      action: 'invoice.credited',
      subjectId: invoice.id,
      after: { amount, reason, balance: invoice.balance },
    });
  }

  /** A balance brought to 0 by credits (a credit note, or an edit down to the credits given) pays the invoice. */
  private async payInFullByCredit(invoice: Invoice, actor: Actor): Promise<void> {
    invoice.paidAt = this.clock.now();
    invoice.nextAutopayAt = null;
    await this.move(invoice, 'credited_in_full', actor, 'invoice.paid');
    await this.paymentRequests.cancelForInvoice(invoice, actor);
  }

  /**
   * On a locked invoice: refuses a change of its amount or status while a payment of it is
   * `processing` (the card may be charged already; its record must still fit the invoice).
   */
  async assertNoPaymentInProgress(invoice: Invoice): Promise<void> {
    const rows: unknown[] = await this.db.manager.query(
      "SELECT 1 FROM payments WHERE status = 'processing' AND merchant_id = $1 AND invoice_id = $2 LIMIT 1",
      [invoice.merchantId, invoice.id],
    );
    if (rows.length)
      throw new ApiError(
        PAYMENT_ERRORS.payment_processing,
        'A payment of this invoice is being processed; try again in a minute.',
      );
  }

  /** A succeeded payment of `amount` on a locked, payable invoice. */
  async applyPayment(invoice: Invoice, amount: number, actor: Actor): Promise<void> {
    invoice.paidAmount += amount;
    invoice.balance -= amount;
    invoice.updatedAt = this.clock.now();
    if (invoice.balance === 0) {
      invoice.paidAt = this.clock.now();
      invoice.nextAutopayAt = null;
      await this.move(invoice, 'paid_in_full', actor, 'invoice.paid');
      await this.paymentRequests.cancelForInvoice(invoice, actor);
    } else {
      await this.move(invoice, 'paid_in_part', actor, null);
      await this.paymentRequests.capToInvoice(invoice, actor);
    }
  }

  /** A refund raises the balance again. */
  async applyRefund(invoice: Invoice, amount: number, actor: Actor): Promise<void> {
    invoice.refundedAmount += amount;
    invoice.balance += amount;
    invoice.paidAt = null;
    invoice.updatedAt = this.clock.now();
    const netPaid = invoice.paidAmount - invoice.refundedAmount;
    await this.move(
      invoice,
      netPaid > 0 || invoice.creditedAmount > 0 ? 'refunded_to_partially_paid' : 'refunded_to_open',
      actor,
      null,
    );
  }

  /** The invoice, or 404; `contactId` limits it to a customer's own. */
  async find(merchantId: string, id: string, opts: { lock?: boolean; contactId?: string } = {}): Promise<Invoice> {
    const invoice = await this.db.repo(Invoice).findOne({
      where: { merchantId, id, ...(opts.contactId ? { contactId: opts.contactId } : {}) },
      ...(opts.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!invoice) throw notFound('invoice', id);
    return invoice;
  }

  /** The one place an invoice's status changes: state machine, row, event, audit. */
  async move(invoice: Invoice, event: InvoiceEvent, actor: Actor, eventType: string | null): Promise<void> {
    const before = invoice.status;
    invoice.status = invoiceLifecycle.next(before, event);
    await this.save(invoice);
    if (eventType)
      await this.events.append(invoice.merchantId, eventType, invoice.id, {
        invoice: toInvoiceDto(invoice, this.clock.today()),
      });
    if (before !== invoice.status) {
      await this.audit.record({
        merchantId: invoice.merchantId,
        actor,
        action: `invoice.${event}`,
        subjectId: invoice.id,
        before: { status: before },
        after: { status: invoice.status, balance: invoice.balance },
      });
    }
  }

  private async save(invoice: Invoice): Promise<void> {
    const { merchantId, id, createdAt: _c, ...fields } = invoice;
    void _c;
    await this.db.repo(Invoice).update({ merchantId, id }, fields);
  }
}
