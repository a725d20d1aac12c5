// Steps of the merchant console's end-to-end test run in order on one backend by
// test/console.e2e.test.mjs, after the steps before them. Here: on a phone, and in Spanish and French.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  baseUrl,
  browser,
  expectClean,
  expectNoAxeViolations,
  openConsole,
  settle,
  shot,
  signIn,
} from '../support/console.mjs';
import { ADMIN } from '../support/site.mjs';

export function phoneAndLanguages() {
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
      await page.getByRole('link', { name: 'Invoices', exact: true }).click();
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
}
