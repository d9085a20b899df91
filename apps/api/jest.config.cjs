// API tests run against the real PostgreSQL and Redis that `npm test` provides (scripts/test.mjs).
module.exports = require('../../jest.preset.cjs')('api', __dirname, {
  globalSetup: '<rootDir>/src/test-support/global-setup.ts',
  testTimeout: 30000,
});
