// Steps of the merchant console's end-to-end test run in order on one backend by
// test/console.e2e.test.mjs, after the steps before them. Here: the keyboard, an expired session and
// signing out (the clock moves 13 hours: last).

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { api, expectNoAxeViolations, focused, openConsole, shot, signIn } from '../support/console.mjs';
import { ADMIN } from '../support/site.mjs';

export function keyboardAndSession() {
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
}
