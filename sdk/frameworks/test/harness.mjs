// Shared by the framework tests: type-check a project with its compiler, bundle a page with
// esbuild, serve it beside the SDK's mock API (sdk/elements/test/mock-api.js, over real HTTP)
// and open it in Debian's Chromium.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startDevServer } from '@web/dev-server';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { mockApi } from '../../elements/test/mock-api.js';

export const root = new URL('..', import.meta.url).pathname;
const bin = (name) => join(root, '../../node_modules/.bin', name);

/**
 * Runs a compiler on a project (by default its `--noEmit` check); resolves to its exit code and
 * everything it printed. Asynchronous, so that a test can run two compiles at once.
 */
export function typeCheck(compiler, project, args = ['--noEmit', '--pretty', 'false']) {
  const child = spawn(bin(compiler), ['-p', join(root, project), ...args], { cwd: root });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (text) => (output += text));
  child.stderr.setEncoding('utf8').on('data', (text) => (output += text));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, output }));
  });
}

/**
 * The error lines of a compiler's output, as `file(line,col): error TSxxxx: message`. ngc always
 * prints in colour as `file:line:col - error TSxxxx: message`; that form is rewritten to this one.
 */
export const errorsOf = (output) =>
  output
    // eslint-disable-next-line no-control-regex
    .replace(/\x1b\[[0-9;]*m/g, '')
    .split('\n')
    .map((line) => line.replace(/^(\S+):(\d+):(\d+) - error /, '$1($2,$3): error '))
    .filter((line) => / error (TS|NG)\d+:/.test(line));

/**
 * Bundles `entry` (relative to sdk/frameworks, or absolute: a compiler's output) into a fresh
 * folder with an index.html that loads it; returns the folder.
 */
export async function bundlePage(entry, plugins = []) {
  const outdir = mkdtempSync(join(tmpdir(), 'cc-frameworks-'));
  await build({
    entryPoints: [resolve(root, entry)],
    // A compiler's output in a temporary folder finds the packages where sdk/frameworks does.
    nodePaths: [join(root, '../../node_modules')],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    outfile: join(outdir, 'app.js'),
    // Lit's production build, as merchants' bundlers pick it.
    conditions: ['production'],
    define: {
      'process.env.NODE_ENV': '"production"',
      __VUE_OPTIONS_API__: 'true',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
      // Angular's production build, as `ng build` defines it.
      ngDevMode: 'false',
      ngJitMode: 'false',
      ngI18nClosureMode: 'false',
    },
    plugins,
    logLevel: 'silent',
  });
  writeFileSync(
    join(outdir, 'index.html'),
    '<!doctype html><html lang="en"><head><link rel="icon" href="data:,"></head><body><div id="root"></div><script type="module" src="/app.js"></script></body></html>',
  );
  return outdir;
}

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Serves `dir` with the mock API, opens it in Chromium and waits for the page's cc-ready
 * handler to write `ready: <merchant>`; returns what the page showed and logged, with what
 * `then(page)` returns (steps a test takes after that, with Playwright's page) as `then`.
 */
export async function runPage(dir, then = async () => undefined) {
  const port = await freePort();
  const server = await startDevServer({
    config: { rootDir: dir, port, hostname: '127.0.0.1', middleware: [mockApi] },
    readCliArgs: false,
    readFileConfig: false,
    logStartMessage: false,
    autoExitProcess: false,
  });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--no-first-run',
    ],
  });
  try {
    const page = await (await browser.newContext()).newPage();
    const logs = [];
    page.on('console', (message) => logs.push(`${message.type()}: ${message.text()}`));
    page.on('pageerror', (error) => logs.push(`pageerror: ${error.message}`));
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => document.querySelector('#ready')?.textContent?.startsWith('ready:'), null, {
      timeout: 15000,
    });
    const ready = await page.textContent('#ready');
    const heading = await page.evaluate(
      () => document.querySelector('cc-credit-app')?.shadowRoot?.querySelector('h2')?.textContent ?? '',
    );
    const fields = await page.evaluate(
      () => document.querySelector('cc-credit-app')?.shadowRoot?.querySelectorAll('input, select').length ?? 0,
    );
    const after = await then(page);
    return { ready, heading, fields, then: after, logs };
  } finally {
    await browser.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
