import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../../..');

/**
 * What `tsc --noEmit -p <project>` (a path from the repository's root) prints: '' when the project
 * compiles. For the type checks of the tests, which Jest compiles without checking types (@swc/jest).
 */
export function typeErrors(project: string): string {
  try {
    execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', join(ROOT, project)], { encoding: 'utf8', stdio: 'pipe' });
    return '';
  } catch (e) {
    return String((e as { stdout?: string }).stdout ?? e);
  }
}
