import { Injectable } from '@nestjs/common';
import { Db } from '../../platform/database/db.js';
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

/**
 * The payment hot path's statements on `payments`, hand-written (no ORM query building or
 * hydration per payment). Statements run in the caller's transaction (`Db.manager`).
 */
@Injectable()
export class PaymentsRepository {
  constructor(private readonly db: Db) {}

  /**
   * Moves an attempt that is still `processing` to its outcome in ONE statement: the UPDATE
   * takes the row lock itself (after the caller's invoice and request locks, in that order) and
   * only a `processing` row moves, so settling happens once. Null when it had already moved.
   * (Wrapped in a CTE so the driver answers rows, as for a SELECT.)
   */
  async settleProcessing(merchantId: string, id: string, outcome: Outcome): Promise<Payment | null> {
    const rows: PaymentRow[] = await this.db.manager.query(
      `WITH settled AS (
         UPDATE payments SET status = $3, failure_code = $4, processor_reference = $5
          WHERE merchant_id = $1 AND id = $2 AND status = 'processing'
         RETURNING *)
       SELECT * FROM settled`,
      [merchantId, id, outcome.status, outcome.failureCode, outcome.processorReference],
    );
    return rows[0] ? toPayment(rows[0]) : null;
  }
}
