import { Injectable } from '@nestjs/common';
import { Counter, Histogram } from 'prom-client';
import { MetricsService } from '../../platform/ops/metrics.service.js';
import type { SendResult } from './webhook-sender.js';

/** Why an attempt did not get a 2xx: a bounded set, so the label never grows with receivers. */
export type AttemptFailure = 'http_status' | 'timeout' | 'connection' | 'not_allowed' | 'signing';

/** The failure reason of an attempt's result, or null for a 2xx. */
export function failureOf(r: SendResult): AttemptFailure | null {
  if (r.statusCode !== null) return r.statusCode >= 200 && r.statusCode < 300 ? null : 'http_status';
  const error = r.error ?? '';
  if (error.startsWith('Could not sign')) return 'signing';
  if (/ETIMEDOUT|no answer within/.test(error)) return 'timeout';
  if (error.startsWith('EPRIVATEADDRESS')) return 'not_allowed'; // the URL policy refused the address
  return 'connection';
}

/**
 * The webhook worker's Prometheus series on the app's `/metrics` (beside the outbox and pool
 * gauges): every POST made (attempts, by result, and their duration), every attempt that did not
 * get a 2xx (by reason), and every delivery that reached a final state (succeeded, or failed after
 * its retries). Counted by this process; Prometheus sums the instances.
 */
@Injectable()
export class WebhookMetrics {
  private readonly attempts: Counter<'result'>;
  private readonly failures: Counter<'reason'>;
  private readonly deliveries: Counter<'status'>;
  private readonly duration: Histogram<'result'>;

  constructor(metrics: MetricsService) {
    const registers = [metrics.registry];
    this.attempts = new Counter({
      name: 'cc_webhook_attempts_total',
      help: 'Webhook POSTs made by this instance, by result (succeeded: a 2xx answer; failed: anything else)',
      labelNames: ['result'],
      registers,
    });
    this.failures = new Counter({
      name: 'cc_webhook_attempt_failures_total',
      help: 'Webhook attempts without a 2xx, by reason (http_status, timeout, connection, not_allowed, signing)',
      labelNames: ['reason'],
      registers,
    });
    this.deliveries = new Counter({
      name: 'cc_webhook_deliveries_total',
      help: 'Webhook deliveries that reached a final status here (succeeded, or failed once retries ran out)',
      labelNames: ['status'],
      registers,
    });
    this.duration = new Histogram({
      name: 'cc_webhook_attempt_duration_seconds',
      help: 'Time from the POST to the answer (or the error) of a webhook attempt',
      labelNames: ['result'],
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    // Present from the start at 0, so a rate() works before the first delivery.
    for (const result of ['succeeded', 'failed']) this.attempts.inc({ result }, 0);
    for (const status of ['succeeded', 'failed']) this.deliveries.inc({ status }, 0);
  }

  /** One attempt made, and the status it left its delivery in. */
  attempted(r: SendResult, status: 'succeeded' | 'pending' | 'failed'): void {
    const failure = failureOf(r);
    const result = failure ? 'failed' : 'succeeded';
    this.attempts.inc({ result });
    this.duration.observe({ result }, r.durationMs / 1000);
    if (failure) this.failures.inc({ reason: failure });
    if (status !== 'pending') this.deliveries.inc({ status });
  }
}
