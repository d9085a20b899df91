import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';

const ROOT = join(__dirname, '../../..');

function tsc(project: string): string {
  try {
    execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', join(ROOT, project)], { encoding: 'utf8', stdio: 'pipe' });
    return '';
  } catch (e) {
    return String((e as { stdout?: string }).stdout ?? e);
  }
}

/** The strict consumer of the generated client: the web and its browser tests compile against apps/web/src/api/schema.d.ts. */
describe('web type check (strict)', () => {
  it('compiles the client against the generated API types', () => {
    expect(tsc('apps/web/tsconfig.json')).toBe('');
  }, 120_000);

  it('compiles the browser tests and these checks (one program: apps/web/e2e/tsconfig.json) against the same types', () => {
    expect(tsc('apps/web/e2e/tsconfig.json')).toBe('');
  }, 180_000);
});
