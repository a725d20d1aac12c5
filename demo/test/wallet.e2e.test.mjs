import { tmpdir } from 'node:os';
// End-to-end test of the dispute flow on the demo site, as a customer lives it: the seeded
// notices arrive in the demo mailbox (/mailbox); the customer follows the wallet link of an
// invoice notice into /account, approves and partly pays the payment request (the minimum
// enforced), pays an invoice, disputes part of another in <cc-dispute-form> by keyboard and
// sees it Disputed; the merchant's email arrives; the merchant resolves the dispute over the
// API and the customer's notice arrives. Each step is axe-checked; the screenshots are the
// ones of docs/dispute-flow.md.
//
// The built backend (embedded PostgreSQL, CC_SEED_DEMO=1, no SMTP_URL: the dev mailbox) and
// Debian's Chromium; nothing is mocked. Needs backend/dist and sdk/elements/dist.
// Run: node --test demo/test/wallet.e2e.test.mjs

import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  ADMIN,
  ROOT,
  assertAxeClean,
  assertNoProblems,
  focused,
  openPage,
  settledStatuses,
  startSite,
} from './support/site.mjs';

const CUSTOMER = 'ap@harbor-fab.example';
const MERCHANT_INBOX = 'admin@northwind.example';
// Screenshots go to docs/images only when asked (CC_DOCS_SCREENSHOTS=1), so a test run leaves the tree clean.
const IMAGES = process.env.CC_DOCS_SCREENSHOTS ? join(ROOT, 'docs', 'images') : join(tmpdir(), 'cc-screenshots');
const EXPLANATION = 'Two of the twelve cartons arrived crushed; the fasteners inside are bent and unusable.';

let site;

before(
  async () => {
    site = await startSite();
    await mkdir(IMAGES, { recursive: true });
  },
  { timeout: 90_000 },
);

after(async () => {
  await site?.stop();
});

async function api(path, { method = 'GET', token, body } = {}) {
  const res = await fetch(`${site.baseUrl}${path}`, {
    method,
    headers: {
      ...(body ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  assert.ok(res.ok, `${method} ${path}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

/** Runs the worker until the mailbox holds a notice to `to` whose subject matches. */
async function waitForMail(to, subject, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await api('/dev/jobs/run', { method: 'POST' });
    const { data } = await api(`/dev/mailbox?to=${encodeURIComponent(to)}`);
    const found = data.find((m) => subject.test(m.subject));
    if (found) return found;
    if (Date.now() > deadline)
      assert.fail(`no mail to ${to} matching ${subject}; the mailbox holds: ${data.map((m) => m.subject).join(' | ')}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The mailbox page's articles for one recipient: subject and the wallet link's href. */
function mailboxEntries(page, to) {
  return page.$$eval(`#mailbox-list article[data-to="${to}"]`, (articles) =>
    articles.map((a) => ({
      subject: a.querySelector('h3').textContent,
      text: a.querySelector('.mail-body').textContent,
      link: a.querySelector('a.wallet-link')?.getAttribute('href') ?? null,
    })),
  );
}

async function refreshMailbox(page) {
  await page.click('#mailbox-refresh');
  await page.waitForFunction(() => document.getElementById('mailbox-status').dataset.state === 'ready', null, {
    timeout: 20_000,
  });
}

const shot = (target, name) => target.screenshot({ path: join(IMAGES, `wallet-${name}.png`), animations: 'disabled' });
/** The mailbox's Notices section, its first ~1000 px (the newest notices). */
async function shotMailbox(page, name) {
  const box = await page.locator('section[aria-labelledby="mailbox-title"]').boundingBox();
  await page.screenshot({
    path: join(IMAGES, `wallet-${name}.png`),
    animations: 'disabled',
    fullPage: true,
    clip: { x: box.x - 16, y: box.y - 16, width: box.width + 32, height: Math.min(box.height + 32, 1000) },
  });
}

const invoiceRow = (page, number) =>
  page.locator('cc-wallet tr[part="row"]', { has: page.locator('th', { hasText: number }) });
const rowStatus = (page, number) => invoiceRow(page, number).locator('td').nth(2).innerText();

describe('the dispute flow on the demo site', () => {
  test(
    'mailbox → wallet link → pay, partial payment at the minimum, dispute → merchant email → resolved notice',
    { timeout: 180_000 },
    async () => {
      const started = Date.now();
      // The merchant keys in one more invoice from its invoicing software (the API); the worker
      // sends its notice with the seeded ones. When the worker runs, the seeded overdue NW-10231
      // is charged to the card on file (an authorized contact pays automatically when due).
      const { token } = await api('/v1/auth/login', { method: 'POST', body: ADMIN });
      const contact = (await api(`/v1/contacts?q=${encodeURIComponent(CUSTOMER)}`, { token })).data.find(
        (c) => c.email === CUSTOMER,
      );
      await api('/v1/invoices', {
        method: 'POST',
        token,
        body: { contactId: contact.id, number: 'NW-10301', amount: 96_000, description: 'Grade 8 hex bolts, 3 cases' },
      });
      await waitForMail(CUSTOMER, /^Invoice NW-10301 from Northwind/);
      await waitForMail(CUSTOMER, /asks you to approve a payment/);
      await waitForMail(CUSTOMER, /^Receipt: 1,842\.50 USD paid to Northwind/);

      // 1. The demo mailbox, filtered to the customer.
      const mailbox = await openPage(site, `/mailbox?to=${encodeURIComponent(CUSTOMER)}`);
      const { page: mailPage } = mailbox;
      try {
        await settledStatuses(mailPage);
        await mailPage.waitForFunction(() => document.getElementById('mailbox-status').dataset.state === 'ready');
        assert.equal(await mailPage.locator('.site-nav a[aria-current="page"]').getAttribute('href'), '/mailbox');
        assert.equal(await mailPage.inputValue('#mailbox-to'), CUSTOMER);
        const entries = await mailboxEntries(mailPage, CUSTOMER);
        assert.equal(
          await mailPage.locator('#mailbox-list article').count(),
          entries.length,
          'only the customer’s notices',
        );
        const invoiceNotice = entries.find((e) => /^Invoice NW-\d+ from Northwind Industrial Supply$/.test(e.subject));
        assert.ok(invoiceNotice, `an invoice notice in ${JSON.stringify(entries.map((e) => e.subject))}`);
        assert.match(invoiceNotice.link, new RegExp(`^${site.baseUrl}/account#cc_token=wl_`));
        assert.match(invoiceNotice.text, /View and pay the invoice: http/);
        // The body is text: the mail's HTML is never put into the page.
        assert.equal(await mailPage.locator('#mailbox-list article >> nth=0').locator('p, style, img').count(), 0);
        await assertNoProblems(mailPage, mailbox.problems);
        await assertAxeClean(mailPage, 'on /mailbox');
        await shotMailbox(mailPage, 'mailbox');

        // 2. Follow the newest invoice notice's link (a click, in the same tab).
        await Promise.all([
          mailPage.waitForURL(/\/account/),
          mailPage.locator('#mailbox-list a.wallet-link').first().click(),
        ]);
        const page = mailPage;
        await page.waitForFunction(() => !location.href.includes('cc_token'), null, { timeout: 20_000 });
        assert.equal(new URL(page.url()).pathname, '/account');
        assert.equal(new URL(page.url()).search, '', 'the token left the address bar');
        await invoiceRow(page, 'NW-10231').waitFor({ timeout: 20_000 });
        assert.match(await rowStatus(page, 'NW-10231'), /Paid/, 'the overdue invoice, charged automatically');
        assert.match(await rowStatus(page, 'NW-10190'), /Paid/);
        assert.match(await rowStatus(page, 'NW-10288'), /Open/);
        assert.match(await rowStatus(page, 'NW-10301'), /Open/);
        assert.equal(await page.evaluate(() => Object.keys(localStorage).length), 0, 'nothing in localStorage');
        assert.ok(
          await page.evaluate(() => Object.keys(sessionStorage).length > 0),
          'the session is in sessionStorage',
        );
        await assertNoProblems(page, mailbox.problems);
        await assertAxeClean(page, 'on /account with the wallet');
        await shot(page, 'wallet');

        // 3. The payment request: less than the 25% minimum is refused, the minimum is taken.
        const review = page.getByRole('button', { name: /^Review the payment request for \$2,500\.00$/ });
        await review.click();
        const request = page.locator('cc-payment-request');
        await request.locator('#request-amount').waitFor();
        const amountField = request.locator('#request-amount');
        assert.match(
          await request.locator('form').innerText(),
          /At least \$625\.00 with this payment method, up to \$2,500\.00\./,
        );
        await amountField.fill('600.00');
        await request.locator('button[type="submit"]').click();
        await request.locator('#request-amount-error').waitFor();
        assert.match(await request.locator('#request-amount-error').innerText(), /\$625\.00/);
        assert.equal(await request.locator('#request-outcome').count(), 0, 'nothing was paid');
        await assertAxeClean(page, 'with the payment request refusing less than the minimum');
        await amountField.fill('625.00');
        assert.equal((await request.locator('button[type="submit"]').innerText()).trim(), 'Approve and pay $625.00');
        await request.locator('button[type="submit"]').click();
        await request.locator('#request-outcome').waitFor({ timeout: 20_000 });
        await page.waitForFunction(
          () => {
            const wallet = document.querySelector('cc-wallet');
            return [...wallet.shadowRoot.querySelectorAll('section[aria-labelledby="requests-title"] .badge')].some(
              (b) => b.textContent.trim() === 'Partially paid',
            );
          },
          null,
          { timeout: 20_000 },
        );
        await assertAxeClean(page, 'after the partial payment');

        // 4. Pay the open invoice in full.
        await page.getByRole('button', { name: 'Pay invoice NW-10288' }).click();
        const payButton = page.locator('cc-wallet form button[type="submit"]', { hasText: 'Pay $726.00' });
        await payButton.click();
        await page.waitForFunction(
          () => {
            const row = [...document.querySelector('cc-wallet').shadowRoot.querySelectorAll('tr[part="row"]')].find(
              (r) => r.querySelector('th')?.textContent.includes('NW-10288'),
            );
            return row?.textContent.includes('Paid');
          },
          null,
          { timeout: 20_000 },
        );
        await assertAxeClean(page, 'after paying NW-10288');

        // 5. Dispute part of the new invoice, by keyboard.
        await page.getByRole('button', { name: 'Pay invoice NW-10301' }).focus();
        await page.keyboard.press('Tab');
        assert.equal((await focused(page)).text, 'Dispute');
        await page.keyboard.press('Enter');
        const form = page.locator('cc-dispute-form');
        await form.locator('#dispute-explanation').waitFor();
        await page.waitForFunction(() => {
          let el = document.activeElement;
          while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
          return el?.id === 'dispute-explanation';
        });
        await page.keyboard.type(EXPLANATION);
        assert.equal(await form.locator('label[for="dispute-invoice-amount"]').innerText(), 'Invoice Amount');
        assert.equal(await form.locator('#dispute-invoice-amount').inputValue(), '$960.00');
        await page.keyboard.press('Tab'); // Invoice Amount (read only)
        assert.equal((await focused(page)).id, 'dispute-invoice-amount');
        await page.keyboard.press('Tab');
        assert.equal((await focused(page)).id, 'dispute-amount');
        assert.match(await form.locator('label[for="dispute-amount"]').innerText(), /^Dispute Amount/);
        await page.keyboard.type('400.00');
        await assertAxeClean(page, 'with the dispute form filled in');
        await shot(page.locator('cc-wallet'), 'dispute-form');
        await page.keyboard.press('Tab');
        assert.equal((await focused(page)).text, 'Save');
        await page.keyboard.press('Enter');
        await form.locator('#dispute-status', { hasText: 'Disputed' }).waitFor({ timeout: 20_000 });
        await page.waitForFunction(
          () => {
            const row = [...document.querySelector('cc-wallet').shadowRoot.querySelectorAll('tr[part="row"]')].find(
              (r) => r.querySelector('th')?.textContent.includes('NW-10301'),
            );
            return row?.textContent.includes('Disputed');
          },
          null,
          { timeout: 20_000 },
        );
        await assertNoProblems(page, mailbox.problems);
        await assertAxeClean(page, 'with the invoice Disputed');
        await shot(page.locator('cc-wallet'), 'disputed');

        // 6. The merchant's email arrives in the mailbox.
        await page.goto(`${site.baseUrl}/mailbox?to=${encodeURIComponent(MERCHANT_INBOX)}`);
        await page.waitForFunction(() => document.getElementById('mailbox-status').dataset.state === 'ready');
        let merchantMail;
        for (let i = 0; i < 40 && !merchantMail; i++) {
          await refreshMailbox(page);
          merchantMail = (await mailboxEntries(page, MERCHANT_INBOX)).find(
            (e) => e.subject === 'Dispute opened: invoice NW-10301 (Harbor Fabrication Co.)',
          );
        }
        assert.ok(merchantMail, 'the merchant was emailed');
        assert.match(merchantMail.text, /Disputed amount: 400\.00 USD/);
        assert.match(merchantMail.text, /Invoice balance: 960\.00 USD/);
        assert.ok(merchantMail.text.includes(`Their explanation: ${EXPLANATION}`));
        await assertAxeClean(page, 'on /mailbox with the merchant’s email');
        await shotMailbox(page, 'merchant-email');

        // 7. The merchant resolves it over the API with a credit; the customer is told.
        const disputes = await api('/v1/disputes', { token });
        const dispute = disputes.data.find((d) => d.status === 'open' || d.outcome === null);
        assert.ok(dispute, `an open dispute in ${JSON.stringify(disputes.data)}`);
        assert.equal(dispute.amount, 40_000);
        await api(`/v1/disputes/${dispute.id}/resolve`, { method: 'POST', token, body: { outcome: 'credit' } });
        await page.selectOption('#mailbox-to', CUSTOMER);
        let resolved;
        for (let i = 0; i < 40 && !resolved; i++) {
          await refreshMailbox(page);
          resolved = (await mailboxEntries(page, CUSTOMER)).find(
            (e) => e.subject === 'Your dispute of invoice NW-10301 was resolved',
          );
        }
        assert.ok(resolved, 'the customer was told');
        assert.match(resolved.text, /credited 400\.00 USD to invoice NW-10301/);
        assert.match(resolved.link, /\/account#cc_token=wl_/);
        const raw = (await api(`/dev/mailbox?to=${encodeURIComponent(CUSTOMER)}`)).data.find(
          (m) => m.subject === resolved.subject,
        );
        assert.match(raw.replyTo ?? '', /@northwind\.example/, "Reply-To: the merchant's notificationEmail");
        assert.match(raw.from, /Northwind Industrial Supply via CustomerConnect/);
        assert.equal(new URL(page.url()).searchParams.get('to'), CUSTOMER);

        // 8. Back to /account without a link: the tab's session is kept (sessionStorage).
        await page.goto(`${site.baseUrl}/account`);
        await invoiceRow(page, 'NW-10301').waitFor({ timeout: 20_000 });
        assert.match(await rowStatus(page, 'NW-10301'), /Open|Partially paid/, 'the credit ended the dispute');
        assert.equal(await invoiceRow(page, 'NW-10301').locator('td').first().innerText(), '$560.00');
        await page.reload();
        await invoiceRow(page, 'NW-10301').waitFor({ timeout: 20_000 });
        await assertNoProblems(page, mailbox.problems);
        await assertAxeClean(page, 'on /account after a reload');
        console.log(`# the flow took ${((Date.now() - started) / 1000).toFixed(1)} s`);
      } finally {
        await mailbox.context.close();
      }
    },
  );

  test('/account without a link says how to get one and links the mailbox', async () => {
    const { context, page, problems } = await openPage(site, '/account');
    try {
      await settledStatuses(page);
      assert.match(
        await page.locator('.page-title').innerText(),
        /Open the link in any notice from us to see your account/,
      );
      assert.equal(await page.locator('.page-title a[href^="/mailbox"]').innerText(), 'demo mailbox');
      await page
        .locator('cc-wallet')
        .getByText(/Open the link in your latest email from Northwind/)
        .waitFor({ timeout: 20_000 });
      await assertNoProblems(page, problems);
      await assertAxeClean(page, 'on /account without a link');
    } finally {
      await context.close();
    }
  });
});
