// API tests run against the real PostgreSQL and Redis that `npm test` provides (scripts/test.mjs),
// each file on a database copied from the run's template (src/test-support/isolated-database.ts).
module.exports = require('../../jest.preset.cjs')('api', __dirname, {
  globalSetup: '<rootDir>/src/test-support/global-setup.ts',
  setupFilesAfterEnv: ['<rootDir>/src/test-support/isolated-database.ts'],
  testTimeout: 30000,
});
