// End-to-end test of the demo site's pages: the built backend (embedded PostgreSQL, seeded
// demo merchant) serves the pages and the built SDK; Debian's Chromium loads them under the
// page CSP. Nothing is mocked, except one test that cuts the network to see the error state.
// The credit application flows are in credit-flows.e2e.test.mjs.
//
// Needs `backend/dist`, `sdk/elements/dist` and the React host bundle (nx builds them first).
// Run: npx nx run @customerconnect/demo:test, or npm test -w @customerconnect/demo

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  CONNECTED,
  MERCHANT,
  assertAxeClean,
  assertNoProblems,
  openPage,
  settledStatuses,
  startSite,
} from './support/site.mjs';

const PAGES = [
  { path: '/', current: '/', widgets: 0 },
  { path: '/apply', current: '/apply', widgets: 1 },
  { path: '/credit-check', current: '/credit-check', widgets: 1 },
  { path: '/account', current: '/account', widgets: 0 },
  { path: '/theming', current: '/theming', widgets: 4 },
  { path: '/react', current: '/react', widgets: 1 },
  { path: '/apply.html', current: '/apply', widgets: 1 },
];

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

describe('demo site on the real backend', () => {
  test('the backend printed the demo merchant and its publishable key', () => {
    assert.match(site.output(), /Demo merchant:\s+Northwind Industrial Supply/);
    assert.match(site.output(), /Publishable key:\s+pk_\S+/);
    assert.match(site.output(), /admin@northwind\.example \/ northwind-demo-2026/);
  });

  for (const { path, current, widgets } of PAGES) {
    test(`${path}: shared header and footer, connects through the SDK, no console errors or CSP violations, zero axe violations`, async () => {
      const { context, page, problems } = await openPage(site, path);
      try {
        const statuses = await settledStatuses(page);
        for (const status of statuses) assert.equal(status.text, CONNECTED, `status #${status.id}`);

        // The partials were included (no copies left in the page, nothing missing) and the
        // nav marks this page, and only this page, as current.
        const html = await (await fetch(`${site.baseUrl}${path}`)).text();
        assert.doesNotMatch(html, /<!--#include|missing partial|__CC_/);
        assert.equal(await page.locator('header.site-header').count(), 1);
        assert.equal(await page.locator('footer.site-footer').count(), 1);
        const currentLinks = await page.$$eval('.site-nav a[aria-current="page"]', (links) =>
          links.map((a) => a.getAttribute('href')),
        );
        assert.deepEqual(currentLinks, [current], 'aria-current in the main nav');

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

        // The widgets rendered their first step (the theming page shows one of its four at a time).
        const apps = page.locator('cc-credit-app');
        assert.equal(await apps.count(), widgets);
        for (let i = 0; i < widgets; i++) {
          await apps.nth(i).locator('#step-title').waitFor({ state: 'attached' });
          assert.equal(await apps.nth(i).locator('#step-title').textContent(), 'About your business');
        }
        if (widgets > 0) assert.equal(await page.locator('cc-credit-app:visible').count(), 1, 'one widget in view');

        await assertNoProblems(page, problems);
        await assertAxeClean(page, `on ${path}`);
      } finally {
        await context.close();
      }
    });
  }

  test('/theming: the light panel has the merchant hint, the dark and brand panels the page CSS, the auto panel follows the system; the widgets paint them', async () => {
    const { context, page } = await openPage(site, '/theming');
    try {
      await settledStatuses(page);
      const hint = await page.$eval('[data-status="status-light"]', (el) => el.context?.config?.theme?.primaryColor);
      assert.ok(hint, 'the demo merchant has a primary colour hint');
      const readouts = await page.$$eval('[data-cc-token="--cc-color-primary"]', (els) =>
        els.map((el) => el.textContent),
      );
      assert.deepEqual(
        readouts.map((r) => r.toLowerCase()),
        [hint.toLowerCase(), '#8cc2ff', '#8a2c06'],
      );

      // What each widget paints: its surface and its primary button.
      const looks = await page.$$eval('cc-credit-app', (apps) =>
        apps.map((app) => {
          const button = app.shadowRoot.querySelector('button.primary');
          const b = getComputedStyle(button);
          return {
            theme: app.closest('[theme]')?.getAttribute('theme') ?? null,
            surface: getComputedStyle(app).backgroundColor,
            button: b.backgroundColor,
            radius: b.borderTopLeftRadius,
            font: b.fontFamily,
            transform: b.textTransform,
          };
        }),
      );
      assert.equal(looks[0].theme, 'light');
      assert.equal(looks[0].surface, 'rgb(255, 255, 255)');
      assert.equal(looks[0].button, 'rgb(11, 92, 173)', 'the merchant hint #0b5cad');
      assert.equal(looks[1].theme, 'dark');
      assert.equal(looks[1].surface, 'rgb(17, 24, 39)', 'the dark preset surface #111827');
      assert.equal(looks[1].button, 'rgb(140, 194, 255)', "the page's dark-mode blue #8cc2ff");
      assert.equal(looks[2].theme, 'auto');
      assert.equal(looks[2].surface, 'rgb(255, 255, 255)', 'auto on a light system: the light surface');
      assert.equal(looks[3].button, 'rgb(138, 44, 6)', 'the brand colour #8a2c06');
      assert.equal(looks[3].radius, '0px');
      assert.match(looks[3].font, /^Georgia/);
      assert.equal(looks[3].transform, 'uppercase', '::part(button-primary) from the page');

      // theme="auto" follows the visitor's system setting, live.
      const autoSurface = () => page.$eval('#panel-auto cc-credit-app', (app) => getComputedStyle(app).backgroundColor);
      await page.emulateMedia({ colorScheme: 'dark' });
      assert.equal(await autoSurface(), 'rgb(17, 24, 39)', 'auto on a dark system: the dark preset surface');
      assert.equal(
        await page.$eval('#panel-light cc-credit-app', (app) => getComputedStyle(app).backgroundColor),
        'rgb(255, 255, 255)',
        'theme="light" stays light on a dark system',
      );
      await page.emulateMedia({ colorScheme: 'light' });
      assert.equal(await autoSurface(), 'rgb(255, 255, 255)');
    } finally {
      await context.close();
    }
  });

  test('/theming: the radios switch the view by keyboard, one widget at a time, axe clean in each', async () => {
    const { context, page, problems } = await openPage(site, '/theming');
    try {
      await settledStatuses(page);
      const visible = () =>
        page.$$eval('.theme-panel', (panels) => panels.filter((p) => p.checkVisibility()).map((p) => p.id));
      assert.deepEqual(await visible(), ['panel-light']);
      await page.focus('#view-light');
      for (const view of ['dark', 'auto', 'brand']) {
        await page.keyboard.press('ArrowDown');
        assert.equal(await page.evaluate(() => document.activeElement.id), `view-${view}`);
        assert.deepEqual(await visible(), [`panel-${view}`]);
        await page.locator(`#panel-${view} cc-credit-app #step-title`).waitFor();
        await assertAxeClean(page, `on /theming with the ${view} view`);
      }
      await assertNoProblems(page, problems);
    } finally {
      await context.close();
    }
  });

  test('the skip link is the first stop and moves focus to the main content', async () => {
    const { context, page } = await openPage(site, '/');
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
    const { context, page } = await openPage(site, '/', {
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
