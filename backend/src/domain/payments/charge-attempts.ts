import { Inject, Injectable, Logger } from '@nestjs/common';
import { SYSTEM_ACTOR, type Actor } from '../../platform/http/auth/auth-context.js';
import { Clock } from '../../platform/clock/clock.js';
import { Db } from '../../platform/database/db.js';
import { ApiError } from '../../platform/errors/errors.js';
import { PAYMENT_ERRORS } from '../../errors/payments.js';
import { AppConfig } from '../../config/app-config.js';
import { AuditService } from '../audit/audit.service.js';
import { EventsService } from '../../platform/events/events.service.js';
import type { Invoice } from '../invoices/invoice.entity.js';
import { InvoicesService } from '../invoices/invoices.service.js';
import type { PaymentMethod } from './payment-methods/payment-method.entity.js';
import { PaymentRequestsService } from '../payment-requests/payment-requests.service.js';
import {
  PAYMENT_PROCESSOR,
  type ChargeFailureCode,
  type ChargeResult,
  type PaymentProcessor,
} from './processor/payment-processor.js';
import { toPaymentDto } from './dto/payment.dto.js';
import { Payment } from './payment.entity.js';
import { PaymentsRepository } from './payments.repository.js';

/** How long a `processing` attempt is left to its own request before the worker settles it with the processor. */
export const SETTLE_GRACE_MS = 60_000;

/** How long a retry waits for its first run's charge before answering `409 payment_processing`. */
const RESUME_WAIT_MS = 3_000;
const RESUME_POLL_MS = 100;

/** The processor never received the charge (a crash before the call): nothing was taken. */
const NOT_CHARGED: ChargeResult = {
  status: 'failed',
  code: PAYMENT_ERRORS.processing_error.code,
  message: 'The payment could not be processed.',
};

export interface AttemptInput {
  id: string;
  processorKey: string;
  invoice: Invoice | null;
  requestId: string | null;
  method: PaymentMethod;
  amount: number;
  currency: string;
  source: Payment['source'];
}

/** Stores the request's answer with the outcome, in its transaction (see PaymentsService). */
export type Answer = (payment: Payment) => Promise<void> | undefined;

export interface Settled {
  payment: Payment;
  /** The processor's words for a refusal, when this call heard them. */
  message?: string;
}

/** `409 payment_processing`: on a retry (`param` Idempotency-Key), or for what other payments in progress hold. */
export const paymentProcessing = (param?: string) =>
  new ApiError(
    PAYMENT_ERRORS.payment_processing,
    param
      ? 'This payment is being processed; retry the same request in a minute to get its outcome.'
      : 'Another payment of this is being processed; retry in a minute.',
    param,
  );

/** The 402 a refused charge answers (the failed payment is recorded). */
export const declined = ({ payment, message }: Settled) =>
  new ApiError(
    PAYMENT_ERRORS[(payment.failureCode ?? PAYMENT_ERRORS.processing_error.code) as ChargeFailureCode],
    message ?? 'The payment was refused.',
    'paymentMethodId',
    {
      paymentId: payment.id,
    },
  );

/**
 * No charge without a record. An attempt is written `processing` in the caller's first
 * transaction (rules checked, rows locked) and committed; then the processor is called under
 * the attempt's key; then {@link settle} records the outcome in a second transaction. A crash
 * or a failed second transaction leaves the attempt `processing`: a retry of the same request
 * or, after {@link SETTLE_GRACE_MS}, the worker settles it by asking the processor by that key.
 * Settling happens once: under the row locks, only a `processing` attempt moves.
 */
@Injectable()
export class ChargeAttempts {
  private readonly logger = new Logger('Payments');

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly invoices: InvoicesService,
    private readonly requests: PaymentRequestsService,
    private readonly events: EventsService,
    private readonly audit: AuditService,
    private readonly rows: PaymentsRepository,
    @Inject(PAYMENT_PROCESSOR) private readonly processor: PaymentProcessor,
  ) {}

  /** In the caller's (first) transaction: the attempt, `processing`. */
  async open(input: AttemptInput): Promise<Payment> {
    const { method } = input;
    const payment: Payment = {
      merchantId: method.merchantId,
      id: input.id,
      contactId: method.contactId,
      invoiceId: input.invoice?.id ?? null,
      paymentRequestId: input.requestId,
      paymentMethodId: method.id,
      amount: input.amount,
      refundedAmount: 0,
      currency: input.currency,
      status: 'processing',
      failureCode: null,
      processorReference: null,
      processorKey: input.processorKey,
      source: input.source,
      createdAt: this.clock.now(),
    };
    await this.rows.insert(payment);
    return payment;
  }

  /** Charges a recorded attempt (committed by the caller, except an automated payment's) and settles it. */
  async charge(
    attempt: Payment,
    token: string,
    actor: Actor,
    lockedInvoice?: Invoice,
    answer?: Answer,
  ): Promise<Settled> {
    const result = await this.processor.charge({
      token,
      amount: attempt.amount,
      currency: attempt.currency,
      idempotencyKey: attempt.processorKey!,
    });
    // Fault injection for the crash test (never in production): die between the charge and its record.
    if (process.env.CC_FAULT_EXIT_AFTER_CHARGE === '1' && !this.config.isProduction) process.exit(75);
    return this.settle(attempt, result, actor, lockedInvoice, answer);
  }

  /**
   * A retry of the same request found its attempt: settled, as it is; `processing`, the
   * processor's answer if it has one. Else the first run is still before its charge (a
   * concurrent duplicate) or died there: wait for it a little, then `409 payment_processing`.
   */
  async resume(attempt: Payment, actor: Actor, answer?: Answer): Promise<Settled> {
    const { merchantId, id } = attempt;
    for (let waited = 0; ; waited += RESUME_POLL_MS) {
      const current = await this.db.repo(Payment).findOneOrFail({ where: { merchantId, id } });
      if (current.status !== 'processing') return { payment: current };
      const result = await this.processor.lookup(current.processorKey!);
      if (result) return this.settle(current, result, actor, undefined, answer);
      if (waited >= RESUME_WAIT_MS) throw paymentProcessing('Idempotency-Key');
      await new Promise((r) => setTimeout(r, RESUME_POLL_MS));
    }
  }

  /**
   * Records the processor's outcome, once: in one transaction (the caller's, if one is open)
   * holding the invoice, request and payment rows (in that order, as the first transaction),
   * only if the attempt is still `processing`. Succeeded: the request, then the invoice, move.
   * `answer` runs in the transaction with the settled payment (a recorded outcome, not a retry's find).
   */
  settle(
    attempt: Payment,
    result: ChargeResult,
    actor: Actor,
    lockedInvoice?: Invoice,
    answer?: Answer,
  ): Promise<Settled> {
    const { merchantId } = attempt;
    return this.db.transaction(async () => {
      const status: Payment['status'] = result.status;
      const failureCode = result.status === 'failed' ? result.code : null;
      const processorReference = result.status === 'succeeded' ? result.reference : null;
      const rows = await this.rows.settle(attempt, { status, failureCode, processorReference });
      const { payment, request } = rows;
      if (!rows.moved) return { payment };
      const invoice = lockedInvoice ?? rows.invoice;
      await this.events.append(merchantId, `payment.${status}`, payment.id, { payment: toPaymentDto(payment) });
      await this.audit.record({
        merchantId,
        actor,
        action: `payment.${status}`,
        subjectId: payment.id,
        after: {
          amount: payment.amount,
          invoiceId: payment.invoiceId,
          paymentRequestId: payment.paymentRequestId,
          failureCode,
        },
      });
      if (status === 'succeeded') {
        // The request first: paying its invoice in full then cancels only the invoice's *other* open
        // requests (which read the request's row: its write waits for COMMIT only when nothing does).
        if (request) await this.requests.applyPayment(request, payment.amount, actor, !invoice);
        if (invoice) await this.invoices.applyPayment(invoice, payment.amount, actor);
      }
      await answer?.(payment);
      return { payment, ...(result.status === 'failed' ? { message: result.message } : {}) };
    });
  }

  /**
   * Worker job: settles attempts left `processing` past the grace (a crash between the charge and
   * its record, a failed second transaction) with what the processor says of their key; one the
   * processor never received failed (`processing_error`), nothing was taken. Answers how many.
   */
  async settleStale(batch = 50): Promise<number> {
    const rows: { merchant_id: string; id: string }[] = await this.db.manager.query(
      `SELECT merchant_id, id FROM payments WHERE status = 'processing' AND created_at < $1
        ORDER BY created_at LIMIT $2`,
      [new Date(this.clock.now().getTime() - SETTLE_GRACE_MS), batch],
    );
    let settled = 0;
    for (const row of rows) {
      try {
        const attempt = await this.db
          .repo(Payment)
          .findOneOrFail({ where: { merchantId: row.merchant_id, id: row.id } });
        if (attempt.status !== 'processing') continue;
        const result = (await this.processor.lookup(attempt.processorKey!)) ?? NOT_CHARGED;
        await this.settle(attempt, result, SYSTEM_ACTOR);
        settled++;
      } catch (err) {
        this.logger.warn({
          msg: 'settling a payment failed',
          paymentId: row.id,
          err: String((err as Error)?.message ?? err),
        });
      }
    }
    return settled;
  }
}
