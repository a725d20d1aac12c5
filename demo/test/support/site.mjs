// What the demo's end-to-end tests share: the built backend on a free port with a fresh
// embedded database and the seeded demo merchant, Debian's Chromium through playwright-core,
// pages that record every console error, CSP violation, failed request and error response,
// and axe.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium } from 'playwright-core';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BACKEND_MAIN = join(ROOT, 'backend', 'dist', 'main.js');
const SDK_BUNDLE = join(ROOT, 'sdk', 'elements', 'dist', 'cc-sdk.js');
const REACT_HOST = join(ROOT, 'demo', 'public', 'assets', 'react-host.js');

export const MERCHANT = 'Northwind Industrial Supply';
export const CONNECTED = `Connected to CustomerConnect as ${MERCHANT}.`;
export const ADMIN = { email: 'admin@northwind.example', password: 'northwind-demo-2026' };

const CHROMIUM = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--no-first-run',
  ],
};

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts `node backend/dist/main.js` (embedded PGlite in a new temporary directory,
 * CC_SEED_DEMO=1) and Chromium. `stop()` closes both and removes the data directory.
 */
export async function startSite() {
  assert.ok(existsSync(BACKEND_MAIN), `${BACKEND_MAIN} is missing: npm run build -w @customerconnect/backend`);
  assert.ok(existsSync(SDK_BUNDLE), `${SDK_BUNDLE} is missing: npm run build -w @customerconnect/sdk`);
  assert.ok(existsSync(REACT_HOST), `${REACT_HOST} is missing: npm run build -w @customerconnect/demo`);
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const dataDir = await mkdtemp(join(tmpdir(), 'cc-demo-e2e-'));
  const env = {
    ...process.env,
    PORT: String(port),
    CC_DATA_DIR: dataDir,
    PUBLIC_URL: baseUrl,
    CC_SEED_DEMO: '1',
    CC_LOG_LEVEL: 'warn',
  };
  delete env.DATABASE_URL; // embedded PGlite
  delete env.NODE_ENV;
  delete env.NODE_OPTIONS;
  const backend = spawn(process.execPath, [BACKEND_MAIN], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const killNow = () => backend.exitCode === null && backend.kill('SIGKILL');
  process.once('exit', killNow); // never leave it running
  let output = '';
  backend.stdout.on('data', (d) => (output += d));
  backend.stderr.on('data', (d) => (output += d));
  let stopping = false;
  backend.once('exit', (code, signal) => {
    if (!stopping) output += `\n[the backend exited during the tests: code ${code}, signal ${signal}]\n`;
  });

  const site = {
    baseUrl,
    browser: undefined,
    output: () => output,
    /** Throws, with the backend's output, when the backend is no longer running. */
    assertRunning() {
      if (backend.exitCode !== null || backend.signalCode !== null)
        throw new Error(`The backend is not running:\n${output}`);
    },
    async stop() {
      stopping = true;
      await site.browser?.close();
      if (backend.exitCode === null) {
        await new Promise((resolve) => {
          const kill = setTimeout(() => backend.kill('SIGKILL'), 10_000);
          backend.once('exit', () => {
            clearTimeout(kill);
            resolve();
          });
          backend.kill('SIGTERM');
        });
      }
      process.off('exit', killNow);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  try {
    await waitForReady(baseUrl, backend, () => output, 60_000);
    site.browser = await chromium.launch(CHROMIUM);
  } catch (error) {
    await site.stop();
    throw error;
  }
  return site;
}

async function waitForReady(url, child, output, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The backend exited with ${child.exitCode}:\n${output()}`);
    try {
      const res = await fetch(`${url}/ready`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The backend was not ready within ${timeoutMs} ms:\n${output()}`);
}

/**
 * A fresh context per page (@axe-core/playwright needs pages made by context.newPage()),
 * recording every problem, and every cc-* event the page's document hears (`window.__ccEvents`).
 */
export async function openPage(site, path, { route } = {}) {
  site.assertRunning();
  const context = await site.browser.newContext({ locale: 'en-US' });
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'}`);
    });
    window.__ccEvents = [];
    for (const type of [
      'cc-ready',
      'cc-error',
      'cc-before-submit',
      'cc-credit-decision',
      'cc-terms-accepted',
      'cc-terms-declined',
    ]) {
      document.addEventListener(type, (e) =>
        window.__ccEvents.push({ type, target: e.target?.localName, detail: type === 'cc-ready' ? {} : e.detail }),
      );
    }
  });
  if (route) await context.route(route.url, route.handler);
  const page = await context.newPage();
  const problems = { console: [], failedRequests: [], responses: [] };
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.console.push(msg.text());
  });
  page.on('pageerror', (err) => problems.console.push(`uncaught: ${err.message}`));
  page.on('requestfailed', (req) =>
    problems.failedRequests.push(`${req.method()} ${req.url()}: ${req.failure()?.errorText}`),
  );
  page.on('response', (res) => problems.responses.push(res));
  await page.goto(`${site.baseUrl}${path}`, { waitUntil: 'load' });
  return { context, page, problems };
}

/** No console errors, CSP violations, failed requests or error responses so far. */
export async function assertNoProblems(page, problems) {
  assert.deepEqual(problems.console, [], 'console errors');
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], 'CSP violations');
  assert.deepEqual(problems.failedRequests, [], 'failed requests');
  const bad = problems.responses
    .filter((r) => r.status() >= 400)
    .map((r) => `${r.status()} ${r.request().method()} ${r.url()}`);
  assert.deepEqual(bad, [], 'responses with an error status');
}

/** Zero axe violations on the whole page (shadow roots included); `when` names the step. */
export async function assertAxeClean(page, when) {
  const axe = await new AxeBuilder({ page }).analyze();
  const violations = axe.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1, 2).join('').trim()}`).join('\n    ')}`,
  );
  assert.deepEqual(violations, [], `axe violations ${when}`);
}

/** Waits until demo.js has settled every status region (ready or error). */
export async function settledStatuses(page) {
  await page.waitForFunction(
    () => {
      const regions = [...document.querySelectorAll('.cc-status')];
      return regions.length > 0 && regions.every((r) => r.dataset.state === 'ready' || r.dataset.state === 'error');
    },
    null,
    { timeout: 20_000 },
  );
  return page.$$eval('.cc-status', (regions) =>
    regions.map((r) => ({ id: r.id, state: r.dataset.state, text: r.textContent })),
  );
}

/** The focused element, looking into shadow roots: `{ id, tag, text }`. */
export function focused(page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return { id: el?.id ?? '', tag: el?.localName ?? '', text: (el?.textContent ?? '').trim() };
  });
}

/** Presses Tab until the control with `id` (in any shadow root) has focus. */
export async function tabTo(page, id, max = 40) {
  for (let i = 0; i < max; i++) {
    if ((await focused(page)).id === id) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(
    `#${id} did not get focus within ${max} presses of Tab (focus is on ${JSON.stringify(await focused(page))})`,
  );
}

/** Signs in as the demo merchant's admin over the API and reads a path with the session. */
export async function merchantGet(site, path) {
  const login = await fetch(`${site.baseUrl}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  assert.equal(login.status, 200, `POST /v1/auth/login: ${await login.clone().text()}`);
  const { token } = await login.json();
  const res = await fetch(`${site.baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
  assert.equal(res.status, 200, `GET ${path}: ${await res.clone().text()}`);
  return res.json();
}
