// Bundles the React host page (src/react-host.jsx, with react and react-dom/client) into
// public/assets/react-host.js, which /react loads. The SDK is not bundled: the page loads
// it from the backend with its own script tag, like every other demo page.
//
//   npm run build -w @customerconnect/demo

import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const demo = (path) => fileURLToPath(new URL(`../${path}`, import.meta.url));

const result = await build({
  entryPoints: [demo('src/react-host.jsx')],
  outfile: demo('public/assets/react-host.js'),
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  jsx: 'automatic',
  minify: true,
  sourcemap: 'linked',
  legalComments: 'linked',
  define: { 'process.env.NODE_ENV': '"production"' },
  metafile: true,
  logLevel: 'warning',
});

const out = Object.entries(result.metafile.outputs).find(([file]) => file.endsWith('react-host.js'));
console.log(`demo: built public/assets/react-host.js (${(out[1].bytes / 1024).toFixed(1)} KiB)`);
