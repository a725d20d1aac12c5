// Steps of the merchant console's end-to-end test run in order on one backend by
// test/console.e2e.test.mjs, after the steps before them. Here: signing in, keying in the invoice that
// later steps use, and finding its contact.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  api,
  expectClean,
  expectNoAxeViolations,
  focused,
  go,
  INVOICE_NUMBER,
  openConsole,
  shot,
  signIn,
  state,
} from '../support/console.mjs';
import { ADMIN } from '../support/site.mjs';

export function firstSteps() {
  test('sign-in: errors at the field, then the overview; axe on both', async () => {
    const { context, page, problems } = await openConsole();
    try {
      assert.equal(await page.locator('script[type="module"]').getAttribute('src'), '/sdk/cc-console.js');
      await expectNoAxeViolations(page, 'sign-in');
      await shot(page, 'sign-in');
      // Empty submit: errors at the fields, focus on the first.
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.locator('#email-error').waitFor();
      assert.equal(await page.locator('#email').getAttribute('aria-invalid'), 'true');
      assert.match(await focused(page), /^input#email:/);
      // A wrong password: the server's refusal at the password field.
      await page.locator('#email').fill(ADMIN.email);
      await page.locator('#password').fill('not-the-password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.locator('#password-error', { hasText: 'do not match' }).waitFor();
      await page.locator('#password').fill(ADMIN.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.locator('cc-console-overview h1').waitFor();
      await page.locator('cc-console-overview', { hasText: 'Open disputes' }).waitFor();
      await expectNoAxeViolations(page, 'overview');
      await shot(page, 'overview');
      await expectClean(page, problems);
    } finally {
      await context.close();
    }
  });

  test('key in an invoice with line items (live total) and see it in the list', async () => {
    const { context, page, problems } = await openConsole();
    try {
      await signIn(page, ADMIN);
      await go(page, '#/invoices/new', 'Key in an invoice');
      await page.locator('#inv-contact option', { hasText: 'Acme Fabrication LLC' }).waitFor({ state: 'attached' });
      await page.locator('#inv-number').fill(INVOICE_NUMBER);
      await page.locator('#inv-contact').selectOption({ label: 'Acme Fabrication LLC' });
      await page.locator('#mode-lines').check();
      await page.locator('#line-0-desc').fill('Hex bolts M12, box of 100');
      await page.locator('#line-0-qty').fill('4');
      await page.locator('#line-0-price').fill('62.50');
      await page.getByRole('button', { name: 'Add a line' }).click();
      await page.locator('#line-1-desc').fill('Delivery');
      await page.locator('#line-1-qty').fill('1');
      await page.locator('#line-1-price').fill('1,250.00');
      assert.equal(await page.locator('#lines-total').textContent(), '$1,500.00', 'the live total');
      await page.locator('#inv-description').fill('November order');
      await expectNoAxeViolations(page, 'invoice form');
      await shot(page, 'invoice-form');
      await page.getByRole('button', { name: 'Save invoice' }).click();
      await page.locator('cc-console-invoices h1').waitFor();
      const row = page
        .locator('cc-console-invoices tr', { hasText: INVOICE_NUMBER })
        .filter({ hasText: 'Acme Fabrication LLC' });
      await row.waitFor();
      assert.match(await row.textContent(), /Acme Fabrication LLC[\s\S]*Open[\s\S]*\$1,500\.00/);
      const invoices = (await api(`/v1/invoices?contactId=${state.acme.id}`, { token: state.adminToken })).data;
      state.invoice = invoices.find((i) => i.number === INVOICE_NUMBER);
      assert.equal(state.invoice.amount, 150000);
      assert.equal(state.invoice.lineItems.length, 2);
      // The same number again: the server's 409 at the number field.
      await go(page, '#/invoices/new', 'Key in an invoice');
      await page.locator('#inv-contact option', { hasText: 'Acme Fabrication LLC' }).waitFor({ state: 'attached' });
      await page.locator('#inv-number').fill(INVOICE_NUMBER);
      await page.locator('#inv-contact').selectOption({ label: 'Acme Fabrication LLC' });
      await page.locator('#inv-amount').fill('10.00');
      await page.getByRole('button', { name: 'Save invoice' }).click();
      await page.locator('#inv-number-error').waitFor();
      await go(page, '#/invoices', 'Invoices');
      await expectNoAxeViolations(page, 'invoices');
      await shot(page, 'invoices');
      await expectClean(page, problems);
    } finally {
      await context.close();
    }
  });

  test('contacts: search, the contact page, and an emailed wallet link', async () => {
    const { context, page, problems } = await openConsole();
    try {
      await signIn(page, ADMIN);
      await go(page, '#/contacts', 'Contacts');
      await page.locator('cc-console-contacts tr', { hasText: 'Blue Ridge Builders' }).waitFor();
      await page.locator('#q').fill('acme');
      await page.waitForFunction(() => {
        const part = document.querySelector('cc-merchant-console').shadowRoot.querySelector('cc-console-contacts');
        return part.shadowRoot.querySelectorAll('tbody tr').length === 1;
      });
      await expectNoAxeViolations(page, 'contacts');
      await shot(page, 'contacts');
      await page.getByRole('link', { name: 'Acme Fabrication LLC' }).click();
      await page.locator('cc-console-contact h1', { hasText: 'Acme Fabrication LLC' }).waitFor();
      await page.locator('cc-console-contact th', { hasText: INVOICE_NUMBER }).waitFor();
      await page.getByRole('button', { name: 'Email a wallet link' }).click();
      await page.locator('cc-console-contact .success', { hasText: 'wallet link was emailed' }).waitFor();
      await expectNoAxeViolations(page, 'contact page');
      await shot(page, 'contact');
      await expectClean(page, problems);
    } finally {
      await context.close();
    }
  });
}
