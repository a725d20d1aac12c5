// End-to-end test of the demo site: the built backend (embedded PostgreSQL, seeded demo
// merchant) serves the pages and the built SDK; Debian's Chromium loads them under the
// page CSP. Nothing is mocked, except one test that cuts the network to see the error state.
//
// Needs `backend/dist` and `sdk/dist` (nx builds both first: they are dependencies of this
// package). Run: npm test -w @customerconnect/demo

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium } from 'playwright-core';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BACKEND_MAIN = join(ROOT, 'backend', 'dist', 'main.js');
const SDK_BUNDLE = join(ROOT, 'sdk', 'dist', 'cc-sdk.js');
const MERCHANT = 'Northwind Industrial Supply';
const CONNECTED = `Connected to CustomerConnect as ${MERCHANT}.`;
const PAGES = ['/', '/apply', '/account', '/theming'];

const CHROMIUM = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run'],
};

let backend;
let backendOutput = '';
let dataDir;
let baseUrl;
let browser;

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

async function waitForReady(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The backend exited with ${child.exitCode}:\n${backendOutput}`);
    try {
      const res = await fetch(`${url}/ready`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The backend was not ready within ${timeoutMs} ms:\n${backendOutput}`);
}

function stopBackend() {
  if (!backend || backend.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => backend.kill('SIGKILL'), 10_000);
    backend.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    backend.kill('SIGTERM');
  });
}

/** A fresh context per page (@axe-core/playwright needs pages made by context.newPage()), recording every problem. */
async function openPage(path, { route } = {}) {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'}`);
    });
  });
  if (route) await context.route(route.url, route.handler);
  const page = await context.newPage();
  const problems = { console: [], failedRequests: [], responses: [] };
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.console.push(msg.text());
  });
  page.on('pageerror', (err) => problems.console.push(`uncaught: ${err.message}`));
  page.on('requestfailed', (req) => problems.failedRequests.push(`${req.method()} ${req.url()}: ${req.failure()?.errorText}`));
  page.on('response', (res) => problems.responses.push(res));
  await page.goto(`${baseUrl}${path}`, { waitUntil: 'load' });
  return { context, page, problems };
}

/** Waits until demo.js has settled every status region (ready or error). */
async function settledStatuses(page) {
  await page.waitForFunction(
    () => {
      const regions = [...document.querySelectorAll('.cc-status')];
      return regions.length > 0 && regions.every((r) => r.dataset.state === 'ready' || r.dataset.state === 'error');
    },
    null,
    { timeout: 15_000 },
  );
  return page.$$eval('.cc-status', (regions) => regions.map((r) => ({ id: r.id, state: r.dataset.state, text: r.textContent })));
}

before(async () => {
  assert.ok(existsSync(BACKEND_MAIN), `${BACKEND_MAIN} is missing: npm run build -w @customerconnect/backend`);
  assert.ok(existsSync(SDK_BUNDLE), `${SDK_BUNDLE} is missing: npm run build -w @customerconnect/sdk`);
  const port = await freePort();
  baseUrl = `http://localhost:${port}`;
  dataDir = await mkdtemp(join(tmpdir(), 'cc-demo-e2e-'));
  const env = { ...process.env, PORT: String(port), CC_DATA_DIR: dataDir, PUBLIC_URL: baseUrl, CC_SEED_DEMO: '1', CC_LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL; // embedded PGlite
  delete env.NODE_ENV;
  delete env.NODE_OPTIONS;
  backend = spawn(process.execPath, [BACKEND_MAIN], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  process.once('exit', () => backend.exitCode === null && backend.kill('SIGKILL')); // never leave it running
  backend.stdout.on('data', (d) => (backendOutput += d));
  backend.stderr.on('data', (d) => (backendOutput += d));
  await waitForReady(baseUrl, backend, 60_000);
  browser = await chromium.launch(CHROMIUM);
}, { timeout: 90_000 });

after(async () => {
  await browser?.close();
  await stopBackend();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('demo site on the real backend', () => {
  test('the backend printed the demo merchant and its publishable key', () => {
    assert.match(backendOutput, /Demo merchant:\s+Northwind Industrial Supply/);
    assert.match(backendOutput, /Publishable key:\s+pk_\S+/);
    assert.match(backendOutput, /admin@northwind\.example \/ northwind-demo-2026/);
  });

  for (const path of PAGES) {
    test(`${path}: connects through the SDK, no console errors, no CSP violations, zero axe violations`, async () => {
      const { context, page, problems } = await openPage(path);
      try {
        const statuses = await settledStatuses(page);
        for (const status of statuses) assert.equal(status.text, CONNECTED, `status #${status.id}`);

        // The SDK came from the backend's content-hashed URL, filled into the page.
        const sdkSrc = await page.$eval('script[type="module"]', (s) => s.getAttribute('src'));
        assert.match(sdkSrc, /^\/sdk\/cc-sdk\.[0-9a-f]{12}\.js$/);
        const sdkResponse = problems.responses.find((r) => new URL(r.url()).pathname === sdkSrc);
        assert.equal(sdkResponse?.status(), 200, 'the SDK script loaded');
        assert.equal(await page.evaluate(() => typeof customElements.get('cc-provider')), 'function');

        // Every provider got the seeded key, and the config came from the real API with it.
        const keys = await page.$$eval('cc-provider', (els) => els.map((el) => el.getAttribute('publishable-key')));
        assert.ok(keys.length > 0);
        for (const key of keys) assert.match(key, /^pk_/);
        const configResponses = problems.responses.filter((r) => new URL(r.url()).pathname === '/v1/public/config');
        assert.ok(configResponses.length > 0, 'the provider requested /v1/public/config');
        for (const res of configResponses) {
          assert.equal(res.status(), 200);
          assert.equal(res.request().headers()['cc-publishable-key'], keys[0]);
          assert.equal((await res.json()).merchant.name, MERCHANT);
        }

        assert.deepEqual(problems.console, [], 'console errors');
        assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], 'CSP violations');
        assert.deepEqual(problems.failedRequests, [], 'failed requests');
        const bad = problems.responses.filter((r) => r.status() >= 400).map((r) => `${r.status()} ${r.url()}`);
        assert.deepEqual(bad, [], 'responses with an error status');

        const axe = await new AxeBuilder({ page }).analyze();
        const violations = axe.violations.map(
          (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`,
        );
        assert.deepEqual(violations, [], 'axe violations');
      } finally {
        await context.close();
      }
    });
  }

  test('/theming: merchant theme hints reach the page; page CSS wins over them', async () => {
    const { context, page } = await openPage('/theming');
    try {
      await settledStatuses(page);
      const hint = await page.$eval('[data-status="status-hints"]', (el) => el.context?.config?.theme?.primaryColor);
      assert.ok(hint, 'the demo merchant has a primary colour hint');
      const readouts = await page.$$eval('[data-cc-token="--cc-color-primary"]', (els) => els.map((el) => el.textContent));
      assert.equal(readouts.length, 2);
      assert.equal(readouts[0].toLowerCase(), hint.toLowerCase(), 'the merchant hint, applied by the provider');
      assert.equal(readouts[1], '#8a2c06', "the page's own value");
    } finally {
      await context.close();
    }
  });

  test('the skip link is the first stop and moves focus to the main content', async () => {
    const { context, page } = await openPage('/');
    try {
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Skip to main content');
      const box = await page.locator('.skip-link').boundingBox();
      assert.ok(box && box.y >= 0, 'the focused skip link is on screen');
      await page.keyboard.press('Enter');
      assert.equal(await page.evaluate(() => location.hash), '#main');
    } finally {
      await context.close();
    }
  });

  test('the status region reports a provider error (network cut to /v1/public/config)', async () => {
    const { context, page } = await openPage('/', {
      route: { url: '**/v1/public/config', handler: (route) => route.abort('connectionrefused') },
    });
    try {
      const [status] = await settledStatuses(page);
      assert.equal(status.state, 'error');
      assert.match(status.text, /^CustomerConnect could not connect: .+ \(network_error\)$/);
      assert.equal(await page.getAttribute('#cc-status', 'role'), 'status');
    } finally {
      await context.close();
    }
  });
});
