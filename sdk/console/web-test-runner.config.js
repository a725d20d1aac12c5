import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import base from '../elements/web-test-runner.config.js';
import { mockApi } from '../elements/test/mock-api.js';
import { mockConsoleApi } from './test/mock-console-api.js';

// The elements' setup (Debian's Chromium, one page at a time, timeouts), with the console's
// own tsconfig and the console's merchant routes (dashboard sessions) before the widget routes.
export default {
  ...base,
  files: ['src/**/*.test.ts'],
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }),
  ],
  middleware: [mockConsoleApi, mockApi],
};
