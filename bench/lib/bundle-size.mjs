// Size of the single-file SDK bundle against a bare Lit element bundled THE SAME WAY
// (the options of the cc-sdk.js entry in sdk/elements/rollup.config.js: rollup, node-resolve,
// esbuild with the SDK's tsconfig, terser, one ES module with a source map comment).
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
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
    pages: await measurePages(sdkFile),
    baseline: { file: 'bare Lit element (temp dir)', raw: baseline.raw, gzip: baseline.gzip },
    ratio: { raw: sdk.raw / baseline.raw, gzip: sdk.gzip / baseline.gzip },
    overBaseline: { raw: sdk.raw - baseline.raw, gzip: sdk.gzip - baseline.gzip },
  };
}

/** Brotli (quality 11, as the build writes it) and gzip -9 sizes of one file. */
async function compressedOf(file) {
  const bytes = await readFile(file);
  const br = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  return { raw: bytes.length, br, gzip: gzipSync(bytes, { level: 9 }).length };
}

/** The files a module pulls in statically (relative `import … from` / bare `import` of chunks). */
async function staticClosure(files) {
  const seen = new Set();
  const stack = [...files];
  while (stack.length) {
    const file = stack.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    const code = await readFile(file, 'utf8');
    for (const m of code.matchAll(/(?:from|import)\s*["'](\.\.?\/[^"']+)["']/g)) stack.push(join(dirname(file), m[1]));
  }
  return seen;
}

/**
 * Script bytes a page downloads from the loader: cc-sdk.js plus, for each element used, its
 * chunk (the loader's dynamic `import("./chunks/…")`) and everything that chunk imports.
 * Read from the build's import graph (not yet measured in a browser).
 */
export async function measurePages(sdkFile) {
  const loader = await readFile(sdkFile, 'utf8');
  const chunks = [...loader.matchAll(/import\(["'](\.\/chunks\/[^"']+)["']\)/g)].map((m) =>
    join(dirname(sdkFile), m[1]),
  );
  const page = async (roots) => {
    const sizes = await Promise.all([...(await staticClosure([sdkFile, ...roots]))].map(compressedOf));
    return sizes.reduce(
      (a, b) => ({ raw: a.raw + b.raw, br: a.br + b.br, gzip: a.gzip + b.gzip, files: a.files + 1 }),
      {
        raw: 0,
        br: 0,
        gzip: 0,
        files: 0,
      },
    );
  };
  return {
    creditApp: await page(chunks.filter((c) => c.includes('/cc-credit-app-'))),
    everyElement: await page(chunks),
  };
}
