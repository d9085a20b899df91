// Small process helpers shared by infra.mjs and watchdog.mjs (node built-ins only).
import fs from 'node:fs';

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** True when a process with this pid exists and is not a zombie (exited, waiting to be reaped). */
export function isAlive(pid) {
  if (!pid || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (err) {
    if (err.code !== 'EPERM') return false;
  }
  return stateOf(pid) !== 'Z';
}

/** The process state letter from /proc/<pid>/stat (R, S, Z, ...), or null. */
function stateOf(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  } catch {
    return null;
  }
}

/** The process's start time in clock ticks since boot (Linux), or null when unknown. Guards against pid reuse. */
export function startTimeOf(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 2 (comm) may contain spaces and parentheses: split after the last ')'.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return rest[19] ?? null; // field 22 overall
  } catch {
    return null;
  }
}

/** The process's short command name (Linux /proc/<pid>/comm), or null. */
export function commOf(pid) {
  try {
    return fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return null;
  }
}

/** The process's command line (Linux), or ''. */
export function cmdlineOf(pid) {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    return '';
  }
}

/** Alive and, when a start time was recorded, still the same process. */
export function isSameProcess(pid, start) {
  if (!isAlive(pid)) return false;
  if (!start) return true;
  const now = startTimeOf(pid);
  return now === null || now === start;
}

export function signal(pid, sig, { group = false } = {}) {
  try {
    process.kill(group ? -pid : pid, sig);
    return true;
  } catch {
    return false;
  }
}

export async function waitForExit(pid, timeoutMs, { group = false } = {}) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!(group ? groupAlive(pid) : isAlive(pid))) return true;
    await sleep(100);
  }
  return !(group ? groupAlive(pid) : isAlive(pid));
}

/** Does any non-zombie process remain in process group `pgid`? */
function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
  } catch (err) {
    if (err.code !== 'EPERM') return false;
  }
  let pids;
  try {
    pids = fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return true; // no /proc: trust kill(0)
  }
  for (const pid of pids) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(rest[2]) === pgid && rest[0] !== 'Z') return true;
    } catch {
      /* exited meanwhile */
    }
  }
  return false;
}

/** SIGTERM (or the given signal), then SIGKILL after the timeout. For a group leader, signals the whole group. */
export async function terminate(pid, { sig = 'SIGTERM', timeoutMs = 10_000, group = false } = {}) {
  if (!(group ? groupAlive(pid) : isAlive(pid))) return;
  signal(pid, sig, { group });
  if (await waitForExit(pid, timeoutMs, { group })) return;
  signal(pid, 'SIGKILL', { group });
  await waitForExit(pid, 3_000, { group });
}

/** Stops a PostgreSQL postmaster like `pg_ctl stop -m fast` does (SIGINT), escalating to immediate (SIGQUIT) and SIGKILL. */
export async function stopPostmaster(pid, { timeoutMs = 30_000 } = {}) {
  if (!isAlive(pid)) return;
  signal(pid, 'SIGINT');
  if (await waitForExit(pid, timeoutMs)) return;
  signal(pid, 'SIGQUIT');
  if (await waitForExit(pid, 5_000)) return;
  signal(pid, 'SIGKILL');
  await waitForExit(pid, 3_000);
}

/** The postmaster pid recorded in a data directory, or null. */
export function postmasterPid(dataDir) {
  try {
    const first = fs.readFileSync(`${dataDir}/postmaster.pid`, 'utf8').split('\n')[0];
    const pid = Number.parseInt(first, 10);
    return Number.isFinite(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}
