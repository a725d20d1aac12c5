import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { SYSTEM_ACTOR } from '../../platform/http/auth/auth-context.js';
import { Clock } from '../../platform/clock/clock.js';
import { addDays } from '../../platform/clock/dates.js';
import { CommitThenThrow, Db } from '../../platform/database/db.js';
import type { ApiError } from '../../platform/errors/errors.js';
import { AuditService } from '../audit/audit.service.js';
import { ContactsService } from '../contacts/contacts.service.js';
import { EventsService } from '../../platform/events/events.service.js';
import { toInvoiceDto } from '../invoices/dto/invoice.dto.js';
import { Invoice } from '../invoices/invoice.entity.js';
import { InvoicesService } from '../invoices/invoices.service.js';
import { MAIL_TOPIC } from '../../platform/mail/mail-outbox.handler.js';
import { MerchantsService } from '../merchants/merchants.service.js';
import { OutboxService } from '../../platform/outbox/outbox.service.js';
import type { PaymentMethod } from '../payments/payment-methods/payment-method.entity.js';
import { PaymentMethodsService } from '../payments/payment-methods/payment-methods.service.js';
import { PaymentRequestsService } from '../payment-requests/payment-requests.service.js';
import { PaymentsService } from '../payments/payments.service.js';
import { failedNoticeToMerchant, type NoticeContext } from './autopay-notices.js';
import { NO_METHOD_RECHECK_DAYS, nextRetryAt, startOfDay, type AutopayStatus } from './autopay-schedule.js';

type AutopayState = { autopayStatus: AutopayStatus; autopayAttempts?: number; nextAutopayAt: Date | null };
const OPEN_REQUEST = ['pending_approval', 'approved', 'partially_paid'];

/**
 * Automated payments: charges authorized contacts' invoices on their due date with the default
 * payment method. Each due invoice is claimed with FOR UPDATE SKIP LOCKED and handled in its own
 * transaction, which holds the row lock through the charge: any number of instances share the
 * work and an invoice is charged at most once per attempt. The invoice's `autopay_*` columns are
 * this module's bookkeeping (invoices only set `next_autopay_at` to the due date and clear it when settled).
 */
@Injectable()
export class AutopayService {
  private readonly logger = new Logger('Autopay');

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly invoices: InvoicesService,
    private readonly payments: PaymentsService,
    private readonly methods: PaymentMethodsService,
    private readonly requests: PaymentRequestsService,
    private readonly contacts: ContactsService,
    private readonly merchants: MerchantsService,
    private readonly outbox: OutboxService,
    private readonly events: EventsService,
    private readonly audit: AuditService,
  ) {}

  /** The worker job: up to `batch` due invoices, one transaction each. Answers how many it handled. */
  async run(batch = 50): Promise<number> {
    const broken: string[] = [];
    let handled = 0;
    while (handled < batch) {
      const current = { id: null as string | null };
      try {
        const done = await this.db.transaction(async (em) => {
          const due = await this.claim(em, broken);
          if (!due) return false;
          current.id = due.id;
          await this.process(due.merchantId, due.id);
          return true;
        });
        if (!done) break;
      } catch (err) {
        if (!current.id) throw err;
        // Rolled back, nothing charged or recorded: leave it for the next pass, go on with the others.
        broken.push(current.id);
        this.logger.warn({
          msg: 'automated payment failed unexpectedly',
          invoiceId: current.id,
          err: String((err as Error)?.message ?? err),
        });
      }
      handled++;
    }
    return handled;
  }

  /**
   * One due invoice (open or partially paid; a disputed one keeps its date and waits; one with a
   * customer's payment still `processing` waits for its outcome), row-locked, or none.
   */
  private async claim(em: EntityManager, skip: string[]): Promise<{ merchantId: string; id: string } | null> {
    const [row] = await em.query(
      `SELECT merchant_id, id FROM invoices
        WHERE next_autopay_at <= $1 AND status IN ('open', 'partially_paid') AND balance > 0
          AND NOT (id = ANY($2))
          AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.status = 'processing'
                            AND p.merchant_id = invoices.merchant_id AND p.invoice_id = invoices.id)
        ORDER BY next_autopay_at LIMIT 1 FOR UPDATE SKIP LOCKED`,
      [this.clock.now(), skip],
    );
    return row ? { merchantId: row.merchant_id, id: row.id } : null;
  }

  private async process(merchantId: string, id: string): Promise<void> {
    const invoice = await this.invoices.find(merchantId, id, { lock: true });
    const contact = await this.contacts.find(merchantId, invoice.contactId);
    const merchant = await this.merchants.get(merchantId);
    const ctx: NoticeContext = { merchant, contact, invoice };
    if (contact.status !== 'authorized') return this.stop(ctx);
    const method = await this.methods.defaultFor(merchantId, contact.id);
    if (!method) return this.awaitMethod(ctx);
    await this.charge(ctx, method);
  }

  /**
   * One attempt. A refusal comes back as CommitThenThrow: caught here, inside the transaction, so the
   * failed payment, its event, the attempt count and the notices commit together.
   */
  private async charge(ctx: NoticeContext, method: PaymentMethod): Promise<void> {
    const { invoice } = ctx;
    const attempt = invoice.autopayAttempts + 1;
    const balance = invoice.balance;
    try {
      const payment = await this.payments.payInvoiceAutomatically(invoice, method, SYSTEM_ACTOR, attempt);
      await this.record(invoice, { autopayStatus: 'succeeded', autopayAttempts: attempt, nextAutopayAt: null });
      await this.audit.record({
        merchantId: invoice.merchantId,
        actor: SYSTEM_ACTOR,
        action: 'invoice.autopay_succeeded',
        subjectId: invoice.id,
        after: { attempt, paymentId: payment.id, amount: balance },
      });
    } catch (err) {
      if (!(err instanceof CommitThenThrow)) throw err;
      await this.failed(ctx, attempt, err.error as ApiError);
    }
  }

  private async failed(ctx: NoticeContext, attempt: number, error: ApiError): Promise<void> {
    const { invoice, contact } = ctx;
    const retryAt = nextRetryAt(attempt, this.clock.today());
    await this.record(invoice, {
      autopayStatus: retryAt ? 'retrying' : 'failed',
      autopayAttempts: attempt,
      nextAutopayAt: retryAt,
    });
    // The contact hears of it from the notices module (payment.failed, source automatic: a notice with a wallet link).
    const failure = `${error.message.replace(/\.$/, '')} (${error.code})`;
    await this.outbox.enqueue(invoice.merchantId, MAIL_TOPIC, failedNoticeToMerchant(ctx, failure, attempt, retryAt));
    const detail = {
      attempt,
      failureCode: error.code,
      paymentId: (error.extra?.paymentId as string) ?? null,
      nextAttemptAt: retryAt?.toISOString() ?? null,
    };
    if (!retryAt)
      await this.events.append(invoice.merchantId, 'invoice.autopay_failed', invoice.id, {
        invoice: toInvoiceDto(invoice, this.clock.today()),
        ...detail,
        contactId: contact.id,
      });
    await this.audit.record({
      merchantId: invoice.merchantId,
      actor: SYSTEM_ACTOR,
      action: retryAt ? 'invoice.autopay_attempt_failed' : 'invoice.autopay_failed',
      subjectId: invoice.id,
      after: detail,
    });
  }

  /** No default method: ask the contact once, then look again every day; the invoice waits (no attempt counted). */
  private async awaitMethod(ctx: NoticeContext): Promise<void> {
    const { invoice } = ctx;
    const first = invoice.autopayStatus !== 'awaiting_payment_method';
    await this.record(invoice, {
      autopayStatus: 'awaiting_payment_method',
      nextAutopayAt: startOfDay(addDays(this.clock.today(), NO_METHOD_RECHECK_DAYS)),
    });
    if (!first) return;
    // The contact hears of it from the notices module: a notice with a wallet link to add a method.
    await this.events.append(invoice.merchantId, 'invoice.autopay_awaiting_payment_method', invoice.id, {
      invoice: toInvoiceDto(invoice, this.clock.today()),
    });
    await this.audit.record({
      merchantId: invoice.merchantId,
      actor: SYSTEM_ACTOR,
      action: 'invoice.autopay_awaiting_payment_method',
      subjectId: invoice.id,
    });
  }

  /** The contact is no longer authorized (its contract ended): never charge it; the invoice becomes a payment request. */
  private async stop({ invoice, contact, merchant }: NoticeContext): Promise<void> {
    await this.record(invoice, { autopayStatus: 'stopped', nextAutopayAt: null });
    await this.events.append(invoice.merchantId, 'invoice.autopay_stopped', invoice.id, {
      invoice: toInvoiceDto(invoice, this.clock.today()),
      reason: 'contact_not_authorized',
      contactStatus: contact.status,
    });
    await this.audit.record({
      merchantId: invoice.merchantId,
      actor: SYSTEM_ACTOR,
      action: 'invoice.autopay_stopped',
      subjectId: invoice.id,
      after: { contactStatus: contact.status },
    });
    const existing = await this.requests.list(invoice.merchantId, { invoiceId: invoice.id, limit: 100 });
    if (!existing.data.some((r) => OPEN_REQUEST.includes(r.status)))
      await this.requests.createForInvoice(invoice, merchant.settings, SYSTEM_ACTOR);
  }

  /** Writes the autopay columns of the locked invoice (and keeps the loaded row in step, which the charge saves whole). */
  private async record(invoice: Invoice, state: AutopayState): Promise<void> {
    Object.assign(invoice, state, { updatedAt: this.clock.now() });
    const { autopayStatus, autopayAttempts, nextAutopayAt, updatedAt } = invoice;
    await this.db
      .repo(Invoice)
      .update(
        { merchantId: invoice.merchantId, id: invoice.id },
        { autopayStatus, autopayAttempts, nextAutopayAt, updatedAt },
      );
  }
}
