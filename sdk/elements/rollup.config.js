import { readdirSync } from 'node:fs';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';
import { manualChunks } from './scripts/chunks.mjs';
import { minifyCssTemplates } from './scripts/minify-css.mjs';
import { resolveProduction } from './scripts/resolve-production.mjs';

const typescript = () => esbuild({ target: 'es2022', tsconfig: 'tsconfig.json' });
const entriesIn = (dir) =>
  readdirSync(`src/${dir}`)
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
    .map((file) => `src/${dir}/${file}`);

export default [
  // npm: one ES module per source file, dependencies left to the merchant's bundler.
  {
    input: [
      'src/index.ts',
      'src/internal.ts',
      'src/currencies.ts',
      ...entriesIn('define'),
      ...entriesIn('styles/themes'),
    ],
    external: /^(lit|lit-html|lit-element|@lit\/[^/]+|tslib)(\/|$)/,
    plugins: [typescript()],
    output: {
      dir: 'dist',
      format: 'es',
      preserveModules: true,
      preserveModulesRoot: 'src',
      entryFileNames: '[name].js',
      sourcemap: true,
    },
  },
  // <script type="module" src=".../cc-sdk.js">: a small loader, and one chunk per element plus the
  // shared chunks (Lit, the internals) it imports the first time the page uses a tag. Imports
  // between them are relative, so a release is one folder (/sdk/<version>/).
  {
    input: 'src/cc-sdk.ts',
    plugins: [
      resolveProduction(),
      minifyCssTemplates(),
      typescript(),
      terser({ module: true, ecma: 2022, compress: { passes: 2 } }),
    ],
    output: {
      dir: 'dist',
      format: 'es',
      // The maps are written beside the files but not named in them: the backend serves only the
      // .js files, so a `sourceMappingURL` comment would cost every script bytes and point at a 404.
      sourcemap: 'hidden',
      entryFileNames: 'cc-sdk.js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      manualChunks,
    },
  },
];
