import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';
import { resolveProduction } from '../elements/scripts/resolve-production.mjs';

// The merchant console (/dashboard): one file of its own, @customerconnect/sdk and Lit included,
// so customer pages never download it.
export default {
  input: 'src/cc-console.ts',
  plugins: [
    resolveProduction(),
    esbuild({ target: 'es2022', tsconfig: 'tsconfig.json' }),
    terser({ module: true, ecma: 2022, compress: { passes: 2 } }),
  ],
  output: { file: 'dist/cc-console.js', format: 'es', sourcemap: true, inlineDynamicImports: true },
};
