import { Inject, Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import { actorOf, type CustomerAuth } from '../../../platform/http/auth/auth-context.js';
import { Clock } from '../../../platform/clock/clock.js';
import { Db } from '../../../platform/database/db.js';
import { invalidParam, missingParam, notFound } from '../../../platform/errors/errors.js';
import { newId } from '../../../platform/ids/ids.js';
import { AuditService } from '../../audit/audit.service.js';
import {
  PAYMENT_PROCESSOR,
  ProcessorInputError,
  type PaymentProcessor,
  type Tokenized,
} from '../processor/payment-processor.js';
import { toPaymentMethodDto, type CreatePaymentMethodDto, type PaymentMethodDto } from './dto/payment-method.dto.js';
import { PaymentMethod } from './payment-method.entity.js';

@Injectable()
export class PaymentMethodsService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    @Inject(PAYMENT_PROCESSOR) private readonly processor: PaymentProcessor,
  ) {}

  /** Tokenizes with the processor and keeps only token, brand and last 4. The first method becomes the default. */
  async add(auth: CustomerAuth, dto: CreatePaymentMethodDto): Promise<PaymentMethodDto> {
    let tokenized: Tokenized;
    try {
      if (dto.type === 'card')
        tokenized = await this.processor.tokenizeCard(dto.card ?? missing('card'), this.clock.now());
      else tokenized = await this.processor.tokenizeAch(dto.ach ?? missing('ach'));
    } catch (err) {
      if (err instanceof ProcessorInputError) throw invalidParam(err.param, err.message);
      throw err;
    }
    return this.db.transaction(async (em) => {
      await em.query('SELECT 1 FROM contacts WHERE merchant_id = $1 AND id = $2 FOR UPDATE', [
        auth.merchantId,
        auth.contactId,
      ]);
      const existing = await this.db
        .repo(PaymentMethod)
        .count({ where: { merchantId: auth.merchantId, contactId: auth.contactId, deletedAt: IsNull() } });
      const method: PaymentMethod = {
        merchantId: auth.merchantId,
        id: newId('pm'),
        contactId: auth.contactId,
        type: dto.type,
        brand: tokenized.brand,
        last4: tokenized.last4,
        expMonth: tokenized.expMonth,
        expYear: tokenized.expYear,
        processorToken: tokenized.token,
        isDefault: existing === 0,
        createdAt: this.clock.now(),
        deletedAt: null,
      };
      await this.db.repo(PaymentMethod).insert(method);
      await this.audit.record({
        merchantId: auth.merchantId,
        actor: actorOf(auth),
        action: 'payment_method.added',
        subjectId: method.id,
        after: { type: method.type, last4: method.last4 },
      });
      return toPaymentMethodDto(method);
    });
  }

  async list(merchantId: string, contactId: string): Promise<PaymentMethodDto[]> {
    const rows = await this.db
      .repo(PaymentMethod)
      .find({ where: { merchantId, contactId, deletedAt: IsNull() }, order: { id: 'DESC' } });
    return rows.map(toPaymentMethodDto);
  }

  async setDefault(auth: CustomerAuth, id: string): Promise<PaymentMethodDto> {
    return this.db.transaction(async () => {
      const method = await this.find(auth.merchantId, auth.contactId, id);
      await this.db
        .repo(PaymentMethod)
        .update({ merchantId: auth.merchantId, contactId: auth.contactId, isDefault: true }, { isDefault: false });
      await this.db.repo(PaymentMethod).update({ merchantId: auth.merchantId, id }, { isDefault: true });
      await this.audit.record({
        merchantId: auth.merchantId,
        actor: actorOf(auth),
        action: 'payment_method.made_default',
        subjectId: id,
      });
      return toPaymentMethodDto({ ...method, isDefault: true });
    });
  }

  async remove(auth: CustomerAuth, id: string): Promise<PaymentMethodDto> {
    return this.db.transaction(async () => {
      const method = await this.find(auth.merchantId, auth.contactId, id);
      await this.db
        .repo(PaymentMethod)
        .update({ merchantId: auth.merchantId, id }, { deletedAt: this.clock.now(), isDefault: false });
      await this.audit.record({
        merchantId: auth.merchantId,
        actor: actorOf(auth),
        action: 'payment_method.removed',
        subjectId: id,
      });
      return { ...toPaymentMethodDto(method), isDefault: false };
    });
  }

  /** The contact's own, not removed (404 otherwise; for a payment body, 422 naming paymentMethodId). */
  async find(merchantId: string, contactId: string, id: string): Promise<PaymentMethod> {
    const method = await this.db
      .repo(PaymentMethod)
      .findOne({ where: { merchantId, contactId, id, deletedAt: IsNull() } });
    if (!method) throw notFound('payment method', id);
    return method;
  }

  async forPayment(merchantId: string, contactId: string, id: string): Promise<PaymentMethod> {
    return usableForPayment(await this.db.repo(PaymentMethod).findOne({ where: { merchantId, id } }), contactId, id);
  }

  defaultFor(merchantId: string, contactId: string): Promise<PaymentMethod | null> {
    return this.db
      .repo(PaymentMethod)
      .findOne({ where: { merchantId, contactId, isDefault: true, deletedAt: IsNull() } });
  }
}

/** The method `id` as read (or null), if this contact may pay with it: its own, not removed. */
export function usableForPayment(method: PaymentMethod | null, contactId: string, id: string): PaymentMethod {
  if (!method || method.contactId !== contactId || method.deletedAt !== null)
    throw invalidParam('paymentMethodId', `No payment method '${id}' for this contact.`);
  return method;
}

function missing(param: string): never {
  throw missingParam(param);
}
