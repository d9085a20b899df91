// Process helpers shared by processes.mjs and watchdog.cjs (node built-ins only; Linux /proc).
import fs from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/** { comm, state, ppid, start } of a process, or null; `start` tells it from a later one with the same pid. */
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

function signal(pid, sig, group) {
  try {
    process.kill(group ? -pid : pid, sig);
    return true;
  } catch {
    return false;
  }
}

/** `sig` (to the whole process group when `group`), then SIGKILL after `timeoutMs`; resolves once it is gone. */
export async function terminate(pid, { sig = 'SIGTERM', timeoutMs = 10_000, group = false } = {}) {
  const alive = () => (group ? signal(pid, 0, true) : isAlive(pid));
  for (const [s, wait] of [[sig, timeoutMs], ['SIGKILL', 3000]]) {
    if (!pid || !alive()) return;
    signal(pid, s, group);
    for (const until = Date.now() + wait; alive() && Date.now() < until; ) await sleep(100);
  }
}
