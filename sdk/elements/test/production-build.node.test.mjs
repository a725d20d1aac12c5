// The bundle merchants load carries Lit's production build even when NODE_ENV says otherwise
// (node-resolve 16 would pick Lit's `development` export, whose first act is logging
// "Lit is in dev mode" on the merchant's page). Run: node --test test/*.node.test.mjs
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rollup } from 'rollup';
import esbuild from 'rollup-plugin-esbuild';
import { resolveProduction } from '../scripts/resolve-production.mjs';

test('cc-sdk.js bundles Lit for production under NODE_ENV=development', async () => {
  const before = process.env.NODE_ENV;
  process.env.NODE_ENV = 'development';
  try {
    const bundle = await rollup({
      input: new URL('../src/cc-sdk.ts', import.meta.url).pathname,
      plugins: [
        resolveProduction(),
        esbuild({ target: 'es2022', tsconfig: new URL('../tsconfig.json', import.meta.url).pathname }),
      ],
      onwarn: () => undefined,
    });
    const { output } = await bundle.generate({ format: 'es' });
    await bundle.close();
    const code = output.map((chunk) => chunk.code ?? '').join('\n');
    assert.ok(code.includes('customElements'), 'the bundle was built');
    assert.ok(!code.includes('Lit is in dev mode'), "Lit's development build was bundled");
  } finally {
    if (before === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = before;
  }
});
