import { Injectable } from '@nestjs/common';
import { Db } from '../../platform/database/db.js';
import { equals, ListStatement } from '../../platform/pagination/list-statement.js';
import type { Page } from '../../platform/pagination/pagination.js';
import type { ListPaymentRequestsQuery } from './dto/payment-request.dto.js';
import { PaymentRequest } from './payment-request.entity.js';

/** The hot paths' statements on `payment_requests`, hand-written (no ORM per payment or per list). */
@Injectable()
export class PaymentRequestsRepository {
  private readonly listing = new ListStatement(PaymentRequest, 'payment_requests');

  constructor(private readonly db: Db) {}

  /** The list, filtered by contact (the customer's own, or `?contactId=`), status, invoice and `metadata[k]=v`. */
  list(
    merchantId: string,
    query: ListPaymentRequestsQuery,
    contactId: string | undefined,
  ): Promise<Page<PaymentRequest>> {
    return this.listing.page(this.db, merchantId, query, [
      equals('contact_id', contactId),
      equals('status', query.status),
      equals('invoice_id', query.invoiceId),
    ]);
  }

  /**
   * Writes what a status move changes (status, paid amount, approval time, update time): now,
   * or with `later` just before COMMIT with the transaction's other deferred writes (one
   * statement for all of them), for a move nothing reads back in the same transaction.
   */
  async saveMove(request: PaymentRequest, later: boolean): Promise<void> {
    const sql = `UPDATE payment_requests SET status = $3, paid_amount = $4, approved_at = $5, updated_at = $6
                  WHERE merchant_id = $1 AND id = $2`;
    const params = [
      request.merchantId,
      request.id,
      request.status,
      request.paidAmount,
      request.approvedAt,
      request.updatedAt,
    ];
    if (later) await this.db.writeLater(sql, params);
    else await this.db.manager.query(sql, params);
  }
}
