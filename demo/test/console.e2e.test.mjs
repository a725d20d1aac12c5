// End-to-end test of the merchant console (/dashboard) on the REAL backend: the built backend
// (embedded PostgreSQL, seeded demo merchant) serves dashboard.html and sdk/console/dist/cc-console.js;
// Debian's Chromium drives it under the page CSP. Each page gets an axe check, and the
// screenshots of docs/merchant-guide.md are taken here (docs/images/console-*.png).
//
// Needs `backend/dist`, `sdk/elements/dist` and `sdk/console/dist`. Run: node --test demo/test/console.e2e.test.mjs

import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import { ADMIN, ROOT, startSite } from './support/site.mjs';

const CONSOLE_BUNDLE = join(ROOT, 'sdk', 'console', 'dist', 'cc-console.js');
// Screenshots go to docs/images only when asked (CC_DOCS_SCREENSHOTS=1), so a test run leaves the tree clean.
const IMAGES = process.env.CC_DOCS_SCREENSHOTS ? join(ROOT, 'docs', 'images') : join(tmpdir(), 'cc-screenshots');
const MEMBER = { name: 'Morgan Member', email: 'morgan@northwind.example', password: 'member-pass-2026' };
const INVOICE_NUMBER = 'INV-E2E-1001';

/** The backend (embedded database, seeded demo merchant) and Chromium: test/support/site.mjs. */
let site;
let baseUrl;
let browser;
/** Shared across the steps, which run in order. */
const state = {};

/** The API as a merchant's server (or the test) calls it. */
async function api(path, { method = 'GET', token, body, expect } = {}) {
  const headers = { Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method === 'POST') headers['Idempotency-Key'] = crypto.randomUUID();
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json().catch(() => null);
  if (expect !== undefined) assert.equal(res.status, expect, `${method} ${path}: ${JSON.stringify(json)}`);
  else assert.ok(res.ok, `${method} ${path} answered ${res.status}: ${JSON.stringify(json)}`);
  return json;
}

const login = async (who) =>
  (await api('/v1/auth/login', { method: 'POST', body: { email: who.email, password: who.password } })).token;

/** A customer session for a contact, from the newest wallet link emailed to it (what the wallet does with cc_token). */
async function customerSession(email) {
  await api('/dev/jobs/run', { method: 'POST' });
  const mail = (await api(`/dev/mailbox?to=${encodeURIComponent(email)}`)).data;
  const linkToken = mail.map((m) => /cc_token=([A-Za-z0-9_-]+)/.exec(m.text)?.[1]).find(Boolean);
  assert.ok(linkToken, `a wallet link was emailed to ${email}`);
  return (await api('/v1/customer/sessions', { method: 'POST', body: { linkToken } })).token;
}

/** The customer's wallet on the demo site (/account, the merchant's walletUrl), opened from the newest emailed link. */
async function openWallet(email) {
  await api('/dev/jobs/run', { method: 'POST' });
  const mail = (await api(`/dev/mailbox?to=${encodeURIComponent(email)}`)).data;
  const link = mail.map((m) => /https?:\/\/\S+cc_token=[A-Za-z0-9_-]+/.exec(m.text)?.[0]).find(Boolean);
  assert.ok(link, `a wallet link was emailed to ${email}`);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(link, { waitUntil: 'load' });
  await page.waitForFunction(() => !location.href.includes('cc_token'), null, { timeout: 20_000 });
  return { context, page };
}

const walletRow = (page, number) =>
  page.locator('cc-wallet tr[part="row"]', { has: page.locator('th', { hasText: number }) });

/** A fresh context and page (@axe-core/playwright needs pages made by context.newPage()), recording problems. */
async function openConsole({ viewport = { width: 1280, height: 900 } } = {}) {
  const context = await browser.newContext({ viewport });
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'}`),
    );
  });
  const page = await context.newPage();
  const problems = { console: [] };
  page.on('console', (msg) => msg.type() === 'error' && problems.console.push(msg.text()));
  page.on('pageerror', (err) => problems.console.push(`uncaught: ${err.message}`));
  await page.goto(`${baseUrl}/dashboard`, { waitUntil: 'load' });
  await page.locator('cc-console-sign-in h1').waitFor();
  return { context, page, problems };
}

async function signIn(page, who, landing = 'cc-console-overview h1') {
  await page.locator('#email').fill(who.email);
  await page.locator('#password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator(landing).waitFor();
}

/** The focused element, through every shadow root: `tag#id:text`. */
const focused = (page) =>
  page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el ? `${el.tagName.toLowerCase()}#${el.id}:${el.textContent.trim()}` : '';
  });

async function go(page, hash, heading) {
  await page.evaluate((h) => (location.hash = h), hash);
  await page.locator('main h1', { hasText: heading }).first().waitFor();
}

async function settle(page) {
  await page.waitForFunction(
    () => {
      const walk = (root) =>
        [...root.querySelectorAll('*')].flatMap((el) => (el.shadowRoot ? [el, ...walk(el.shadowRoot)] : [el]));
      return !walk(document).some((el) => el.matches?.('.loading, [aria-busy="true"]'));
    },
    null,
    { timeout: 15_000 },
  );
}

async function expectNoAxeViolations(page, label) {
  await settle(page);
  const axe = await new AxeBuilder({ page }).analyze();
  const violations = axe.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`,
  );
  assert.deepEqual(violations, [], `axe violations on ${label}`);
}

async function shot(page, name) {
  await settle(page);
  mkdirSync(IMAGES, { recursive: true });
  await page.screenshot({ path: join(IMAGES, `console-${name}.png`), fullPage: true });
}

async function expectClean(page, problems) {
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], 'CSP violations');
  const unexpected = problems.console.filter(
    (t) => !/status of (401|403|404|409|422)/.test(t) && !/Lit is in dev mode/.test(t),
  );
  assert.deepEqual(unexpected, [], 'console errors');
}

before(
  async () => {
    assert.ok(existsSync(CONSOLE_BUNDLE), `${CONSOLE_BUNDLE} is missing: npm run build -w @customerconnect/sdk`);
    site = await startSite();
    baseUrl = site.baseUrl;
    browser = site.browser;
    state.adminToken = await login(ADMIN);
    const contacts = (await api('/v1/contacts?limit=100', { token: state.adminToken })).data;
    state.acme = contacts.find((c) => c.companyName === 'Acme Fabrication LLC');
    assert.ok(state.acme, 'the seeded contact Acme Fabrication LLC');
  },
  { timeout: 150_000 },
);

after(async () => {
  await site?.stop();
});

describe('merchant console on the real backend', { concurrency: false }, () => {
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

  test('embed: the snippet has the evergreen SDK (or the pinned one with its integrity) and the publishable key; theme controls; live preview', async () => {
    const { context, page, problems } = await openConsole();
    try {
      await signIn(page, ADMIN);
      await go(page, '#/embed', 'Embed the widgets');
      const manifest = await api('/sdk/manifest.json');
      const keys = (await api('/v1/api-keys', { token: state.adminToken })).data;
      const pk = keys.find((k) => k.kind === 'publishable').publishableKey;
      const snippet = page.locator('#snippet');
      await snippet.waitFor();
      let text = await snippet.textContent();
      assert.ok(text.includes(`<script type="module" src="${baseUrl}/sdk/v1/cc-sdk.js"></script>`), text);
      await page.locator('#embed-script').selectOption('pinned');
      text = await snippet.textContent();
      assert.ok(
        text.includes(
          `<script type="module" src="${baseUrl}/sdk/${manifest.version}/cc-sdk.js" integrity="${manifest.integrity}" crossorigin="anonymous"></script>`,
        ),
        text,
      );
      assert.ok(text.includes(`<cc-provider publishable-key="${pk}">`), text);
      assert.ok(text.includes('<cc-credit-app mode="credit_check"></cc-credit-app>'), text);
      await page.locator('#embed-preset').selectOption('dark');
      await page.locator('#embed-radius').selectOption('16px');
      await page.locator('#embed-element').selectOption('credit-app-terms');
      text = await snippet.textContent();
      assert.match(text, /--cc-radius: 16px;/);
      assert.match(text, /--cc-color-primary: #0b5cad;/, 'the merchant theme hint is the starting colour');
      assert.ok(text.includes(`<cc-provider publishable-key="${pk}" theme="dark">`));
      assert.ok(text.includes('mode="credit_check_with_terms"'));
      // The live preview: the real SDK from its hashed URL, themed.
      await page.locator('cc-console-embed cc-provider[data-preview] cc-credit-app').waitFor();
      await page.waitForFunction(() => {
        const embed = document.querySelector('cc-merchant-console').shadowRoot.querySelector('cc-console-embed');
        const provider = embed.shadowRoot.querySelector('cc-provider[data-preview]');
        return provider?.getAttribute('theme') === 'dark' && provider.style.getPropertyValue('--cc-radius') === '16px';
      });
      await page.locator('cc-console-embed cc-credit-app input').first().waitFor();
      await expectNoAxeViolations(page, 'embed');
      await shot(page, 'embed');
      await expectClean(page, problems);
    } finally {
      await context.close();
    }
  });

  test('on a phone: the menu opens and closes, pages fit, axe', async () => {
    const { context, page, problems } = await openConsole({ viewport: { width: 390, height: 844 } });
    try {
      await signIn(page, ADMIN);
      const menu = page.getByRole('button', { name: 'Menu' });
      assert.equal(await menu.getAttribute('aria-expanded'), 'false');
      assert.equal(await page.getByRole('link', { name: 'Invoices', exact: true }).isVisible(), false);
      await menu.click();
      assert.equal(await menu.getAttribute('aria-expanded'), 'true');
      await expectNoAxeViolations(page, 'phone menu');
      await shot(page, 'phone-menu');
      await page.getByRole('link', { name: 'Invoices' }).click();
      await page.locator('cc-console-invoices h1').waitFor();
      assert.equal(await menu.getAttribute('aria-expanded'), 'false');
      await settle(page); // measure the page once its list has loaded, not a frame in between
      const { overflow, widest } = await page.evaluate(() => {
        // The widest element, looking through shadow roots, to say what overflows if anything does.
        let widest = '';
        let max = window.innerWidth;
        const walk = (root) => {
          for (const el of root.querySelectorAll('*')) {
            const right = el.getBoundingClientRect().right;
            if (right > max) {
              max = right;
              widest = `${el.localName}.${el.className}`;
            }
            if (el.shadowRoot) walk(el.shadowRoot);
          }
        };
        walk(document);
        return { overflow: document.documentElement.scrollWidth - window.innerWidth, widest };
      });
      assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px (widest: ${widest})`);
      await expectNoAxeViolations(page, 'invoices on a phone');
      await shot(page, 'phone-invoices');
      await expectClean(page, problems);
    } finally {
      await context.close();
    }
  });

  test('in Spanish and French (the browser language), on a phone: every page speaks it and fits', async () => {
    const headings = {
      'es-ES': {
        '#/overview': 'Resumen',
        '#/invoices': 'Facturas',
        '#/payment-requests': 'Solicitudes de pago',
        '#/settings': 'Ajustes de la empresa',
        '#/embed': 'Integrar los widgets',
      },
      'fr-FR': {
        '#/overview': 'Vue d’ensemble',
        '#/invoices': 'Factures',
        '#/payment-requests': 'Demandes de paiement',
        '#/settings': 'Paramètres de l’entreprise',
        '#/embed': 'Intégrer les widgets',
      },
    };
    const pages = [
      '#/overview',
      '#/contacts',
      '#/invoices',
      '#/invoices/new',
      '#/invoices/import',
      '#/payment-requests',
      '#/disputes',
      '#/settings',
      '#/settings/users',
      '#/settings/api-keys',
      '#/settings/webhooks',
      '#/embed',
    ];
    for (const [locale, expected] of Object.entries(headings)) {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale });
      await context.addInitScript(() => {
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', (e) =>
          window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'}`),
        );
      });
      const page = await context.newPage();
      try {
        await page.goto(`${baseUrl}/dashboard`, { waitUntil: 'load' });
        await page.locator('cc-console-sign-in h1').waitFor();
        assert.equal(await page.locator('cc-merchant-console').getAttribute('lang'), locale.slice(0, 2));
        await page.locator('#email').fill(ADMIN.email);
        await page.locator('#password').fill(ADMIN.password);
        await page.locator('cc-console-sign-in form button.primary').first().click(); // its name is in the language too
        await page.locator('cc-console-overview h1').waitFor();
        for (const hash of pages) {
          await page.evaluate((h) => (location.hash = h), hash);
          await settle(page);
          const heading = await page.evaluate(() =>
            document
              .querySelector('cc-merchant-console')
              .shadowRoot.querySelector('[data-page]')
              ?.shadowRoot?.querySelector('h1')
              ?.textContent.trim(),
          );
          if (expected[hash]) assert.equal(heading, expected[hash], `${locale} ${hash}`);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          assert.ok(overflow <= 0, `${locale} ${hash}: the page scrolls sideways by ${overflow}px`);
        }
        await expectNoAxeViolations(page, `the embed page in ${locale} on a phone`);
      } finally {
        await context.close();
      }
    }
  });

  test('keyboard: the skip button and the nav reach the pages; focus moves to the page heading', async () => {
    const { context, page } = await openConsole();
    try {
      await signIn(page, ADMIN);
      assert.equal(await focused(page), 'h1#:Overview', 'focus on the page heading after signing in');
      await page.evaluate(() => {
        document.body.tabIndex = -1; // start the Tab sequence from the top of the page
        document.body.focus();
      });
      await page.keyboard.press('Tab');
      assert.equal(await focused(page), 'button#:Skip to main content');
      await page.keyboard.press('Enter');
      assert.equal(await focused(page).then((f) => f.split(':')[0]), 'main#main');
      await page.getByRole('link', { name: 'Disputes' }).focus();
      await page.keyboard.press('Enter');
      await page.locator('cc-console-disputes h1').waitFor();
      await page.waitForFunction(
        () => document.activeElement?.shadowRoot?.activeElement?.shadowRoot?.activeElement?.tagName === 'H1',
      );
      assert.equal(await focused(page), 'h1#:Disputes');
    } finally {
      await context.close();
    }
  });

  test('an expired session says so and asks to sign in again; sign-out ends the session', async () => {
    const { context, page } = await openConsole();
    try {
      await signIn(page, ADMIN);
      await api('/dev/clock', { method: 'POST', body: { advance: 'PT13H' } }); // dashboard sessions last 12 hours
      await page.getByRole('link', { name: 'Contacts' }).click();
      await page
        .locator('cc-console-sign-in [role="alert"]', { hasText: 'Your session has expired, please sign in again.' })
        .waitFor();
      await expectNoAxeViolations(page, 'session expired');
      await shot(page, 'session-expired');
      await signIn(page, ADMIN, 'cc-console-contacts h1'); // back where they were
      const token = await page.evaluate(
        () =>
          document.querySelector('cc-merchant-console').shadowRoot.querySelector('cc-console-contacts').ctx.api.client
            .sessionToken,
      );
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.locator('cc-console-sign-in', { hasText: 'You have signed out.' }).waitFor();
      await page.waitForTimeout(200);
      const refused = await api('/v1/merchant', { token, expect: 401 });
      assert.equal(refused.error.code, 'invalid_credentials');
      // Nothing of the session is kept in storage.
      assert.deepEqual(await page.evaluate(() => [localStorage.length, sessionStorage.length]), [0, 0]);
    } finally {
      await context.close();
    }
  });
});
