import { Injectable } from '@nestjs/common';
import { Db } from '../../platform/database/db.js';
import { Invoice } from '../invoices/invoice.entity.js';
import { PaymentRequest } from '../payment-requests/payment-request.entity.js';
import { PaymentMethod } from './payment-methods/payment-method.entity.js';
import type { Payment } from './payment.entity.js';

/** A `payments` row as PostgreSQL returns it (bigint as text). */
interface PaymentRow {
  merchant_id: string;
  id: string;
  contact_id: string;
  invoice_id: string | null;
  payment_request_id: string | null;
  payment_method_id: string;
  amount: string | number;
  refunded_amount: string | number;
  currency: string;
  status: Payment['status'];
  failure_code: string | null;
  processor_reference: string | null;
  processor_key: string | null;
  source: Payment['source'];
  created_at: Date | string;
}

const toPayment = (r: PaymentRow): Payment => ({
  merchantId: r.merchant_id,
  id: r.id,
  contactId: r.contact_id,
  invoiceId: r.invoice_id,
  paymentRequestId: r.payment_request_id,
  paymentMethodId: r.payment_method_id,
  amount: Number(r.amount),
  refundedAmount: Number(r.refunded_amount),
  currency: r.currency,
  status: r.status,
  failureCode: r.failure_code,
  processorReference: r.processor_reference,
  processorKey: r.processor_key,
  source: r.source,
  createdAt: r.created_at instanceof Date ? r.created_at : new Date(r.created_at),
});

export interface Outcome {
  status: Payment['status'];
  failureCode: string | null;
  processorReference: string | null;
}

/** What the first transaction of a customer payment reads under its locks (see {@link PaymentsRepository.start}). */
export interface StartRows {
  /** The request (any contact's: the caller checks); null when none was asked for or it does not exist. */
  request: PaymentRequest | null;
  /** The request's invoice, or the invoice asked for (any contact's); locked. */
  invoice: Invoice | null;
  /** The attempt already made under the processor key (a retry of the same request). */
  existing: Payment | null;
  /** The payment method by id (any contact's, deleted or not: the caller checks). */
  method: PaymentMethod | null;
  /** What `processing` attempts hold back of the invoice's balance and of the request's remainder. */
  held: { invoice: number; request: number };
}

/** What the second transaction reads under its locks: the rows, and the attempt (moved to its outcome, or as it was). */
export interface SettleRows {
  invoice: Invoice | null;
  request: PaymentRequest | null;
  payment: Payment;
  /** False when the attempt had already left `processing` (settled by another run): nothing to record. */
  moved: boolean;
}

type Json = Record<string, unknown> | null;

/**
 * The payment hot path's statements, hand-written (no ORM query building or hydration per
 * payment); they run in the caller's transaction (`Db.manager`). Each transaction of a payment
 * reads what its rules need in ONE round trip: a function of migration 1765200000000 that takes
 * the row locks (invoice, then request) and only then reads, so it sees every payment committed
 * before the locks were granted.
 */
@Injectable()
export class PaymentsRepository {
  constructor(private readonly db: Db) {}

  /**
   * First transaction: locks the request's invoice (or `invoiceId`) and the request, then reads
   * the attempt made under `processorKey` (null: none to look for), what other attempts hold
   * back, and the payment method.
   */
  async start(
    merchantId: string,
    target: { requestId: string; invoiceId?: undefined } | { invoiceId: string; requestId?: undefined },
    methodId: string,
    processorKey: string | null,
  ): Promise<StartRows> {
    const [{ rows }]: { rows: Record<string, Json> & { heldInvoice: number; heldRequest: number } }[] =
      await this.db.manager.query('SELECT cc_payment_start($1, $2, $3, $4, $5) AS rows', [
        merchantId,
        target.requestId ?? null,
        target.invoiceId ?? null,
        methodId,
        processorKey,
      ]);
    return {
      request: rows.request ? this.db.hydrate(PaymentRequest, rows.request) : null,
      invoice: rows.invoice ? this.db.hydrate(Invoice, rows.invoice) : null,
      existing: rows.existing ? toPayment(rows.existing as unknown as PaymentRow) : null,
      method: rows.method ? this.db.hydrate(PaymentMethod, rows.method) : null,
      held: { invoice: Number(rows.heldInvoice ?? 0), request: Number(rows.heldRequest ?? 0) },
    };
  }

  /** The attempt, written `processing` (in the caller's first transaction). */
  async insert(p: Payment): Promise<void> {
    await this.db.manager.query(
      `INSERT INTO payments (merchant_id, id, contact_id, invoice_id, payment_request_id, payment_method_id, amount,
                             refunded_amount, currency, status, failure_code, processor_reference, processor_key,
                             source, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
      [
        p.merchantId,
        p.id,
        p.contactId,
        p.invoiceId,
        p.paymentRequestId,
        p.paymentMethodId,
        p.amount,
        p.refundedAmount,
        p.currency,
        p.status,
        p.failureCode,
        p.processorReference,
        p.processorKey,
        p.source,
        p.createdAt,
      ],
    );
  }

  /**
   * Second transaction: locks the attempt's invoice and request (in that order, as the first
   * transaction), then moves the attempt if it is still `processing`, so settling happens once.
   */
  async settle(attempt: Payment, outcome: Outcome): Promise<SettleRows> {
    const [{ rows }]: { rows: Record<string, Json> & { moved: boolean } }[] = await this.db.manager.query(
      'SELECT cc_payment_settle($1, $2, $3, $4, $5, $6, $7) AS rows',
      [
        attempt.merchantId,
        attempt.id,
        attempt.invoiceId,
        attempt.paymentRequestId,
        outcome.status,
        outcome.failureCode,
        outcome.processorReference,
      ],
    );
    return {
      invoice: rows.invoice ? this.db.hydrate(Invoice, rows.invoice) : null,
      request: rows.request ? this.db.hydrate(PaymentRequest, rows.request) : null,
      payment: toPayment(rows.payment as unknown as PaymentRow),
      moved: rows.moved,
    };
  }
}
