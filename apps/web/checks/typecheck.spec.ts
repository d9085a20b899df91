import { describe, expect, it } from '@jest/globals';
import { typeErrors as tsc } from '../../api/src/test-support/typecheck';

/** The strict consumer of the generated client: the web and its browser tests compile against apps/web/src/api/schema.d.ts. */
describe('web type check (strict)', () => {
  it('compiles the client against the generated API types', () => {
    expect(tsc('apps/web/tsconfig.json')).toBe('');
  }, 120_000);

  it('compiles the browser tests and these checks (one program: apps/web/e2e/tsconfig.json) against the same types', () => {
    expect(tsc('apps/web/e2e/tsconfig.json')).toBe('');
  }, 180_000);
});
