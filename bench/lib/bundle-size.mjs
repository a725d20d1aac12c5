// Size of the single-file SDK bundle against a bare Lit element bundled THE SAME WAY
// (the options of the cc-sdk.js entry in sdk/elements/rollup.config.js: rollup, node-resolve,
// esbuild with the SDK's tsconfig, terser, one ES module with a source map comment).
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import resolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { rollup } from 'rollup';
import esbuild from 'rollup-plugin-esbuild';

const BASELINE_SOURCE = `import { LitElement, html } from 'lit';

class BenchHello extends LitElement {
  render() {
    return html\`<p>hi</p>\`;
  }
}

customElements.define('bench-hello', BenchHello);
`;

/** Raw and gzip (zlib level 9) byte counts of a file as served. */
export async function sizeOf(file) {
  const bytes = await readFile(file);
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

/**
 * Bundles the bare Lit element in a temp dir with the cc-sdk.js options and measures it.
 * `root` is the repo root: lit is resolved from its node_modules (the copy the SDK bundles),
 * and the temp tsconfig extends sdk/elements/tsconfig.json so esbuild sees the same compiler options.
 */
export async function measureBaseline(root) {
  const dir = await mkdtemp(join(tmpdir(), 'cc-bench-lit-'));
  try {
    await writeFile(join(dir, 'baseline.ts'), BASELINE_SOURCE);
    await writeFile(
      join(dir, 'tsconfig.json'),
      JSON.stringify({ extends: join(root, 'sdk', 'elements', 'tsconfig.json'), include: ['*.ts'] }),
    );
    const bundle = await rollup({
      input: join(dir, 'baseline.ts'),
      plugins: [
        // modulePaths only tells node-resolve where node_modules is (the temp dir has none).
        resolve({ modulePaths: [join(root, 'node_modules')] }),
        esbuild({ target: 'es2022', tsconfig: 'tsconfig.json' }),
        terser({ module: true, ecma: 2022, compress: { passes: 2 } }),
      ],
      onwarn: (w, warn) => (w.code === 'THIS_IS_UNDEFINED' ? undefined : warn(w)),
    });
    const file = join(dir, 'baseline.js');
    await bundle.write({ file, format: 'es', sourcemap: true });
    await bundle.close();
    return { source: BASELINE_SOURCE, ...(await sizeOf(file)) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function measureBundles(root) {
  const sdkFile = join(root, 'sdk', 'elements', 'dist', 'cc-sdk.js');
  let sdk;
  try {
    sdk = await sizeOf(sdkFile);
  } catch (err) {
    if (err.code === 'ENOENT')
      throw new Error(
        `${sdkFile} is missing: build it first (npm run build -w @customerconnect/sdk, or npm run bench).`,
        { cause: err },
      );
    throw err;
  }
  const baseline = await measureBaseline(root);
  return {
    sdk: { file: 'sdk/elements/dist/cc-sdk.js', raw: sdk.raw, gzip: sdk.gzip },
    baseline: { file: 'bare Lit element (temp dir)', raw: baseline.raw, gzip: baseline.gzip },
    ratio: { raw: sdk.raw / baseline.raw, gzip: sdk.gzip / baseline.gzip },
    overBaseline: { raw: sdk.raw - baseline.raw, gzip: sdk.gzip - baseline.gzip },
  };
}
