// Forked detached by processes.mjs: `watchdog.cjs <log file> <parent pid>`. Each message lists what to stop should the parent die:
// { name, pid, start, sig, group } (sig, then SIGKILL) or { name, path } (removed). When the IPC channel closes (the parent was
// killed, or exited without cleaning up; after a clean-up it SIGTERMs us), stops what the last list holds, newest first.
// CommonJS: its listeners are in place before the parent's first message, or death, can arrive (an ES module loads asynchronously).
const fs = require('node:fs');

const [logFile, parentPid] = process.argv.slice(2);
const log = (msg) => fs.appendFileSync(logFile, `${new Date().toISOString()} ${msg}\n`);
let items = [];
process.on('message', (list) => (items = list));
process.on('disconnect', async () => {
  const { isAlive, terminate } = await import('./processes.mjs');
  if (items.length) log(`parent ${parentPid} is gone; stopping ${items.length} item(s)`);
  for (const item of items.reverse()) {
    try {
      if (item.path) fs.rmSync(item.path, { recursive: true, force: true });
      else if (isAlive(item.pid, item.start)) await terminate(item.pid, { sig: item.sig, group: item.group, timeoutMs: 15_000 });
      log(`stopped ${item.name} ${item.pid ?? item.path}`);
    } catch (err) {
      log(`could not stop ${item.name}: ${err?.message ?? err}`);
    }
  }
  process.exit(0);
});
