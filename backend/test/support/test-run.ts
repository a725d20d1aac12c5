/**
 * The names this jest run's shared test databases go by, chosen once per run by the global setup
 * (test/support/global-setup.mjs) and removed by its teardown (test/support/global-teardown.mjs).
 */
export function testRun(): { templateDatabase: string; pgliteDump: string } {
  const { CC_TEST_TEMPLATE_DATABASE, CC_TEST_PGLITE_DUMP } = process.env;
  if (!CC_TEST_TEMPLATE_DATABASE || !CC_TEST_PGLITE_DUMP)
    throw new Error(
      'CC_TEST_TEMPLATE_DATABASE and CC_TEST_PGLITE_DUMP are unset: run the tests with jest (backend/jest.config.js)',
    );
  return { templateDatabase: CC_TEST_TEMPLATE_DATABASE, pgliteDump: CC_TEST_PGLITE_DUMP };
}
