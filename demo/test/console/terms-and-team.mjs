// Steps of the merchant console's end-to-end test run in order on one backend by
// test/console.e2e.test.mjs, after the steps before them. Here: company settings (the terms-lock
// policy, the minimums), a member and a secret key; the locked policy as the member sees it, refused
// by the server too; an admin offers terms.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  api,
  expectClean,
  expectNoAxeViolations,
  go,
  login,
  MEMBER,
  openConsole,
  shot,
  signIn,
  state,
} from '../support/console.mjs';
import { ADMIN } from '../support/site.mjs';

export function termsAndTeam() {
  test('settings: the terms-lock policy and the minimums (worked example) as admin; a member added', async () => {
    const { context, page, problems } = await openConsole();
    try {
      await signIn(page, ADMIN);
      await go(page, '#/settings', 'Company settings');
      assert.equal(await page.locator('#policy-locked').isChecked(), true, 'a new merchant is locked');
      await page.locator('#policy-flexible').check();
      await page.locator('#set-allowed-net-days').fill('30, 45, 60');
      await page.locator('#set-min-default').fill('25');
      await page.locator('#set-min-card').fill('50');
      const example = page.locator('#minimum-example');
      await example.getByText('On a $1,000.00 request paid by card, the customer must pay at least $500.00.').waitFor();
      await example
        .getByText('On a $1,000.00 request paid by bank account, the customer must pay at least $250.00.')
        .waitFor();
      await expectNoAxeViolations(page, 'settings');
      await shot(page, 'settings');
      await page.getByRole('button', { name: 'Save settings' }).click();
      await page.locator('cc-console-settings .success', { hasText: 'Settings saved.' }).waitFor();
      let merchant = await api('/v1/merchant', { token: state.adminToken });
      assert.equal(merchant.settings.termsPolicy, 'flexible');
      assert.deepEqual(merchant.settings.allowedNetDays, [30, 45, 60]);
      assert.deepEqual(merchant.settings.partialPayments, { defaultMinimumPercent: 25, byMethod: { card: 50 } });
      // A bad value: the server's answer at its field.
      await page.locator('#set-wallet-url').fill('ftp://wallet.example');
      await page.getByRole('button', { name: 'Save settings' }).click();
      await page.locator('#set-wallet-url-error').waitFor();
      await page.locator('#set-wallet-url').fill('');
      // Back to locked.
      await page.locator('#policy-locked').check();
      await page.getByRole('button', { name: 'Save settings' }).click();
      await page.locator('cc-console-settings .success', { hasText: 'Settings saved.' }).waitFor();
      merchant = await api('/v1/merchant', { token: state.adminToken });
      assert.equal(merchant.settings.termsPolicy, 'locked');

      await go(page, '#/settings/users', 'Users');
      await page.locator('#user-name').fill(MEMBER.name);
      await page.locator('#user-email').fill(MEMBER.email);
      await page.locator('#user-role').selectOption('member');
      await page.locator('#user-password').fill(MEMBER.password);
      await page.getByRole('button', { name: 'Add user' }).click();
      await page.locator('cc-console-users tr', { hasText: MEMBER.email }).waitFor();
      await expectNoAxeViolations(page, 'users');
      await shot(page, 'users');

      await go(page, '#/settings/api-keys', 'API keys');
      await page.locator('#key-kind').selectOption('secret');
      await page.locator('#key-role').selectOption('admin');
      await page.getByRole('button', { name: 'Create key' }).click();
      const secret = await page.locator('#new-secret').textContent();
      assert.match(secret, /^sk_/);
      state.secretKey = secret;
      await expectNoAxeViolations(page, 'API key dialog');
      await page.getByRole('button', { name: "I've saved it" }).click();
      await expectNoAxeViolations(page, 'API keys');
      await shot(page, 'api-keys');
      await expectClean(page, problems);
    } finally {
      await context.close();
    }
  });

  test('under the locked policy a member sees why terms are unavailable, and the server refuses them', async () => {
    // A verified contact: a credit application over the API with the secret key made in the console.
    const applied = await api('/v1/credit-applications', {
      method: 'POST',
      token: state.secretKey,
      body: {
        mode: 'credit_check',
        business: {
          legalName: 'Delta Metalworks Inc',
          taxId: '12-3456789',
          address: { line1: '1 Forge Way', city: 'Toledo', region: 'OH', postalCode: '43604', country: 'US' },
          yearsInBusiness: 12,
          annualRevenue: 250_000_000,
        },
        applicant: { name: 'Dee Park', email: 'ap@delta-metal.example' },
        consent: { agreed: true, name: 'Dee Park' },
      },
    });
    assert.equal(applied.contact.status, 'verified');
    state.verified = applied.contact;

    const { context, page, problems } = await openConsole();
    try {
      await signIn(page, MEMBER);
      await page.locator('cc-merchant-console .who', { hasText: 'Member' }).waitFor();
      await go(page, `#/contacts/${state.verified.id}`, 'Delta Metalworks Inc');
      const offer = page.locator('#offer-terms');
      await offer.waitFor();
      assert.equal(await offer.getAttribute('aria-disabled'), 'true');
      assert.match(await page.locator('#offer-terms-reason').textContent(), /Terms are locked/);
      await offer.click({ force: true }); // nothing happens
      assert.equal(await page.locator('#offer-net-days').count(), 0);
      await page.locator('cc-console-contact', { hasText: 'Score' }).waitFor();
      await expectNoAxeViolations(page, 'contact page as member');
      await shot(page, 'member-terms-locked');
      // Settings are read-only for members, with the reason.
      await go(page, '#/settings', 'Company settings');
      assert.equal(await page.locator('#save-settings').getAttribute('aria-disabled'), 'true');
      assert.equal(await page.locator('#policy-flexible').isDisabled(), true);
      await expectNoAxeViolations(page, 'settings as member');
      await go(page, '#/settings/users', 'Users');
      await page.locator('cc-console-users', { hasText: 'Only an admin' }).waitFor();
      await expectClean(page, problems);
    } finally {
      await context.close();
    }
    // The server refuses the member too.
    const memberToken = await login(MEMBER);
    const refused = await api(`/v1/contacts/${state.verified.id}/terms-offers`, {
      method: 'POST',
      token: memberToken,
      body: { netDays: 30, creditLimit: 500000, currency: 'USD' },
      expect: 403,
    });
    assert.equal(refused.error.code, 'terms_locked');
    const settings = await api('/v1/merchant/settings', {
      method: 'PATCH',
      token: memberToken,
      body: { termsPolicy: 'flexible' },
      expect: 403,
    });
    assert.equal(settings.error.code, 'admin_required');

    // An admin may: offer terms from the console.
    const admin = await openConsole();
    try {
      await signIn(admin.page, ADMIN);
      await go(admin.page, `#/contacts/${state.verified.id}`, 'Delta Metalworks Inc');
      await admin.page.locator('#offer-terms').click();
      await admin.page.locator('#offer-limit').fill('5,000.00');
      await admin.page.getByRole('button', { name: 'Send offer' }).click();
      await admin.page.locator('cc-console-contact .success', { hasText: 'Offer sent: Net 30, $5,000.00.' }).waitFor();
    } finally {
      await admin.context.close();
    }
  });
}
