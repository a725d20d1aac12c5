// Steps of the merchant console's end-to-end test run in order on one backend by
// test/console.e2e.test.mjs, after the steps before them. Here: the embed page: the snippet (evergreen
// or pinned SDK, key, theme) and the live preview.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  api,
  baseUrl,
  expectClean,
  expectNoAxeViolations,
  go,
  openConsole,
  shot,
  signIn,
  state,
} from '../support/console.mjs';
import { ADMIN } from '../support/site.mjs';

export function embed() {
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
}
