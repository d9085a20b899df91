// Watchdog: started detached by infra.mjs, survives its parent being SIGKILLed.
//   node watchdog.mjs <parentPid> <parentStartTime|-> <stateFile>
// Every second it checks that the parent is still alive. When the parent is gone and the state file
// still exists (the parent did not finish its own cleanup), it stops everything listed there, newest
// first, then removes the state file and exits. When the state file disappears, it just exits.
//
// State file: { items: [ { id, kind, ... } ] } with kinds
//   process  { pid, start, group }   SIGTERM (to the group when group) then SIGKILL
//   redis    { pid, start }          SIGTERM then SIGKILL
//   postgres { pid, start }          fast shutdown (SIGINT, as pg_ctl -m fast), then SIGQUIT, then SIGKILL
//   dir      { path }                rm -rf (ephemeral data of a test run)
import fs from 'node:fs';
import path from 'node:path';
import { isSameProcess, stopPostmaster, terminate } from './proc.mjs';

const [parentArg, parentStartArg, stateFile] = process.argv.slice(2);
const parentPid = Number(parentArg);
const parentStart = parentStartArg && parentStartArg !== '-' ? parentStartArg : null;

const log = (msg) => {
  try {
    fs.appendFileSync(path.join(path.dirname(stateFile), "watchdog.log"), `${new Date().toISOString()} watchdog(${process.pid}) ${msg}\n`);
  } catch {
    /* logging is best effort */
  }
};

// The parent stops us with SIGTERM once it has cleaned up itself.
process.on('SIGTERM', () => process.exit(0));
process.on('SIGINT', () => {}); // never die of a stray Ctrl-C
process.on('SIGHUP', () => {});

let reaping = false;

async function reap() {
  reaping = true;
  let state;
  try {
    state = JSON.parse(fs.readFileSync(stateFile, 'utf8'));
  } catch {
    process.exit(0);
  }
  log(`parent ${parentPid} is gone; stopping ${state.items.length} item(s)`);
  for (const item of [...state.items].reverse()) {
    try {
      if (item.kind === 'process') {
        if (isSameProcess(item.pid, item.start)) await terminate(item.pid, { group: !!item.group, timeoutMs: 10_000 });
      } else if (item.kind === 'redis') {
        if (isSameProcess(item.pid, item.start)) await terminate(item.pid, { timeoutMs: 5_000 });
      } else if (item.kind === 'postgres') {
        if (isSameProcess(item.pid, item.start)) await stopPostmaster(item.pid);
      } else if (item.kind === 'dir') {
        fs.rmSync(item.path, { recursive: true, force: true });
      }
      log(`stopped ${item.kind} ${item.name ?? ''} ${item.pid ?? item.path ?? ''}`);
    } catch (err) {
      log(`failed to stop ${item.kind} ${item.pid ?? item.path ?? ''}: ${err?.message ?? err}`);
    }
  }
  fs.rmSync(stateFile, { force: true });
  process.exit(0);
}

setInterval(() => {
  if (reaping) return;
  if (!fs.existsSync(stateFile)) process.exit(0);
  if (!isSameProcess(parentPid, parentStart)) void reap();
}, 1000);
