// What the merchant console's end-to-end steps (test/console/*.mjs, run in order by
// test/console.e2e.test.mjs) share: the site (test/support/site.mjs) with the console bundle, the
// state the steps hand on, the API as a merchant's server calls it, the customer's wallet, and a
// console page that records CSP violations and console errors, with axe and the docs' screenshots.

import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { ADMIN, ROOT, startSite } from './site.mjs';

const CONSOLE_BUNDLE = join(ROOT, 'sdk', 'console', 'dist', 'cc-console.js');
// Screenshots go to docs/images only when asked (CC_DOCS_SCREENSHOTS=1), so a test run leaves the tree clean.
const IMAGES = process.env.CC_DOCS_SCREENSHOTS ? join(ROOT, 'docs', 'images') : join(tmpdir(), 'cc-screenshots');
export const MEMBER = { name: 'Morgan Member', email: 'morgan@northwind.example', password: 'member-pass-2026' };
export const INVOICE_NUMBER = 'INV-E2E-1001';

/** The backend (embedded database, seeded demo merchant) and Chromium: test/support/site.mjs. */
let site;
export let baseUrl;
export let browser;
/** Shared across the steps, which run in order. */
export const state = {};

/** The API as a merchant's server (or the test) calls it. */
export async function api(path, { method = 'GET', token, body, expect } = {}) {
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

export const login = async (who) =>
  (await api('/v1/auth/login', { method: 'POST', body: { email: who.email, password: who.password } })).token;

/** A customer session for a contact, from the newest wallet link emailed to it (what the wallet does with cc_token). */
export async function customerSession(email) {
  await api('/dev/jobs/run', { method: 'POST' });
  const mail = (await api(`/dev/mailbox?to=${encodeURIComponent(email)}`)).data;
  const linkToken = mail.map((m) => /cc_token=([A-Za-z0-9_-]+)/.exec(m.text)?.[1]).find(Boolean);
  assert.ok(linkToken, `a wallet link was emailed to ${email}`);
  return (await api('/v1/customer/sessions', { method: 'POST', body: { linkToken } })).token;
}

/** The customer's wallet on the demo site (/account, the merchant's walletUrl), opened from the newest emailed link. */
export async function openWallet(email) {
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

export const walletRow = (page, number) =>
  page.locator('cc-wallet tr[part="row"]', { has: page.locator('th', { hasText: number }) });

/** A fresh context and page (@axe-core/playwright needs pages made by context.newPage()), recording problems. */
export async function openConsole({ viewport = { width: 1280, height: 900 } } = {}) {
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

export async function signIn(page, who, landing = 'cc-console-overview h1') {
  await page.locator('#email').fill(who.email);
  await page.locator('#password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator(landing).waitFor();
}

/** The focused element, through every shadow root: `tag#id:text`. */
export const focused = (page) =>
  page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el ? `${el.tagName.toLowerCase()}#${el.id}:${el.textContent.trim()}` : '';
  });

export async function go(page, hash, heading) {
  await page.evaluate((h) => (location.hash = h), hash);
  await page.locator('main h1', { hasText: heading }).first().waitFor();
}

export async function settle(page) {
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

export async function expectNoAxeViolations(page, label) {
  await settle(page);
  const axe = await new AxeBuilder({ page }).analyze();
  const violations = axe.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`,
  );
  assert.deepEqual(violations, [], `axe violations on ${label}`);
}

export async function shot(page, name) {
  await settle(page);
  mkdirSync(IMAGES, { recursive: true });
  await page.screenshot({ path: join(IMAGES, `console-${name}.png`), fullPage: true });
}

export async function expectClean(page, problems) {
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], 'CSP violations');
  const unexpected = problems.console.filter(
    (t) => !/status of (401|403|404|409|422)/.test(t) && !/Lit is in dev mode/.test(t),
  );
  assert.deepEqual(unexpected, [], 'console errors');
}

/** Starts the site and signs in the admin over the API; finds the seeded contact the steps use. */
export async function startConsoleSite() {
  assert.ok(existsSync(CONSOLE_BUNDLE), `${CONSOLE_BUNDLE} is missing: npm run build -w @customerconnect/sdk`);
  site = await startSite();
  baseUrl = site.baseUrl;
  browser = site.browser;
  state.adminToken = await login(ADMIN);
  const contacts = (await api('/v1/contacts?limit=100', { token: state.adminToken })).data;
  state.acme = contacts.find((c) => c.companyName === 'Acme Fabrication LLC');
  assert.ok(state.acme, 'the seeded contact Acme Fabrication LLC');
}

export async function stopConsoleSite() {
  await site?.stop();
}
