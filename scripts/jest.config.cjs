// Tests of the npm start / npm test orchestration (scripts/lib). They run the .mjs modules in child
// node processes, as `npm start` does.
module.exports = require('../jest.preset.cjs')('scripts', __dirname, { testTimeout: 60000 });
