// End-to-end test of the credit application on the demo site, as a visitor uses it: by
// keyboard only, on the real backend and the built SDK in Chromium, with axe at every step
// and no console errors or CSP violations. Then, over the API, what the merchant sees.
//
// Needs `backend/dist`, `sdk/elements/dist` and the React host bundle (nx builds them first).
// Run: npx nx run @customerconnect/demo:test, or npm test -w @customerconnect/demo

import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import {
  MERCHANT,
  assertAxeClean,
  assertNoProblems,
  focused,
  merchantGet,
  openPage,
  settledStatuses,
  startSite,
  tabTo,
} from './support/site.mjs';

const APPROVED_TAX_ID = '12-3456789'; // the built-in bureau's test id: always 82
const DECLINED_TAX_ID = '98-7654321'; // always 31
const RUN = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
/** A new applicant email per run and per flow: a known email gets its decision by email instead. */
const applicantEmail = (flow) => `dana.whitfield+${flow}-${RUN}@harborfab.example`;

let site;

before(
  async () => {
    site = await startSite();
  },
  { timeout: 90_000 },
);

after(async () => {
  await site?.stop();
});

/** Waits until the focused element (through shadow roots) has `id`, and returns it. */
async function waitForFocus(page, id, timeout = 20_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const now = await focused(page);
    if (now.id === id) return now;
    if (Date.now() > deadline) assert.fail(`#${id} never got focus (focus is on ${JSON.stringify(now)})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Tabs to a field and types into it. */
async function typeInto(page, id, text) {
  await tabTo(page, id);
  await page.keyboard.type(text);
}

const textOf = (page, selector) =>
  page
    .locator(selector)
    .first()
    .evaluate((el) => el.textContent.replace(/\s+/g, ' ').trim());
const events = (page) => page.evaluate(() => window.__ccEvents.filter((e) => e.type !== 'cc-ready'));

/**
 * Fills the three steps of the `<cc-credit-app>` on the page by keyboard and submits; checks
 * the first-error focus, each step's heading focus, and axe on every step. Returns when the
 * decision heading has focus.
 */
async function completeApplication(page, { taxId, email, where }) {
  await page.locator('cc-credit-app #legalName').waitFor();

  // Step 1, sent empty: every required field is flagged and focus goes to the first.
  await tabTo(page, 'legalName');
  await page.keyboard.press('Enter');
  await waitForFocus(page, 'legalName');
  assert.equal(await page.locator('cc-credit-app #legalName').getAttribute('aria-invalid'), 'true');
  assert.match(
    await textOf(page, 'cc-credit-app .sr-only[role="status"]'),
    /^There are \d+ problems to fix\. Legal business name: this field is required\./,
  );
  await assertAxeClean(page, `${where}, step 1 with errors`);

  await page.keyboard.type('Harbor Fabrication Works LLC');
  await typeInto(page, 'taxId', taxId);
  await typeInto(page, 'line1', '200 Dock Street');
  await typeInto(page, 'city', 'Tacoma');
  await typeInto(page, 'region', 'WA');
  await typeInto(page, 'postalCode', '98421');
  await tabTo(page, 'country');
  assert.equal(await page.locator('cc-credit-app #country').inputValue(), 'US', 'preselected from the locale');
  await typeInto(page, 'yearsInBusiness', '12');
  await typeInto(page, 'annualRevenue', '2,500,000');
  await page.keyboard.press('Enter');

  // Step 2.
  assert.equal((await waitForFocus(page, 'step-title')).text, 'About you');
  assert.equal(await textOf(page, 'cc-credit-app .progress'), 'Step 2 of 3');
  await assertAxeClean(page, `${where}, step 2`);
  await typeInto(page, 'applicantName', 'Dana Whitfield');
  await typeInto(page, 'email', email);
  await page.keyboard.press('Enter');

  // Step 3.
  assert.equal((await waitForFocus(page, 'step-title')).text, 'Consent and signature');
  await assertAxeClean(page, `${where}, step 3`);
  await tabTo(page, 'consentAgreed');
  await page.keyboard.press('Space');
  await typeInto(page, 'consentName', 'Dana Whitfield');
  await page.keyboard.press('Enter');

  return waitForFocus(page, 'decision-title');
}

/** Types a signature into the inline offer and accepts it by keyboard; returns the outcome text. */
async function acceptOffer(page) {
  await typeInto(page, 'offer-signature', 'Dana Whitfield');
  await page.keyboard.press('Enter');
  return (await waitForFocus(page, 'offer-outcome')).text;
}

describe('credit applications on the demo site', () => {
  test('/apply: a visitor applies by keyboard, is approved, accepts the terms inline; the merchant sees the contact as authorized', async () => {
    const email = applicantEmail('apply');
    const { context, page, problems } = await openPage(site, '/apply');
    try {
      await settledStatuses(page);
      await assertAxeClean(page, 'on /apply before starting');

      const decision = await completeApplication(page, { taxId: APPROVED_TAX_ID, email, where: 'on /apply' });
      assert.equal(decision.text, `You're approved for trade credit with ${MERCHANT}`);
      assert.match(
        await textOf(page, 'cc-credit-app .decision'),
        /Your business passed the credit check\. Review your payment terms below/,
      );

      // The offer, inline: the demo merchant's default terms.
      assert.equal(await textOf(page, 'cc-credit-app #offer-title'), `Your payment terms with ${MERCHANT}`);
      const terms = await textOf(page, 'cc-credit-app dl.terms');
      assert.match(terms, /Net 30: pay each invoice within 30 days of its issue date/);
      assert.equal(await textOf(page, 'cc-credit-app dl.terms [part="amount"]'), '$10,000.00');

      // What the host page received, and what demo.js shows of it.
      const [beforeSubmit, decided] = await events(page);
      assert.equal(beforeSubmit.type, 'cc-before-submit');
      assert.equal(beforeSubmit.detail.body.mode, 'credit_check_with_terms');
      assert.equal(decided.type, 'cc-credit-decision');
      assert.equal(decided.detail.status, 'approved');
      const { contactId, applicationId } = decided.detail;
      assert.match(contactId, /\S/);
      assert.match(applicationId, /\S/);
      const log = page.locator('#cc-event-log');
      await log.getByText(`Decision: approved for ${contactId}`).waitFor();
      assert.equal(await log.getAttribute('role'), 'log');
      await assertAxeClean(page, 'on /apply with the decision and the offer');

      const outcome = await acceptOffer(page);
      assert.equal(outcome, `You've accepted net 30 terms with ${MERCHANT}, with a credit limit of $10,000.00.`);
      const accepted = (await events(page)).find((e) => e.type === 'cc-terms-accepted');
      assert.ok(accepted, 'cc-terms-accepted fired');
      assert.equal(accepted.detail.contactId, contactId);
      await log.getByText('Terms accepted (offer ').waitFor();
      assert.deepEqual(await log.locator('p').evaluateAll((lines) => lines.map((p) => p.dataset.event)), [
        'cc-before-submit',
        'cc-credit-decision',
        'cc-terms-accepted',
      ]);
      await assertAxeClean(page, 'on /apply after accepting the terms');
      await assertNoProblems(page, problems);

      // The merchant, signed in over the API, finds the new customer authorized.
      const contacts = await merchantGet(site, `/v1/contacts?q=${encodeURIComponent(email)}`);
      assert.equal(contacts.data.length, 1);
      const [contact] = contacts.data;
      assert.equal(contact.id, contactId);
      assert.equal(contact.email, email);
      assert.equal(contact.status, 'authorized');
    } finally {
      await context.close();
    }
  });

  test('/credit-check: a declined applicant reads the decision in plain words, with no offer', async () => {
    const email = applicantEmail('check');
    const { context, page, problems } = await openPage(site, '/credit-check');
    try {
      await settledStatuses(page);
      const decision = await completeApplication(page, { taxId: DECLINED_TAX_ID, email, where: 'on /credit-check' });
      assert.equal(decision.text, "We can't offer trade credit right now");
      const words = await textOf(page, 'cc-credit-app .decision');
      assert.match(
        words,
        new RegExp(
          `${MERCHANT} can't extend trade credit to your business at this time\\. You can still buy with other payment methods, and you're welcome to apply again later\\.`,
        ),
      );
      assert.match(words, /The bureau reports late payments to other suppliers\./);
      assert.equal(await page.locator('cc-credit-app #offer-title').count(), 0, 'no terms offer');

      const decided = (await events(page)).find((e) => e.type === 'cc-credit-decision');
      assert.equal(decided.detail.status, 'declined');
      assert.equal((await events(page)).find((e) => e.type === 'cc-before-submit').detail.body.mode, 'credit_check');
      await page.locator('#cc-event-log').getByText(`Decision: declined for ${decided.detail.contactId}`).waitFor();
      await assertAxeClean(page, 'on /credit-check with the decline');
      await assertNoProblems(page, problems);

      const contacts = await merchantGet(site, `/v1/contacts?q=${encodeURIComponent(email)}`);
      assert.equal(contacts.data[0]?.status, 'credit_declined');
    } finally {
      await context.close();
    }
  });

  test('/react: in a React 19 app the decision and the accepted terms reach React state', async () => {
    const email = applicantEmail('react');
    const { context, page, problems } = await openPage(site, '/react');
    try {
      await settledStatuses(page);
      const state = (name) => textOf(page, `#react-state [data-testid="${name}"]`);
      assert.equal(await state('merchant'), MERCHANT, 'from cc-ready via oncc-ready');
      assert.equal(await state('decision'), 'none yet');

      await completeApplication(page, { taxId: APPROVED_TAX_ID, email, where: 'on /react' });
      const decided = (await events(page)).find((e) => e.type === 'cc-credit-decision');
      const { contactId } = decided.detail;
      await page
        .locator('#react-state [data-testid="decision"]')
        .getByText(`approved for contact ${contactId}`)
        .waitFor();
      await page.locator('#react-event-log').getByText(`Decision: approved for ${contactId}`).waitFor();
      await assertAxeClean(page, 'on /react with the decision');

      await acceptOffer(page);
      const accepted = (await events(page)).find((e) => e.type === 'cc-terms-accepted');
      await page
        .locator('#react-state [data-testid="terms"]')
        .getByText(`accepted (offer ${accepted.detail.offerId})`)
        .waitFor();
      await assertAxeClean(page, 'on /react after accepting the terms');
      await assertNoProblems(page, problems);

      const contacts = await merchantGet(site, `/v1/contacts?q=${encodeURIComponent(email)}`);
      assert.equal(contacts.data[0]?.status, 'authorized');
    } finally {
      await context.close();
    }
  });
});
