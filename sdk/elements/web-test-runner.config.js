import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { mockApi } from './test/mock-api.js';

export default {
  files: ['src/**/*.test.ts'],
  nodeResolve: true,
  // Reads the decorator flags from sdk/elements/tsconfig.json itself: it does not follow `extends`.
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }),
  ],
  middleware: [mockApi],
  // Debian's Chromium; no test tool may download a browser here.
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: '/usr/bin/chromium',
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--no-first-run',
        ],
      },
    }),
  ],
  // One page at a time: a background page gets no animation frames, which fixture() waits for.
  concurrency: 1,
  filterBrowserLogs: ({ args }) => !String(args[0]).startsWith('Lit is in dev mode'),
  // axe over a form with a 249-country select takes a few seconds on a loaded 2-core machine.
  testFramework: { config: { timeout: 10000 } },
};
