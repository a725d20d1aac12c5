// Angular 21 (standalone, zoneless, CUSTOM_ELEMENTS_SCHEMA) against the built
// @customerconnect/sdk: ngc with strictTemplates compiles the page AOT and fails a template that
// binds a missing member or reads a wrong event detail, and the compiled page runs in Chromium
// with its `(cc-ready)` handler called by <cc-credit-app> itself and its bindings on the elements.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { angularLinkerPlugin } from '../angular/build.mjs';
import { bundlePage, errorsOf, runPage, typeCheck } from './harness.mjs';

// Both ngc runs (about 10 s of CPU each) at once: the check with the wrong file, and the AOT
// compile of the page alone that `ng build` does, into a temporary folder.
const out = mkdtempSync(join(tmpdir(), 'cc-ngc-'));
const checked = typeCheck('ngc', 'angular/tsconfig.wrong.json', ['--noEmit']);
const compiled = typeCheck('ngc', 'angular/tsconfig.json', ['--outDir', out]);

test('Angular 21 templates: ngc compiles the page and the missing member and event detail fail', async () => {
  // One program holds the good page and the wrong file: the only errors must be the wrong file's.
  // `mode="nope"` and `[theme]="'nope'"` in it are not: CUSTOM_ELEMENTS_SCHEMA leaves the
  // elements' attributes and properties unchecked.
  const { status, output } = await checked;
  assert.equal(status, 1, output);
  assert.deepEqual(errorsOf(output), [
    `wrong-binding.ts(15,22): error TS2339: Property 'lang' does not exist on type 'WrongComponent'.`,
    `wrong-binding.ts(16,33): error TS2339: Property 'nope' does not exist on type 'CcReadyDetail'.`,
  ]);
});

test('Angular 21: (cc-ready) on <cc-credit-app> runs, bindings reach the elements, clicks re-render', async () => {
  try {
    // The page compiled alone, then the Angular linker and esbuild on ngc's output.
    const { status, output } = await compiled;
    assert.equal(status, 0, output);
    assert.deepEqual(readdirSync(out).sort(), ['app.component.js', 'main.js']);
    const dir = await bundlePage(join(out, 'main.js'), [angularLinkerPlugin]);
    const page = await runPage(dir, async (page) => {
      const attributes = await page.evaluate(() => ({
        locale: document.querySelector('cc-provider')?.getAttribute('locale'),
        theme: document.querySelector('cc-credit-app')?.getAttribute('theme'),
      }));
      // A click handled by Angular, without zone.js, changes the provider's locale attribute.
      await page.click('#spanish');
      await page.waitForFunction(
        () =>
          document.querySelector('cc-credit-app')?.shadowRoot?.querySelector('h2')?.textContent?.startsWith('Solicite'),
        null,
        { timeout: 15000 },
      );
      const heading = await page.evaluate(
        () => document.querySelector('cc-credit-app')?.shadowRoot?.querySelector('h2')?.textContent,
      );
      return { attributes, heading };
    });
    assert.equal(page.ready, 'ready: Northwind Industrial Supply');
    // [attr.locale]="locale()" on the provider: the form is in French.
    assert.equal(page.heading, 'Demandez un crédit fournisseur auprès de Northwind Industrial Supply');
    assert.ok(page.fields > 0, 'the application form has fields');
    // [theme]="theme" set the property, which the element reflects.
    assert.deepEqual(page.then.attributes, { locale: 'fr', theme: 'dark' });
    assert.equal(page.then.heading, 'Solicite crédito comercial con Northwind Industrial Supply');
    assert.deepEqual(
      page.logs.filter((line) => /^(error|warning|pageerror)/.test(line)),
      [],
    );
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
