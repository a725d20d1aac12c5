// Size of the single-file SDK bundle against a bare Lit element bundled THE SAME WAY
// (the options of the cc-sdk.js entry in sdk/elements/rollup.config.js: rollup, node-resolve,
// esbuild with the SDK's tsconfig, terser, one ES module with a source map comment).
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

/** Raw, gzip (zlib level 9) and Brotli (quality 11, as the backend serves it) byte counts of a file. */
export async function sizeOf(file) {
  const bytes = await readFile(file);
  const br = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, br };
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

export async function measureBundles(root, log) {
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
    sdk: { file: 'sdk/elements/dist/cc-sdk.js', raw: sdk.raw, gzip: sdk.gzip, br: sdk.br },
    pages: await measurePages(root, log),
    baseline: { file: 'bare Lit element (temp dir)', raw: baseline.raw, gzip: baseline.gzip, br: baseline.br },
    ratio: { raw: sdk.raw / baseline.raw, gzip: sdk.gzip / baseline.gzip },
    overBaseline: { raw: sdk.raw - baseline.raw, gzip: sdk.gzip - baseline.gzip },
  };
}

/** The customer elements a merchant embeds (the provider is loaded with any of them). */
const CUSTOMER_TAGS = [
  'cc-credit-app',
  'cc-terms-offer',
  'cc-wallet',
  'cc-dispute-form',
  'cc-payment-method-form',
  'cc-payment-request',
];

/** A merchant's page: the one module script tag, a provider (with a merchant's real publishable key) and these elements. */
const pageHtml = (tags, publishableKey) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<script type="module" src="/sdk/cc-sdk.js"></script></head><body>
<cc-provider publishable-key="${publishableKey}">${tags.map((t) => `<${t}></${t}>`).join('')}</cc-provider>
</body></html>`;

/**
 * Script bytes a page downloads, measured in Chromium: the BUILT backend serves the SDK (as
 * deployed), Chromium loads a page with one <cc-credit-app> and one with every customer element
 * (Accept-Encoding as Chromium sends it over HTTPS: gzip, deflate, br, zstd), and the bench sums
 * `encodedDataLength` (CDP Network.loadingFinished: the bytes over the wire, headers included)
 * of every script response. Also collects anything the pages print on the console.
 */
export async function measurePages(root, log = () => {}) {
  const { chromium } = await import('playwright-core');
  const { signUp, startBackend } = await import('./backend.mjs');
  const { http } = await import('./common.mjs');
  // Only the SDK's files are asked for: the embedded database, and an SMTP address no mail is sent to.
  const backend = await startBackend(root, {
    log,
    env: { CC_ALLOW_EMBEDDED_DB: '1', SMTP_URL: 'smtp://127.0.0.1:2525' },
  });
  // A merchant signed up over HTTP, the bench page's origin in its allowedOrigins (a same-origin
  // GET carries no Origin: the API takes it as PUBLIC_URL's): its publishable
  // key answers the elements' config call (a made-up key would put a 401 on the page's console,
  // which a merchant's page never shows).
  const { publishableKey } = await (async () => {
    const merchant = await signUp(backend.base);
    const body = { allowedOrigins: [backend.base, backend.publicUrl] };
    await http(backend.base, 'PATCH', '/v1/merchant/settings', { token: merchant.secretKey, body });
    return merchant;
  })().catch(async (err) => {
    await backend.close();
    throw err;
  });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium' });
  try {
    const page = async (tags) => {
      const context = await browser.newContext();
      const tab = await context.newPage();
      const console = [];
      tab.on('console', (m) => console.push(`${m.type()}: ${m.text()}`));
      tab.on('pageerror', (e) => console.push(`pageerror: ${e.message}`));
      await tab.route(`${backend.base}/bench-page.html`, (route) =>
        route.fulfill({ contentType: 'text/html', body: pageHtml(tags, publishableKey) }),
      );
      const cdp = await context.newCDPSession(tab);
      await cdp.send('Network.enable');
      await cdp.send('Network.setExtraHTTPHeaders', { headers: { 'Accept-Encoding': 'gzip, deflate, br, zstd' } });
      const scripts = new Map();
      const finished = new Map();
      cdp.on('Network.responseReceived', (e) => {
        if (e.type === 'Script')
          scripts.set(e.requestId, { url: e.response.url, encoding: e.response.headers['content-encoding'] });
      });
      cdp.on('Network.loadingFinished', (e) => finished.set(e.requestId, e.encodedDataLength));
      await tab.goto(`${backend.base}/bench-page.html`, { waitUntil: 'load' });
      await tab.evaluate(
        (wanted) => Promise.all(wanted.map((t) => customElements.whenDefined(t))),
        ['cc-provider', ...tags],
      );
      await tab.waitForLoadState('networkidle');
      const files = [...scripts].map(([id, s]) => ({ ...s, bytes: finished.get(id) ?? 0 }));
      await context.close();
      return { bytes: files.reduce((a, f) => a + f.bytes, 0), files: files.length, scripts: files, console };
    };
    return { creditApp: await page(['cc-credit-app']), everyElement: await page(CUSTOMER_TAGS) };
  } finally {
    await browser.close();
    await backend.close();
  }
}
