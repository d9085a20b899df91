// The whole suite: pure libs, the API against real PostgreSQL/Redis, and the web e2e in Chromium.
// Run through `npm test` (scripts/test.mjs), which provides the databases.
module.exports = {
  // Library timers (pg pools, ioredis reconnects) may outlive the last test by seconds; do not let them hold CI.
  forceExit: true,
  // Jest reads testTimeout only here when several projects run together; the browser e2e needs minutes.
  testTimeout: 120000,
  projects: ['<rootDir>/scripts', '<rootDir>/libs/workflow', '<rootDir>/libs/auth', '<rootDir>/apps/api', '<rootDir>/apps/web'],
};
