import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CURRENCY_DIGITS } from '@customerconnect/sdk/currencies';
import { currencyDecimals, isCurrency } from '../src/platform/money/money.js';
import { WorkerService } from '../src/platform/worker/worker.service.js';
import { startApp, type TestApp } from './support/app.js';
import { verifiedContact } from './support/billing.js';
import { signUpMerchant, unique, type SignedUpMerchant } from './support/factories.js';

const repo = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

/**
 * Issue 9, currencies: decimals come from the one ISO 4217 table the SDK also reads, not from
 * Intl / ICU data (which says IQD 0 where ISO says 3, and HUF, IDR, COP, PKR 0 where ISO says 2).
 */
describe('ISO 4217 currencies (one table for the SDK and the API)', () => {
  let t: TestApp;
  let m: SignedUpMerchant;
  let contactId: string;
  let email: string;
  beforeAll(async () => {
    t = await startApp();
    m = await signUpMerchant(t.http);
    contactId = (await verifiedContact(t, m.secretKey, m.merchantId)).contactId; // no terms: any currency
    email = (await t.http.get(`/v1/contacts/${contactId}`, { token: m.secretKey })).body.email;
  });
  afterAll(async () => t?.close());

  const csv = (rows: string[]) =>
    ['Invoice Number,Contact Email,Amount,Currency,Issue Date,Due Date,Description', ...rows].join('\n');
  const importOne = (amount: string, currency: string) =>
    t.http.post(
      '/v1/invoices/import',
      { format: 'csv', data: csv([`IMP-${unique()},${email},"${amount}",${currency},2026-11-01,,Row`]) },
      { token: m.secretKey },
    );

  it.each([
    ['12.345', 'IQD', 12345],
    ['1.234', 'KWD', 1234],
    ['1,200', 'JPY', 1200],
    ['1.50', 'HUF', 150],
    ['2.50', 'IDR', 250],
    ['3.25', 'COP', 325],
    ['4.75', 'PKR', 475],
  ])('imports "%s" %s from CSV as %i minor units', async (amount, currency, minor) => {
    const res = await importOne(amount, currency);
    expect(res.body).toMatchObject({ imported: 1 });
    const inv = await t.http.get(`/v1/invoices/${res.body.rows[0].invoiceId}`, { token: m.secretKey });
    expect(inv.body).toMatchObject({ amount: minor, currency });
  });

  it.each([
    ['1.2345', 'IQD'],
    ['1.5', 'JPY'],
    ['1.005', 'HUF'],
  ])('refuses "%s" %s (more decimals than ISO 4217 gives it) at param amount', async (amount, currency) => {
    const res = await importOne(amount, currency);
    expect(res.status).toBe(422);
    expect(res.body.error.rows[0].error).toMatchObject({ code: 'parameter_invalid', param: 'amount' });
  });

  it.each(['ABC', 'XAU', 'XXX', 'XDR', 'XTS', 'usd1'])(
    'refuses %s (not an ISO 4217 currency with minor units) with 422 parameter_invalid at currency',
    async (currency) => {
      const res = await t.http.post(
        '/v1/invoices',
        { contactId, number: `INV-${unique()}`, amount: 1000, currency },
        { token: m.secretKey },
      );
      expect(res.status).toBe(422);
      expect(res.body.error).toMatchObject({ code: 'parameter_invalid', param: 'currency' });
      const imported = await importOne('10', currency);
      expect(imported.status).toBe(422);
      expect(imported.body.error.rows[0].error).toMatchObject({ code: 'parameter_invalid', param: 'currency' });
    },
  );

  it('formats notice amounts with the currency’s ISO 4217 decimals (IQD 3, HUF 2, JPY 0, KWD 3)', async () => {
    for (const [amount, currency] of [
      [12345, 'IQD'],
      [150, 'HUF'],
      [1200, 'JPY'],
      [1234, 'KWD'],
    ] as const) {
      const res = await t.http.post(
        '/v1/invoices',
        { contactId, number: `INV-${unique()}`, amount, currency },
        { token: m.secretKey },
      );
      expect(res.status).toBe(201);
    }
    await t.app.get(WorkerService).runOnce();
    const mails = (await t.http.get(`/dev/mailbox?to=${encodeURIComponent(email)}`)).body.data as Array<{
      text: string;
    }>;
    const text = mails.map((mail) => mail.text).join('\n');
    for (const shown of ['for 12.345 IQD', 'for 1.50 HUF', 'for 1,200 JPY', 'for 1.234 KWD']) {
      expect(text).toContain(shown);
    }
  });

  it('reads every code and its decimals from the module the SDK exports, so the two cannot diverge', () => {
    expect(Object.keys(CURRENCY_DIGITS).length).toBeGreaterThan(150);
    for (const [code, digits] of Object.entries(CURRENCY_DIGITS)) {
      expect([code, isCurrency(code), currencyDecimals(code)]).toEqual([code, true, digits]);
    }
    expect(CURRENCY_DIGITS).toMatchObject({ IQD: 3, KWD: 3, JPY: 0, HUF: 2, IDR: 2, COP: 2, PKR: 2, USD: 2, CLF: 4 });
    // The backend and the SDK import the same file: the backend through the SDK's public entry.
    expect(repo('backend/src/platform/money/money.ts')).toContain("from '@customerconnect/sdk/currencies'");
    expect(repo('sdk/elements/src/internal/currency.ts')).toContain("from '../currencies/iso-4217.js'");
    const sdk = JSON.parse(repo('sdk/elements/package.json'));
    expect(sdk.exports['./currencies']).toEqual({
      types: './dist/types/currencies.d.ts',
      default: './dist/currencies.js',
    });
    expect(repo('sdk/elements/rollup.config.js')).toContain("'src/currencies.ts'");
    // No second source of decimals: no Intl lookups of a currency's digits or of the codes.
    for (const file of ['backend/src/platform/money/money.ts', 'sdk/elements/src/internal/currency.ts']) {
      expect(repo(file)).not.toMatch(/supportedValuesOf|resolvedOptions\(\)\.maximumFractionDigits/);
    }
  });
});
