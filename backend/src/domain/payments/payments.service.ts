import { Inject, Injectable } from '@nestjs/common';
import { actorOf, type Actor, type CustomerAuth } from '../../platform/http/auth/auth-context.js';
import { Clock } from '../../platform/clock/clock.js';
import { CommitThenThrow, Db } from '../../platform/database/db.js';
import { ApiError, invalidParam, notFound } from '../../platform/errors/errors.js';
import { PAYMENT_ERRORS } from '../../errors/payments.js';
import { newId } from '../../platform/ids/ids.js';
import { mapPage, paginate } from '../../platform/pagination/pagination.js';
import { AuditService } from '../audit/audit.service.js';
import { EventsService } from '../../platform/events/events.service.js';
import type { Invoice } from '../invoices/invoice.entity.js';
import { InvoicesService } from '../invoices/invoices.service.js';
import type { PaymentMethod } from './payment-methods/payment-method.entity.js';
import { usableForPayment } from './payment-methods/payment-methods.service.js';
import { checkPayment, minimumPercent } from '../payment-requests/minimum-payment.js';
import { PaymentRequestsService } from '../payment-requests/payment-requests.service.js';
import { PAYMENT_PROCESSOR, type PaymentProcessor } from './processor/payment-processor.js';
import { derivedIdempotencyKey, IdempotencyService } from '../../platform/idempotency/idempotency.service.js';
import { toPaymentDto, type ListPaymentsQuery, type PaymentDto } from './dto/payment.dto.js';
import { Payment } from './payment.entity.js';
import { Refund } from './refund.entity.js';
import { ChargeAttempts, declined, paymentProcessing } from './charge-attempts.js';
import { PaymentsRepository } from './payments.repository.js';

/** The processor key to look an earlier attempt up by: none when it is the new payment's own id (no Idempotency-Key). */
const retryKey = (processorKey: string, paymentId: string) => (processorKey === paymentId ? null : processorKey);

/** What the first transaction of a payment leaves for the processor call: a new attempt, or the one a retry found. */
type Start = { attempt: Payment; token: string } | { existing: Payment };

/**
 * Moves money. A payment's first transaction holds the invoice (then request) row locks, checks
 * the rules with the amounts of other `processing` attempts held back (racing payments can never
 * overpay) and commits the attempt before the processor is called (see ChargeAttempts); a
 * declined charge is kept with its event and answered 402.
 */
@Injectable()
export class PaymentsService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly invoices: InvoicesService,
    private readonly requests: PaymentRequestsService,
    private readonly events: EventsService,
    private readonly audit: AuditService,
    private readonly attempts: ChargeAttempts,
    private readonly rows: PaymentsRepository,
    private readonly idempotency: IdempotencyService,
    @Inject(PAYMENT_PROCESSOR) private readonly processor: PaymentProcessor,
  ) {}

  /** The customer pays an invoice's whole balance (what other payments in progress leave of it). */
  async payInvoice(
    auth: CustomerAuth,
    invoiceId: string,
    paymentMethodId: string,
    amount: number | undefined,
  ): Promise<PaymentDto> {
    const id = newId('pay');
    const processorKey = derivedIdempotencyKey('charge', id);
    const start = await this.db.transaction(async (): Promise<Start> => {
      const rows = await this.rows.start(auth.merchantId, { invoiceId }, paymentMethodId, retryKey(processorKey, id));
      const invoice = rows.invoice?.contactId === auth.contactId ? rows.invoice : null;
      if (!invoice) throw notFound('invoice', invoiceId);
      if (rows.existing) return { existing: rows.existing };
      this.assertPayable(invoice);
      const due = invoice.balance - rows.held.invoice;
      if (due <= 0) throw paymentProcessing();
      if (amount !== undefined && amount !== due) {
        throw new ApiError(
          PAYMENT_ERRORS.partial_payment_not_allowed,
          `An invoice is paid whole (${due}); partial payments go through a payment request.`,
          'amount',
        );
      }
      const method = usableForPayment(rows.method, auth.contactId, paymentMethodId);
      const attempt = await this.attempts.open({
        id,
        processorKey,
        invoice,
        requestId: null,
        method,
        amount: due,
        currency: invoice.currency,
        source: 'customer',
      });
      return { attempt, token: method.processorToken };
    });
    return this.finish(start, actorOf(auth));
  }

  /** The customer pays an approved request: from its minimum up to what remains (less payments in progress). */
  async payRequest(
    auth: CustomerAuth,
    requestId: string,
    paymentMethodId: string,
    amount: number,
  ): Promise<PaymentDto> {
    const id = newId('pay');
    const processorKey = derivedIdempotencyKey('charge', id);
    const start = await this.db.transaction(async (): Promise<Start> => {
      const rows = await this.rows.start(auth.merchantId, { requestId }, paymentMethodId, retryKey(processorKey, id));
      const request = rows.request?.contactId === auth.contactId ? rows.request : null;
      if (!request) throw notFound('payment request', requestId);
      const { invoice } = rows;
      if (rows.existing) return { existing: rows.existing };
      this.requests.assertNotExpired(request);
      if (request.status === 'pending_approval') throw new ApiError(PAYMENT_ERRORS.approval_required);
      if (!['approved', 'partially_paid'].includes(request.status))
        throw new ApiError(
          PAYMENT_ERRORS.payment_request_not_open,
          `A ${request.status} payment request takes no payment.`,
        );
      if (invoice) this.assertPayable(invoice);
      const method = usableForPayment(rows.method, auth.contactId, paymentMethodId);
      const remaining = Math.min(
        request.amount - request.paidAmount - rows.held.request,
        invoice ? invoice.balance - rows.held.invoice : Infinity,
      );
      if (remaining <= 0) throw paymentProcessing();
      const check = checkPayment(amount, request.amount, remaining, minimumPercent(request, method.type));
      if (!check.ok) {
        const message =
          check.code === PAYMENT_ERRORS.exceeds_remaining_balance.code
            ? `The most you can pay is ${check.remaining}.`
            : `The least you can pay is ${check.minimum} (or the whole ${check.remaining}).`;
        throw new ApiError(PAYMENT_ERRORS[check.code], message, 'amount', {
          minimum: check.minimum,
          remaining: check.remaining,
        });
      }
      const attempt = await this.attempts.open({
        id,
        processorKey,
        invoice,
        requestId: request.id,
        method,
        amount,
        currency: request.currency,
        source: 'customer',
      });
      return { attempt, token: method.processorToken };
    });
    return this.finish(start, actorOf(auth));
  }

  /**
   * Charges the default method for an authorized contact's due invoice (the worker's automated
   * payment), inside the autopay transaction that holds the invoice's lock: the same attempt and
   * settlement as a customer's payment, in one transaction. A refusal comes back as CommitThenThrow.
   */
  async payInvoiceAutomatically(
    invoice: Invoice,
    method: PaymentMethod,
    actor: Actor,
    attempt: number,
  ): Promise<Payment> {
    // The same attempt, amount and card after a crash: the processor's first answer. Anything else is a new charge.
    const processorKey = `autopay_${invoice.id}_${attempt}_${invoice.balance}_${method.id}`;
    const recorded = await this.attempts.open({
      id: newId('pay'),
      processorKey,
      invoice,
      requestId: null,
      method,
      amount: invoice.balance,
      currency: invoice.currency,
      source: 'automatic',
    });
    const settled = await this.attempts.charge(recorded, method.processorToken, actor, invoice);
    if (settled.payment.status === 'failed') throw new CommitThenThrow(declined(settled));
    return settled.payment;
  }

  /** After the first transaction committed: charge a new attempt, or pick up the one a retry found; then its answer. */
  private async finish(start: Start, actor: Actor): Promise<PaymentDto> {
    // A succeeded payment's answer is stored for replays inside its second transaction (no round trip after it).
    const answer = (payment: Payment) =>
      payment.status === 'succeeded' ? this.idempotency.answerInTransaction(toPaymentDto(payment)) : undefined;
    const settled =
      'existing' in start
        ? await this.attempts.resume(start.existing, actor, answer)
        : await this.attempts.charge(start.attempt, start.token, actor, undefined, answer);
    if (settled.payment.status === 'failed') throw declined(settled);
    return toPaymentDto(settled.payment);
  }

  async list(merchantId: string, query: ListPaymentsQuery, contactId?: string) {
    const qb = this.db.repo(Payment).createQueryBuilder('p').where('p.merchantId = :merchantId', { merchantId });
    const contact = contactId ?? query.contactId;
    if (contact) qb.andWhere('p.contactId = :contact', { contact });
    if (query.invoiceId) qb.andWhere('p.invoiceId = :invoiceId', { invoiceId: query.invoiceId });
    if (query.paymentRequestId) qb.andWhere('p.paymentRequestId = :pr', { pr: query.paymentRequestId });
    return mapPage(await paginate(qb, query), toPaymentDto);
  }

  /** Refunds a succeeded payment in whole or part; the invoice's balance rises again. */
  async refund(merchantId: string, paymentId: string, amount: number | undefined, actor: Actor): Promise<PaymentDto> {
    return this.db.transaction(async () => {
      const peek = await this.db.repo(Payment).findOne({ where: { merchantId, id: paymentId } });
      if (!peek) throw notFound('payment', paymentId);
      const invoice = peek.invoiceId ? await this.invoices.find(merchantId, peek.invoiceId, { lock: true }) : null;
      const payment = await this.db
        .repo(Payment)
        .findOneOrFail({ where: { merchantId, id: paymentId }, lock: { mode: 'pessimistic_write' } });
      if (payment.status !== 'succeeded') throw new ApiError(PAYMENT_ERRORS.payment_not_refundable);
      const refundable = payment.amount - payment.refundedAmount;
      const value = amount ?? refundable;
      if (value > refundable || value <= 0)
        throw invalidParam('amount', `At most ${refundable} can still be refunded.`);
      if (invoice && invoice.status !== 'paid' && invoice.status !== 'partially_paid') {
        throw new ApiError(
          PAYMENT_ERRORS.invoice_not_refundable,
          `Payments of a ${invoice.status} invoice cannot be refunded${invoice.status === 'disputed' ? ' until the dispute is resolved' : ''}.`,
        );
      }
      const refund: Refund = { merchantId, id: newId('ref'), paymentId, amount: value, createdAt: this.clock.now() };
      await this.db.repo(Refund).insert(refund);
      payment.refundedAmount += value;
      await this.db.repo(Payment).update({ merchantId, id: paymentId }, { refundedAmount: payment.refundedAmount });
      if (invoice) await this.invoices.applyRefund(invoice, value, actor);
      await this.events.append(merchantId, 'payment.refunded', paymentId, {
        payment: toPaymentDto(payment),
        refund: { id: refund.id, amount: value },
      });
      await this.audit.record({
        merchantId,
        actor,
        action: 'payment.refunded',
        subjectId: paymentId,
        after: { amount: value, refundedAmount: payment.refundedAmount },
      });
      // Last: every check has passed and every row is written (the deferred ones too, now); a
      // processor failure rolls them back.
      await this.db.flushNow();
      await this.processor.refund({
        reference: payment.processorReference!,
        amount: value,
        idempotencyKey: derivedIdempotencyKey(`refund ${paymentId}`, refund.id),
      });
      return toPaymentDto(payment);
    });
  }

  private assertPayable(invoice: Invoice): void {
    if (invoice.status === 'disputed') throw new ApiError(PAYMENT_ERRORS.invoice_disputed, undefined);
    if (invoice.status !== 'open' && invoice.status !== 'partially_paid')
      throw new ApiError(PAYMENT_ERRORS.invoice_not_payable, `A ${invoice.status} invoice takes no payment.`);
  }
}
