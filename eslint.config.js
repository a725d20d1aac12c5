// One linter for the whole repository (npm run lint): typescript-eslint everywhere, and
// eslint-plugin-lit + eslint-plugin-wc for the web components. Formatting is Prettier's job.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/.data/**',
      '**/coverage/**',
      '.nx/**',
      'bench/results/**',
      'demo/public/assets/react-host.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['sdk/**/*.ts', 'sdk/**/*.js', 'demo/public/**/*.js', 'demo/src/**/*'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { lit, wc },
    rules: { ...lit.configs.recommended.rules, ...wc.configs.recommended.rules },
  },
  {
    // Tests: chai's `expect(x).to.be.true` is an expression statement; test helpers read untyped JSON
    // answers; end-to-end tests and benches run functions inside the page (page.evaluate), so browser
    // globals are in scope there too.
    files: ['**/*.test.ts', '**/*.spec.ts', '**/*.test.mjs', '**/test/**', 'bench/**'],
    languageOptions: { globals: { ...globals.mocha, ...globals.jest, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-expressions': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
);
