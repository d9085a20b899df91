import { describe, expect, it } from '@jest/globals';
import { typeErrors as tsc } from '../test-support/typecheck.js';

/**
 * Jest compiles the tests without checking their types (@swc/jest), so a test that drifted from the
 * code it tests would still run. The API's tests and test support are checked against the API's and the
 * libs' built declarations (`npm test` builds first; the build has checked the sources), each lib's
 * tests with the lib's sources.
 */
describe('test type check (strict)', () => {
  it('compiles the API\'s tests and test support against its declarations (apps/api/tsconfig.spec.json)', () => {
    expect(tsc('apps/api/tsconfig.spec.json')).toBe('');
  }, 240_000);

  it('compiles libs/workflow with its tests (libs/workflow/tsconfig.spec.json)', () => {
    expect(tsc('libs/workflow/tsconfig.spec.json')).toBe('');
  }, 120_000);

  it('compiles libs/auth with its tests (libs/auth/tsconfig.spec.json)', () => {
    expect(tsc('libs/auth/tsconfig.spec.json')).toBe('');
  }, 120_000);
});
