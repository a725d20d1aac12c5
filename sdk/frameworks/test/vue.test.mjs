// Vue 3 + vue-tsc against the built @customerconnect/sdk: the page type-checks with
// '@customerconnect/sdk/vue', a wrong attribute and a wrong event detail do not, and the page
// runs in Chromium with its `@cc-ready` handler called by <cc-credit-app> itself.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { vuePlugin } from '../vue/build.mjs';
import { bundlePage, errorsOf, runPage, typeCheck } from './harness.mjs';

test('Vue 3 templates: the page type-checks and the wrong attribute and event detail fail', async () => {
  // One program holds the good page and the wrong file: the only errors must be the wrong file's.
  const { status, output } = await typeCheck('vue-tsc', 'vue/tsconfig.wrong.json');
  assert.equal(status, 2, output);
  assert.deepEqual(errorsOf(output), [
    `vue/wrong-attribute.vue(8,18): error TS2322: Type '"nope"' is not assignable to type '"credit_check" | "credit_check_with_terms" | undefined'.`,
    `vue/wrong-attribute.vue(8,65): error TS2339: Property 'nope' does not exist on type 'CcReadyDetail'.`,
  ]);
});

test('Vue 3: @cc-ready on <cc-credit-app> runs and the element renders', async () => {
  const page = await runPage(await bundlePage('vue/main.ts', [vuePlugin]));
  assert.equal(page.ready, 'ready: Northwind Industrial Supply');
  assert.match(page.heading, /Northwind Industrial Supply/);
  assert.ok(page.fields > 0, 'the application form has fields');
  assert.deepEqual(
    page.logs.filter((line) => /^(error|warning|pageerror)/.test(line)),
    [],
  );
});
