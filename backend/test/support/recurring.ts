import { afterAll, beforeAll, expect } from '@jest/globals';
import { WorkerService } from '../../src/platform/worker/worker.service.js';
import { startApp, type TestApp } from './app.js';
import { signUpMerchant, type SignedUpMerchant } from './factories.js';

export const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86400_000).toISOString().slice(0, 10);
const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86400_000);

/** Helpers bound to one app and merchant. */
function helpers(t: TestApp, m: SignedUpMerchant) {
  const today = async () => (await t.http.get('/dev/clock')).body.today as string;
  return {
    today,
    /** Moves the clock to the start of `date` or just past it (never back). */
    advanceTo: async (date: string) => {
      const days = daysBetween(await today(), date);
      if (days > 0) expect((await t.http.post('/dev/clock', { advance: `P${days}D` })).status).toBe(200);
    },
    run: () => t.app.get(WorkerService).runOnce(),
    create: (body: Record<string, unknown>) => t.http.post('/v1/recurring-schedules', body, { token: m.secretKey }),
    get: async (id: string) => (await t.http.get(`/v1/recurring-schedules/${id}`, { token: m.secretKey })).body,
    act: (id: string, action: string) =>
      t.http.post(`/v1/recurring-schedules/${id}/${action}`, {}, { token: m.secretKey }),
    invoicesOf: async (contactId: string) =>
      (await t.http.get(`/v1/invoices?contactId=${contactId}&limit=100`, { token: m.secretKey })).body.data,
  };
}

export type RecurringHelpers = ReturnType<typeof helpers>;

/**
 * What the 'recurring schedules' suites share: one app and one merchant for the describe (started
 * before its tests, closed after) and the helpers bound to them. `suite()` gives them to the tests.
 */
export function recurringSuite() {
  let t: TestApp;
  let m: SignedUpMerchant;
  let h: RecurringHelpers;
  beforeAll(async () => {
    t = await startApp();
    m = await signUpMerchant(t.http);
    h = helpers(t, m);
  }, 120_000);
  afterAll(async () => t?.close());
  return () => ({ t, m, h });
}
