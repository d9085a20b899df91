// The whole suite: pure libs, the API against real PostgreSQL/Redis, and the web e2e in Chromium.
// Run through `npm test` (scripts/test.mjs), which provides the databases.
module.exports = {
  // Library timers (pg pools, ioredis reconnects) may outlive the last test by seconds; do not let them hold CI.
  forceExit: true,
  projects: ['<rootDir>/libs/workflow', '<rootDir>/libs/auth', '<rootDir>/apps/api', '<rootDir>/apps/web'],
};
