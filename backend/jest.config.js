/** Jest in ESM mode with SWC (NestJS 12 is ESM-only; see the toolchain guide). */
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'es6' },
  sourceMaps: 'inline',
};

export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', swc] },
  moduleNameMapper: {
    '^(\\.{1,2}/.*)\\.js$': '$1',
    // The ISO 4217 table shared with the SDK, from its source (no SDK build needed for the tests).
    '^@customerconnect/sdk/currencies$': '<rootDir>/../sdk/elements/src/currencies.ts',
  },
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.test.ts'],
  // One migrated database per run, copied for each app (test/support/postgres.ts, embedded-template.ts).
  globalSetup: '<rootDir>/test/support/global-setup.mjs',
  globalTeardown: '<rootDir>/test/support/global-teardown.mjs',
  testTimeout: 90000,
  maxWorkers: 2,
};
