// The whole suite: pure libs, the API against real PostgreSQL/Redis, and the web e2e in Chromium.
// Run through `npm test` (scripts/test.mjs), which provides the databases.
module.exports = {
  projects: ['<rootDir>/libs/workflow', '<rootDir>/libs/auth', '<rootDir>/apps/api', '<rootDir>/apps/web'],
};
