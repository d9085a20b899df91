// The servers PostgreSQL (postgres.mjs) and Redis need: a configured one (DATABASE_URL, REDIS_URL) checked, or one we start, with its
// files (.data for `npm start`, else a throw-away run directory), its port, a leftover of a killed run, and waiting until it answers.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import getPort from 'get-port';
import { Redis } from 'ioredis';
import { reachableByOthers, sharedDir } from './pg-runtime.mjs';
import { DATA_DIR, IS_ROOT, InfraError, log, procInfo, redact, startChild, terminate, track, warn } from './processes.mjs';
import { findOrInstall } from './system.mjs';

let testRunDir = null;
/** .data for `npm start`; otherwise a fresh directory for this run's servers and files, removed at the end (KEEP_TEST_DB=1 keeps it). */
export function runDir(purpose) {
  if (purpose === 'start') {
    fs.mkdirSync(DATA_DIR, { recursive: true });
    return DATA_DIR;
  }
  if (testRunDir) return testRunDir;
  const base = IS_ROOT && !reachableByOthers(os.tmpdir()) ? sharedDir('tmp') : os.tmpdir();
  testRunDir = fs.mkdtempSync(path.join(base, `ecoloop-test-${process.pid}-`));
  fs.chmodSync(testRunDir, 0o755); // the postgres user must reach its data directory
  const remove = () => fs.rmSync(testRunDir, { recursive: true, force: true });
  if (process.env.KEEP_TEST_DB !== '1') track('test run directory', { stop: remove, watch: { path: testRunDir } });
  return testRunDir;
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
  const port = process.env[name] ? Number(process.env[name]) : fallback;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InfraError(`${name}=${process.env[name]} is not a valid port`);
  const free = await getPort({ port, host: '127.0.0.1' }); // any free port for 0
  if (port && free !== port)
    throw new InfraError(`port ${port} (for ${what}) is already in use by another program.\nSet ${name} to a free port, or ${alternative}.`);
  return free;
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

/** Resolves once Redis at `url` answers PING. */
const ping = (url, timeoutMs = 5000) => {
  const client = new Redis(url, { lazyConnect: true, connectTimeout: timeoutMs, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => {});
  return client.connect().then(() => client.ping()).finally(() => client.disconnect());
};

/** REDIS_URL (PING-checked), else a local redis-server (nothing kept on disk) on EMBEDDED_REDIS_PORT (6390) for `npm start`, a free port otherwise. */
export async function startRedis({ purpose = 'start' } = {}) {
  const given = await configured('REDIS_URL', 'Redis', ping, 'Fix the URL, or unset REDIS_URL to start a local redis-server.');
  if (given) return given;
  const hint = 'Install redis-server (Debian/Ubuntu: `sudo apt-get install redis-server`; macOS: `brew install redis`) or set REDIS_URL to a running Redis.';
  const binary = await findOrInstall('redis-server', ['redis-server'], hint);
  const dir = path.join(runDir(purpose), 'redis');
  fs.mkdirSync(dir, { recursive: true });
  const [pidFile, logFile] = [path.join(dir, 'redis.pid'), path.join(dir, 'redis.log')];
  await stopLeftover(pidFile, 'redis-server', 'SIGTERM');
  const port = await freePort('EMBEDDED_REDIS_PORT', purpose === 'start' ? 6390 : 0, 'the local redis-server', 'REDIS_URL to use an existing Redis');
  log(`starting redis-server on 127.0.0.1:${port}${purpose === 'start' ? '' : ' (throw-away)'}, log: ${logFile}`);
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--pidfile', pidFile, '--logfile', logFile];
  const server = startChild('redis-server', binary, args, { cwd: dir, stdout: 'ignore', stopTimeoutMs: 5000, group: false });
  await waitFor('redis-server', () => ping(`redis://127.0.0.1:${port}`, 1000), { server, seconds: 15, logFile });
  return { url: `redis://127.0.0.1:${port}`, embedded: true };
}
