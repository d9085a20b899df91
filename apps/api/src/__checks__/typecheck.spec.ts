import { describe, expect, it } from '@jest/globals';
import { typeErrors as tsc } from '../test-support/typecheck.js';

/**
 * Jest compiles the tests without checking their types (@swc/jest), so a test that drifted from the
 * code it tests would still run. These programs hold the sources and their tests together: the API's
 * (with its test support, against the built libs as apps/api/tsconfig.json sees them) and the libs'.
 */
describe('test type check (strict)', () => {
  it('compiles the API with its tests and test support (apps/api/tsconfig.spec.json)', () => {
    expect(tsc('apps/api/tsconfig.spec.json')).toBe('');
  }, 240_000);

  it('compiles libs/workflow with its tests (libs/workflow/tsconfig.spec.json)', () => {
    expect(tsc('libs/workflow/tsconfig.spec.json')).toBe('');
  }, 120_000);

  it('compiles libs/auth with its tests (libs/auth/tsconfig.spec.json)', () => {
    expect(tsc('libs/auth/tsconfig.spec.json')).toBe('');
  }, 120_000);
});
