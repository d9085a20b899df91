// What PostgreSQL and Redis share: a configured server (DATABASE_URL, REDIS_URL) checked, or one we
// start — its files (.data for `npm start`, else a throw-away run directory), its port, a leftover of a
// killed run, and waiting until it answers.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import getPort from 'get-port';
import { reachableByOthers, sharedDir } from './pg-runtime.mjs';
import { procInfo, terminate } from './proc.mjs';
import { DATA_DIR, IS_ROOT, InfraError, log, redact, track, warn } from './processes.mjs';

let testRunDir = null;
/** .data for `npm start`; otherwise a fresh directory for this run's servers and files, removed at the end (KEEP_TEST_DB=1 keeps it). */
export function runDir(purpose) {
  if (purpose === 'start') {
    fs.mkdirSync(DATA_DIR, { recursive: true });
    return DATA_DIR;
  }
  if (testRunDir) return testRunDir;
  const base = IS_ROOT && !reachableByOthers(os.tmpdir()) ? sharedDir('tmp') : os.tmpdir();
  const dir = fs.mkdtempSync(path.join(base, `ecoloop-test-${process.pid}-`));
  fs.chmodSync(dir, 0o755); // the postgres user must reach its data directory
  if (process.env.KEEP_TEST_DB !== '1') track('test run directory', { stop: () => fs.rmSync(dir, { recursive: true, force: true }), watch: { path: dir } });
  testRunDir = dir;
  return dir;
}

/** { url } of the server configured in environment variable `name` once `check(url)` passes, or null when unset. */
export async function configured(name, what, check, advice) {
  const url = process.env[name];
  if (!url) return null;
  await check(url).catch((err) => {
    throw new InfraError(`${name} is set but ${what} does not answer there (${redact(url)}): ${err.message}\n${advice}`);
  });
  log(`${what}: using ${name} ${redact(url)}`);
  return { url, embedded: false };
}

/** A free port: `name` from the environment, else `fallback`, else any free one. */
export async function freePort(name, fallback, what, alternative) {
  const raw = process.env[name];
  const port = raw ? Number(raw) : fallback;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InfraError(`${name}=${raw} is not a valid port`);
  if (!port) return getPort({ host: '127.0.0.1' });
  if ((await getPort({ port, host: '127.0.0.1' })) !== port)
    throw new InfraError(`port ${port} (for ${what}) is already in use by another program.\nSet ${name} to a free port, or ${alternative}.`);
  return port;
}

/** Stops the `comm` whose pid `pidFile` holds: left running by an earlier run killed along with its watchdog. */
export async function stopLeftover(pidFile, comm, sig) {
  const pid = fs.existsSync(pidFile) ? Number.parseInt(fs.readFileSync(pidFile, 'utf8'), 10) : 0;
  if (!procInfo(pid)?.comm.startsWith(comm)) return;
  warn(`stopping ${comm} (pid ${pid}) left running by an earlier run`);
  await terminate(pid, { sig, timeoutMs: 30_000 });
}

/** Waits until `check()` resolves; fails when the `server` we started exits first, or after `seconds`. */
export async function waitFor(what, check, { server, seconds, logFile }) {
  for (const until = Date.now() + seconds * 1000; ; await sleep(200)) {
    if (!server.running()) throw new InfraError(`${what} exited during start-up; see ${logFile}.`);
    const err = await check().then(() => null, (e) => e);
    if (!err) return;
    if (Date.now() > until) throw new InfraError(`${what} does not answer after ${seconds} s (${err.message}); see ${logFile}.`);
  }
}
