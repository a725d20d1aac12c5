import { Injectable } from '@nestjs/common';
import { Db } from '../../platform/database/db.js';
import type { PaymentRequest } from './payment-request.entity.js';

/** The payment hot path's statements on `payment_requests`, hand-written (no ORM per payment). */
@Injectable()
export class PaymentRequestsRepository {
  constructor(private readonly db: Db) {}

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
