import { Inject, Injectable } from '@nestjs/common';
import { actorOf, type Actor, type CustomerAuth } from '../../platform/http/auth/auth-context.js';
import { Clock } from '../../platform/clock/clock.js';
import { CommitThenThrow, Db } from '../../platform/database/db.js';
import { ApiError, conflict, invalidParam, notFound } from '../../platform/errors/errors.js';
import { newId } from '../../platform/ids/ids.js';
import { mapPage, paginate } from '../../platform/pagination/pagination.js';
import { AuditService } from '../audit/audit.service.js';
import { EventsService } from '../../platform/events/events.service.js';
import type { Invoice } from '../invoices/invoice.entity.js';
import { InvoicesService } from '../invoices/invoices.service.js';
import type { PaymentMethod } from './payment-methods/payment-method.entity.js';
import { PaymentMethodsService } from './payment-methods/payment-methods.service.js';
import { checkPayment, minimumPercent } from '../payment-requests/minimum-payment.js';
import { PaymentRequestsService } from '../payment-requests/payment-requests.service.js';
import { PAYMENT_PROCESSOR, type PaymentProcessor } from './processor/payment-processor.js';
import { derivedIdempotencyKey } from '../../platform/idempotency/idempotency.service.js';
import { toPaymentDto, type ListPaymentsQuery, type PaymentDto } from './dto/payment.dto.js';
import { Payment } from './payment.entity.js';
import { Refund } from './refund.entity.js';

interface ChargeInput {
  /** The processor's idempotency key when the caller has a stable one (an automated payment's invoice and attempt). */
  processorKey?: string;
  invoice: Invoice | null;
  requestId: string | null;
  method: PaymentMethod;
  amount: number;
  currency: string;
  source: Payment['source'];
  actor: Actor;
}

/**
 * Moves money. Every charge runs in one transaction holding the invoice (then request) row
 * locks, so two racing payments can never overpay; a declined charge is kept with its event
 * and answered 402 after the transaction commits.
 */
@Injectable()
export class PaymentsService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly invoices: InvoicesService,
    private readonly requests: PaymentRequestsService,
    private readonly methods: PaymentMethodsService,
    private readonly events: EventsService,
    private readonly audit: AuditService,
    @Inject(PAYMENT_PROCESSOR) private readonly processor: PaymentProcessor,
  ) {}

  /** The customer pays an invoice's whole balance. */
  async payInvoice(
    auth: CustomerAuth,
    invoiceId: string,
    paymentMethodId: string,
    amount: number | undefined,
  ): Promise<PaymentDto> {
    return this.db.transaction(async () => {
      const invoice = await this.invoices.find(auth.merchantId, invoiceId, { lock: true, contactId: auth.contactId });
      this.assertPayable(invoice);
      if (amount !== undefined && amount !== invoice.balance) {
        throw new ApiError(
          422,
          'partial_payment_not_allowed',
          `An invoice is paid whole (${invoice.balance}); partial payments go through a payment request.`,
          'amount',
        );
      }
      const method = await this.methods.forPayment(auth.merchantId, auth.contactId, paymentMethodId);
      const payment = await this.charge({
        invoice,
        requestId: null,
        method,
        amount: invoice.balance,
        currency: invoice.currency,
        source: 'customer',
        actor: actorOf(auth),
      });
      await this.invoices.applyPayment(invoice, payment.amount, actorOf(auth));
      return toPaymentDto(payment);
    });
  }

  /** The customer pays an approved request: from its minimum up to what remains. */
  async payRequest(
    auth: CustomerAuth,
    requestId: string,
    paymentMethodId: string,
    amount: number,
  ): Promise<PaymentDto> {
    return this.db.transaction(async () => {
      const peek = await this.requests.find(auth.merchantId, requestId, { contactId: auth.contactId });
      const invoice = peek.invoiceId ? await this.invoices.find(auth.merchantId, peek.invoiceId, { lock: true }) : null;
      const request = await this.requests.find(auth.merchantId, requestId, { lock: true });
      this.requests.assertNotExpired(request);
      if (request.status === 'pending_approval')
        throw conflict('approval_required', 'Approve this payment request before paying it.');
      if (!['approved', 'partially_paid'].includes(request.status))
        throw conflict('payment_request_not_open', `A ${request.status} payment request takes no payment.`);
      if (invoice) this.assertPayable(invoice);
      const method = await this.methods.forPayment(auth.merchantId, auth.contactId, paymentMethodId);
      const remaining = Math.min(request.amount - request.paidAmount, invoice ? invoice.balance : Infinity);
      const check = checkPayment(amount, request.amount, remaining, minimumPercent(request, method.type));
      if (!check.ok) {
        const message =
          check.code === 'exceeds_remaining_balance'
            ? `The most you can pay is ${check.remaining}.`
            : `The least you can pay is ${check.minimum} (or the whole ${check.remaining}).`;
        throw new ApiError(422, check.code, message, 'amount', { minimum: check.minimum, remaining: check.remaining });
      }
      const payment = await this.charge({
        invoice,
        requestId: request.id,
        method,
        amount,
        currency: request.currency,
        source: 'customer',
        actor: actorOf(auth),
      });
      // The request first: paying its invoice in full then cancels only the invoice's *other* open requests.
      await this.requests.applyPayment(request, amount, actorOf(auth));
      if (invoice) await this.invoices.applyPayment(invoice, amount, actorOf(auth));
      return toPaymentDto(payment);
    });
  }

  /** Charges the default method for an authorized contact's due invoice (the worker's automated payment). */
  async payInvoiceAutomatically(
    invoice: Invoice,
    method: PaymentMethod,
    actor: Actor,
    attempt: number,
  ): Promise<Payment> {
    // The same attempt, amount and card after a crash: the processor's first answer. Anything else is a new charge.
    const processorKey = `autopay_${invoice.id}_${attempt}_${invoice.balance}_${method.id}`;
    const payment = await this.charge({
      processorKey,
      invoice,
      requestId: null,
      method,
      amount: invoice.balance,
      currency: invoice.currency,
      source: 'automatic',
      actor,
    });
    await this.invoices.applyPayment(invoice, payment.amount, actor);
    return payment;
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
      if (payment.status !== 'succeeded')
        throw conflict('payment_not_refundable', 'Only a succeeded payment can be refunded.');
      const refundable = payment.amount - payment.refundedAmount;
      const value = amount ?? refundable;
      if (value > refundable || value <= 0)
        throw invalidParam('amount', `At most ${refundable} can still be refunded.`);
      if (invoice && invoice.status !== 'paid' && invoice.status !== 'partially_paid') {
        throw conflict(
          'invoice_not_refundable',
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
    if (invoice.status === 'disputed')
      throw conflict(
        'invoice_disputed',
        'This invoice is disputed; it takes no payment until the dispute is resolved.',
      );
    if (invoice.status !== 'open' && invoice.status !== 'partially_paid')
      throw conflict('invoice_not_payable', `A ${invoice.status} invoice takes no payment.`);
  }

  /** One charge: a payment row either way and its event; the caller moves the invoice and request. */
  private async charge(input: ChargeInput): Promise<Payment> {
    const { invoice, method, amount, currency, actor } = input;
    const payment: Payment = {
      merchantId: method.merchantId,
      id: newId('pay'),
      contactId: method.contactId,
      invoiceId: invoice?.id ?? null,
      paymentRequestId: input.requestId,
      paymentMethodId: method.id,
      amount,
      refundedAmount: 0,
      currency,
      status: 'succeeded',
      failureCode: null,
      processorReference: null,
      source: input.source,
      createdAt: this.clock.now(),
    };
    // Stable across retries (the request's Idempotency-Key, or the automated attempt): a retry after
    // a rollback that followed a successful charge gets the processor's first answer, not a second charge.
    const idempotencyKey = input.processorKey ?? derivedIdempotencyKey('charge', payment.id);
    const result = await this.processor.charge({ token: method.processorToken, amount, currency, idempotencyKey });
    if (result.status === 'failed') Object.assign(payment, { status: 'failed', failureCode: result.code });
    else payment.processorReference = result.reference;
    await this.db.repo(Payment).insert(payment);
    await this.events.append(payment.merchantId, `payment.${payment.status}`, payment.id, {
      payment: toPaymentDto(payment),
    });
    await this.audit.record({
      merchantId: payment.merchantId,
      actor,
      action: `payment.${payment.status}`,
      subjectId: payment.id,
      after: {
        amount,
        invoiceId: payment.invoiceId,
        paymentRequestId: payment.paymentRequestId,
        failureCode: payment.failureCode,
      },
    });
    if (result.status === 'failed') {
      throw new CommitThenThrow(
        new ApiError(402, result.code, result.message, 'paymentMethodId', { paymentId: payment.id }),
      );
    }
    return payment;
  }
}
