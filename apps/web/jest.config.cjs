// Browser tests run the real API (e2e/support/server.ts); like the API's tests, each file gets a
// database copied from the run's template, so that files never see each other's users, units,
// enterprises or cases (api/src/test-support/isolated-database.ts).
module.exports = require('../../jest.preset.cjs')('web', __dirname, {
  testTimeout: 120000,
  setupFilesAfterEnv: ['<rootDir>/../api/src/test-support/isolated-database.ts'],
});
