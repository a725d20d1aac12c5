// Steps of the merchant console's end-to-end test run in order on one backend by
// test/console.e2e.test.mjs, after the steps before them. Here: the keyed-in invoice in the customer's
// wallet under the console's minimums, a dispute resolved with a credit, the invoice page (edit,
// credit note) and a payment refunded.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  api,
  customerSession,
  expectClean,
  expectNoAxeViolations,
  go,
  INVOICE_NUMBER,
  openConsole,
  openWallet,
  settle,
  shot,
  signIn,
  state,
  walletRow,
} from '../support/console.mjs';
import { ADMIN } from '../support/site.mjs';

export function collections() {
  test('the invoice keyed in shows in the customer’s wallet; the wallet enforces the minimums the console set', async () => {
    // The customer's browser: the wallet on the merchant's site, opened from the newest emailed link.
    const customer = await customerSession(state.acme.email);
    await api('/v1/customer/payment-methods', {
      method: 'POST',
      token: customer,
      body: { type: 'card', card: { number: '4242424242424242', expMonth: 12, expYear: 2031, cvc: '123' } },
    });
    const { context: walletContext, page: walletPage } = await openWallet(state.acme.email);
    const { context, page, problems } = await openConsole();
    try {
      await walletRow(walletPage, INVOICE_NUMBER).waitFor({ timeout: 20_000 });
      assert.match(
        await walletRow(walletPage, INVOICE_NUMBER).innerText(),
        /\$1,500\.00[\s\S]*Open/,
        'the invoice keyed in, with its balance',
      );

      await signIn(page, ADMIN);
      await go(page, '#/payment-requests', 'Payment requests');
      await page.getByRole('button', { name: 'New payment request' }).click();
      await page.locator('#pr-contact option', { hasText: 'Acme Fabrication LLC' }).waitFor({ state: 'attached' });
      await page.locator('#pr-contact').selectOption({ label: 'Acme Fabrication LLC' });
      await page.locator('#pr-amount').fill('400.00');
      await page.locator('#pr-memo').fill('Deposit for the December order');
      await expectNoAxeViolations(page, 'payment request form');
      await page.getByRole('button', { name: 'Send request' }).click();
      const row = page.locator('cc-console-payment-requests tr', { hasText: 'Deposit for the December order' });
      await row.waitFor();
      assert.match(await row.textContent(), /Awaiting approval[\s\S]*\$400\.00[\s\S]*Card 50%, ACH 25%/);
      await expectNoAxeViolations(page, 'payment requests');
      await shot(page, 'payment-requests');

      // The wallet asks for at least the card minimum the settings step set (50%), and refuses less.
      await walletPage.reload(); // a reload keeps the customer in (the tab's session)
      await walletRow(walletPage, INVOICE_NUMBER).waitFor({ timeout: 20_000 });
      const review = walletPage.getByRole('button', { name: 'Review the payment request for $400.00' });
      await review.click();
      const request = walletPage.locator('cc-payment-request');
      await request.locator('#request-amount').waitFor();
      assert.match(
        await request.locator('form').innerText(),
        /At least \$200\.00 with this payment method, up to \$400\.00\./,
      );
      await request.locator('#request-amount').fill('100.00');
      await request.locator('button[type="submit"]').click();
      await request.locator('#request-amount-error').waitFor();
      assert.match(await request.locator('#request-amount-error').innerText(), /\$200\.00/);
      await expectNoAxeViolations(walletPage, 'the wallet refusing less than the minimum');
      await request.locator('#request-amount').fill('200.00');
      await request.locator('button[type="submit"]').click();
      // Approve and pay are two calls: the outcome first says approved, then that the payment went through.
      await request
        .locator('#request-outcome', { hasText: 'your payment of $200.00 went through' })
        .waitFor({ timeout: 20_000 });

      // The console sees the partial payment.
      await page.locator('#pr-status').selectOption('partially_paid');
      await page
        .locator('cc-console-payment-requests tr', { hasText: 'Deposit for the December order' })
        .filter({ hasText: 'Partially paid' })
        .waitFor();
      await expectClean(page, problems);
    } finally {
      await context.close();
      await walletContext.close();
    }
  });

  test('resolve a dispute from the queue with a credit', async () => {
    // The customer disputes the invoice keyed in above, from the wallet link the console emailed.
    const dispute = await api(`/v1/customer/invoices/${state.invoice.id}/disputes`, {
      method: 'POST',
      token: await customerSession(state.acme.email),
      body: { amount: 25000, explanation: 'Four boxes were billed but only three arrived.' },
    });

    const { context, page, problems } = await openConsole();
    try {
      await signIn(page, ADMIN);
      await page.locator('cc-console-overview', { hasText: 'Work the dispute queue' }).waitFor();
      await go(page, '#/disputes', 'Disputes');
      const card = page.locator(`#dispute-${dispute.id}`);
      await card.waitFor();
      const text = await card.textContent();
      assert.match(text, /Four boxes were billed but only three arrived\./);
      assert.match(text, /Disputed amount\s*\$250\.00/);
      assert.match(text, /Invoice balance\s*\$1,500\.00/);
      // Resolving without choosing: the error at the choice, focused.
      await card.getByRole('button', { name: 'Resolve dispute' }).click();
      await page.locator(`#credit-${dispute.id}-error`).waitFor();
      await expectNoAxeViolations(page, 'disputes');
      await shot(page, 'disputes');
      await page.locator(`#credit-${dispute.id}`).check();
      await page.locator(`#note-${dispute.id}`).fill('Credited the missing box.');
      await card.getByRole('button', { name: 'Resolve dispute' }).click();
      await page.locator('cc-console-disputes .success', { hasText: 'credit of $250.00' }).waitFor();
      const invoice = await api(`/v1/invoices/${state.invoice.id}`, { token: state.adminToken });
      assert.equal(invoice.balance, 125000);
      assert.equal(invoice.status, 'open');
      const resolved = await api(`/v1/disputes/${dispute.id}`, { token: state.adminToken });
      assert.deepEqual(
        [resolved.status, resolved.outcome, resolved.note],
        ['resolved', 'credit', 'Credited the missing box.'],
      );
      await expectClean(page, problems);
    } finally {
      await context.close();
    }
  });

  test("an invoice's page: edit, a credit note seen in the wallet; a request's payment refunded from its row", async () => {
    const { context, page, problems } = await openConsole();
    const { context: walletContext, page: walletPage } = await openWallet(state.acme.email);
    try {
      await signIn(page, ADMIN);
      await go(page, '#/invoices', 'Invoices');
      await page.getByRole('link', { name: INVOICE_NUMBER, exact: true }).click();
      await page.locator('cc-console-invoice h1', { hasText: `Invoice ${INVOICE_NUMBER}` }).waitFor();
      await settle(page);
      // After the dispute's credit of $250.00: nothing paid, so it can still be edited.
      const facts = page.locator('cc-console-invoice dl.facts');
      assert.match(await facts.innerText(), /Credited\s*\$250\.00[\s\S]*Balance\s*\$1,250\.00/);
      await page.getByRole('button', { name: 'Edit', exact: true }).click();
      await page.locator('#edit-description').fill('Steel brackets, 40 units (edited)');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.locator('cc-console-invoice .success', { hasText: `Invoice ${INVOICE_NUMBER} saved.` }).waitFor();

      await page.getByRole('button', { name: 'Give a credit note' }).click();
      await page.locator('#credit-amount').fill('5,000.00');
      await page.locator('#credit-reason').fill('Freight was billed twice.');
      await page.getByRole('button', { name: 'Give the credit' }).click();
      await page.locator('#credit-amount-error', { hasText: '$1,250.00' }).waitFor(); // more than the balance: refused before the server
      await expectNoAxeViolations(page, 'the credit note form with an error');
      await page.locator('#credit-amount').fill('100.00');
      await page.getByRole('button', { name: 'Give the credit' }).click();
      await page.locator('cc-console-invoice .success', { hasText: 'Credit of $100.00 given' }).waitFor();
      await page.waitForFunction(() =>
        /Balance\s*\$1,150\.00/.test(
          document
            .querySelector('cc-merchant-console')
            .shadowRoot.querySelector('cc-console-invoice')
            .shadowRoot.querySelector('dl.facts').innerText,
        ),
      );
      await expectNoAxeViolations(page, 'the invoice page');
      await shot(page, 'invoice');
      const invoice = await api(`/v1/invoices/${state.invoice.id}`, { token: state.adminToken });
      assert.deepEqual(
        [invoice.creditedAmount, invoice.balance, invoice.description],
        [35000, 115000, 'Steel brackets, 40 units (edited)'],
      );
      // The customer sees the new balance in their wallet.
      await walletPage.reload();
      await walletRow(walletPage, INVOICE_NUMBER).waitFor({ timeout: 20_000 });
      assert.match(await walletRow(walletPage, INVOICE_NUMBER).innerText(), /\$1,150\.00/);

      // The payment made on the December deposit request, refunded in part from the request's row.
      await go(page, '#/payment-requests', 'Payment requests');
      await page
        .getByRole('button', { name: /^Payments of the request to Acme Fabrication LLC for \$400\.00$/ })
        .click();
      const payments = page.locator('cc-console-payment-requests cc-console-payments');
      await payments.getByRole('button', { name: /^Refund the payment of \$200\.00/ }).click();
      assert.equal(await payments.locator('#refund-amount').inputValue(), '200.00', 'all of it, unless changed');
      await payments.locator('#refund-amount').fill('50.00');
      await payments.getByRole('button', { name: 'Refund', exact: true }).click();
      await payments.locator('tr', { hasText: '$200.00' }).filter({ hasText: '$50.00' }).waitFor();
      await expectNoAxeViolations(page, 'a payment refunded');
      const [payment] = (await api(`/v1/payments?contactId=${state.acme.id}`, { token: state.adminToken })).data.filter(
        (p) => p.amount === 20000,
      );
      assert.equal(payment.refundedAmount, 5000);
      await expectClean(page, problems);
    } finally {
      await context.close();
      await walletContext.close();
    }
  });
}
