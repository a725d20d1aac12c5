import { PAYMENT_ERRORS } from '../../errors/payments.js';
import type { PaymentMethodType } from '../merchants/merchant-settings.js';

export interface MinimumSources {
  /** The request's own minimumPercent. */
  minimumPercent: number | null;
  /** The merchant's per-method minimums, as snapshotted on the request. */
  minimumByMethod: Partial<Record<PaymentMethodType, number>>;
  /** The merchant's default minimum, as snapshotted (null: no partial payments by default). */
  defaultMinimumPercent: number | null;
}

/** The first that is set of: the request's own, the merchant's for this method, the merchant's default, else 100. */
export function minimumPercent(sources: MinimumSources, method: PaymentMethodType): number {
  return sources.minimumPercent ?? sources.minimumByMethod[method] ?? sources.defaultMinimumPercent ?? 100;
}

/** The strictest minimum the merchant's settings put on a request with none of its own (over every method). */
export function merchantMinimumPercent(settings: {
  defaultMinimumPercent: number | null;
  byMethod: Partial<Record<PaymentMethodType, number>>;
}): number {
  const sources = {
    minimumPercent: null,
    minimumByMethod: settings.byMethod,
    defaultMinimumPercent: settings.defaultMinimumPercent,
  };
  return Math.max(minimumPercent(sources, 'card'), minimumPercent(sources, 'ach'));
}

/** The smallest payment allowed: ceil(amount × percent / 100), in integer arithmetic. */
export function minimumAmount(requestAmount: number, percent: number): number {
  return Number((BigInt(requestAmount) * BigInt(percent) + 99n) / 100n);
}

const { below_minimum_payment: BELOW, exceeds_remaining_balance: EXCEEDS } = PAYMENT_ERRORS;

export type PaymentCheck =
  { ok: true } | { ok: false; code: typeof BELOW.code | typeof EXCEEDS.code; minimum: number; remaining: number };

/** A payment must reach the minimum unless it pays the whole remaining balance, and never exceed it. */
export function checkPayment(amount: number, requestAmount: number, remaining: number, percent: number): PaymentCheck {
  const minimum = Math.min(minimumAmount(requestAmount, percent), remaining);
  if (amount > remaining) return { ok: false, code: EXCEEDS.code, minimum, remaining };
  if (amount < minimum && amount !== remaining) return { ok: false, code: BELOW.code, minimum, remaining };
  return { ok: true };
}
