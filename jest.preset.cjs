// Shared Jest settings: @swc/jest compiles TypeScript (and the ESM-only Nest 12 packages) to CommonJS.
const path = require('node:path');
const root = __dirname;

module.exports = function preset(displayName, dir, extra = {}) {
  return {
    displayName,
    rootDir: dir,
    testEnvironment: 'node',
    transform: {
      '^.+\\.(t|j|mj)sx?$': [
        '@swc/jest',
        {
          jsc: {
            parser: { syntax: 'typescript', decorators: true, tsx: true },
            transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
            target: 'es2022',
          },
          module: { type: 'commonjs' },
        },
      ],
    },
    transformIgnorePatterns: [
      '/node_modules/(?!(@nestjs|file-type|strtok3|token-types|@tokenizer|@borewit|uint8array-extras|load-esm|openapi-typescript|parse-json|index-to-position|change-case|supports-color|type-fest|@fastify/static|content-disposition)/)',
    ],
    moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
    moduleNameMapper: {
      '^@ecoloop/workflow$': path.join(root, 'libs/workflow/src/index.ts'),
      '^@ecoloop/auth$': path.join(root, 'libs/auth/src/index.ts'),
      '^@ecoloop/migrations$': path.join(root, 'migrations/index.ts'),
      '^(\\.{1,2}/.*)\\.js$': '$1',
    },
    testMatch: ['**/?(*.)+(spec|test).ts?(x)'],
    ...extra,
  };
};
