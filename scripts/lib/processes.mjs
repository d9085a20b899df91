// Output, errors, and every child we start: tracked and stopped newest first on Ctrl-C / SIGTERM / SIGHUP,
// when npm (our parent) dies, or on an error; a detached watchdog (watchdog.cjs) stops them if we are killed.
import { fork } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { execa } from 'execa';
import { ROOT } from './deps.mjs';

export { ROOT };
export const DATA_DIR = path.join(ROOT, '.data');
export const IS_ROOT = process.getuid?.() === 0;
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => {}); // a closed terminal must not stop the cleanup

export const log = (msg) => process.stdout.write(`[ecoloop] ${msg}\n`);
export const warn = (msg) => process.stderr.write(`[ecoloop] warning: ${msg}\n`);
/** An error whose message is meant for the user as is (no stack trace). */
export class InfraError extends Error {}
/** The URL with its password hidden: postgres://user:***@host/db */
export const redact = (url) => url.replace(/^(\w+:\/\/[^:/@]*:)[^@]*@/, '$1***@');

/** { comm, state, ppid, start } of a process (Linux /proc), or null; `start` tells it from a later one with the same pid. */
export function procInfo(pid) {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' '); // the command name may hold spaces
    return { comm: text.slice(text.indexOf('(') + 1, text.lastIndexOf(')')), state: fields[0], ppid: Number(fields[1]), start: fields[19] };
  } catch {
    return null;
  }
}

/** Alive and not a zombie; with `start`, still the same process. */
export function isAlive(pid, start = null) {
  const info = pid > 0 && procInfo(pid);
  return !!info && info.state !== 'Z' && (!start || info.start === start);
}

/** `sig` (to the whole process group when `group`), then SIGKILL after `timeoutMs`; resolves once it is gone. */
export async function terminate(pid, { sig = 'SIGTERM', timeoutMs = 10_000, group = false } = {}) {
  const signal = (s) => {
    try {
      return process.kill(group ? -pid : pid, s);
    } catch {
      return false;
    }
  };
  const alive = () => (group ? signal(0) : isAlive(pid));
  for (const [s, wait] of [[sig, timeoutMs], ['SIGKILL', 3000]]) {
    if (!pid || !alive()) return;
    signal(s);
    for (const until = Date.now() + wait; alive() && Date.now() < until; ) await sleep(100);
  }
}

const entries = []; // { name, stop, watch? }, stopped newest first
let watchdog = null;
let cleaning = null;
let interruptedAt = 0; // by a signal: its handler stops everything and exits
export const isShuttingDown = () => interruptedAt > 0 || !!cleaning;

/** Sends the watchdog (started on first use) what it is to stop should we die. */
function tellWatchdog() {
  if (!watchdog) {
    const logFile = path.join(DATA_DIR, 'run', 'watchdog.log');
    fs.mkdirSync(path.dirname(logFile), { recursive: true });
    const stdio = ['ignore', 'ignore', 'ignore', 'ipc'];
    watchdog = fork(path.join(ROOT, 'scripts/lib/watchdog.cjs'), [logFile, String(process.pid)], { detached: true, stdio, execArgv: [] });
    watchdog.on('error', (err) => warn(`the watchdog: ${err.message}`));
    watchdog.unref();
    watchdog.channel?.unref();
  }
  watchdog.send(entries.flatMap((e) => e.watch ?? []));
}

/** Registers something to stop on exit (returns untrack()); `watch` tells the watchdog how if we are killed: { pid, sig, group } or { path }. */
export function track(name, { stop, watch = null }) {
  const entry = { name, stop, watch: watch && { name, ...watch, start: watch.pid && procInfo(watch.pid)?.start } };
  entries.push(entry);
  if (watch) tellWatchdog();
  return () => {
    if (!entries.includes(entry)) return;
    entries.splice(entries.indexOf(entry), 1);
    if (watch) tellWatchdog();
  };
}

/** Stops everything started so far, newest first, then the watchdog. Idempotent. */
export function cleanupAll() {
  cleaning ??= (async () => {
    while (entries.length) {
      const { name, stop } = entries.pop();
      await Promise.resolve().then(stop).catch((err) => warn(`could not stop ${name}: ${err?.message ?? err}`));
    }
    watchdog?.kill('SIGTERM');
  })();
  return cleaning;
}

/** Top-level error handler of the scripts: clear message, stop what we started, exit 1. */
export async function fail(err) {
  if (interruptedAt) return;
  process.stderr.write(`\n[ecoloop] ${err instanceof InfraError ? `error: ${err.message}` : `unexpected error: ${err?.stack ?? err}`}\n\n`);
  await cleanupAll();
  process.exit(1);
}

/** On SIGINT/SIGTERM/SIGHUP, or when npm (our parent) is gone: stops what we started, exits with `code`. A repeated signal after 3 s forces the exit. */
export function exitOnSignal(code) {
  const fire = async (why) => {
    if (interruptedAt && Date.now() - interruptedAt > 3000) {
      warn('forced exit');
      process.exit(130);
    }
    if (interruptedAt) return;
    interruptedAt = Date.now();
    log(`${why}: stopping…`);
    await cleanupAll();
    log('stopped');
    process.exit(code);
  };
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => fire(sig));
  if (!process.env.npm_lifecycle_event) return;
  // `npm start` SIGKILLed leaves us orphaned: watch npm, and the `sh -c` between us when there is one.
  const parent = procInfo(process.ppid);
  const watched = [[process.ppid, parent?.start], ...(/^(sh|dash|bash)$/.test(parent?.comm) ? [[parent.ppid, procInfo(parent.ppid)?.start]] : [])];
  setInterval(() => watched.some(([pid, start]) => !isAlive(pid, start)) && fire('npm exited'), 1000).unref();
}

/**
 * Starts a child in its own process group (a terminal's Ctrl-C reaches only us; we stop things in order); `group: false` signals
 * only the child (a postmaster stops its own workers). Returns the execa subprocess (a promise of its result) and running().
 */
export function startChild(name, file, args, { stopSignal = 'SIGTERM', stopTimeoutMs = 15_000, group = true, ...options } = {}) {
  const io = { stdin: 'ignore', stdout: 'inherit', stderr: 'inherit' };
  const child = execa(file, args, { cwd: ROOT, detached: true, cleanup: false, reject: false, ...io, ...options });
  const running = () => child.exitCode === null && child.signalCode === null;
  const stop = async () => {
    untrack();
    if (!running()) return;
    log(`stopping ${name}…`);
    await terminate(child.pid, { sig: stopSignal, timeoutMs: stopTimeoutMs, group });
  };
  const untrack = track(name, { stop, watch: child.pid ? { pid: child.pid, sig: stopSignal, group } : null });
  void child.then(untrack);
  return { child, running };
}

/** Runs a command to completion (its output shown unless `quiet`); resolves with its exit code, or never once we are interrupted. */
export async function run(file, args, { quiet = false, ...options } = {}) {
  const never = () => new Promise(() => {}); // the shutdown handler exits
  if (isShuttingDown()) return never();
  const io = quiet ? { stdout: 'ignore', stderr: 'ignore' } : {};
  const { child } = startChild(`${path.basename(file)} ${args[0] ?? ''}`, file, args, { stopTimeoutMs: 5000, ...io, ...options });
  const result = await child;
  if (isShuttingDown()) return never();
  if (result.exitCode === undefined && !result.signal) throw new InfraError(`could not run ${file}: ${result.shortMessage}`);
  return result.exitCode ?? 1;
}
