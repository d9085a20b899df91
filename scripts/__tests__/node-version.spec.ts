import { execFileSync } from 'node:child_process';
import path from 'node:path';

const deps = path.join(__dirname, '..', 'lib', 'deps.mjs');

/** satisfies() from deps.mjs, run in a child node process as `npm start` runs it. */
function satisfies(version: string, range: string): boolean {
  const script = `import { satisfies } from ${JSON.stringify(deps)}; process.stdout.write(String(satisfies(${JSON.stringify(version)}, ${JSON.stringify(range)})));`;
  return execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }) === 'true';
}

describe('the Node version check of npm start and npm test', () => {
  const engines = '^20.19.0 || ^22.13.0 || >=24.11.0';

  it('accepts the Node versions every dependency supports', () => {
    for (const v of ['20.19.0', '20.20.2', '22.13.0', '22.20.1', '24.11.0', '25.1.0']) expect([v, satisfies(v, engines)]).toEqual([v, true]);
  });

  it('refuses older ones and the gaps between the supported lines', () => {
    for (const v of ['18.20.4', '20.18.3', '21.7.3', '22.12.0', '23.11.0', '24.10.0']) expect([v, satisfies(v, engines)]).toEqual([v, false]);
  });

  it('is what package.json declares and this machine runs', () => {
    const pkg = require('../../package.json') as { engines: { node: string } };
    expect(pkg.engines.node).toBe(engines);
    expect(satisfies(process.versions.node, engines)).toBe(true);
  });
});
