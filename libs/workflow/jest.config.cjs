module.exports = require('../../jest.preset.cjs')('workflow', __dirname);
