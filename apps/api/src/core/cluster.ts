import cluster, { type Worker } from 'node:cluster';

/**
 * One instance on several cores (API_PROCESSES > 1): this primary process serves nothing itself; it
 * runs `processes` copies of the program on the same port (node:cluster hands connections to them in
 * turn). The first copy has the instance's `role`, migrates and loads demo data; the others start once
 * it listens and serve HTTP only (`api`), so timers and jobs run once per instance as with one process.
 * A copy that dies is started again; SIGINT/SIGTERM stop every copy, then the primary.
 */
export function runCluster(processes: number, role: 'all' | 'api'): void {
  // The role goes by environment; a `--role=` argument would override it in every copy.
  cluster.setupPrimary({ args: process.argv.slice(2).filter((a) => !a.startsWith('--role=')) });
  const roles = new Map<Worker, 'all' | 'api'>();
  let stopping = false;
  let started = false;

  const fork = (r: 'all' | 'api'): Worker => {
    const worker = cluster.fork({ APP_ROLE: r });
    roles.set(worker, r);
    return worker;
  };

  cluster.on('exit', (worker, code, signal) => {
    const r = roles.get(worker) ?? 'api';
    roles.delete(worker);
    if (stopping) {
      if (roles.size === 0) process.exit(0);
      return;
    }
    if (!started) {
      console.error(`EcoLoop: the first API process exited before listening (${signal ?? code}); stopping`);
      process.exit(typeof code === 'number' && code !== 0 ? code : 1);
    }
    console.error(`EcoLoop: an API process (${r}) exited (${signal ?? code}); starting another`);
    setTimeout(() => fork(r), 1000).unref();
  });

  const first = fork(role);
  first.once('listening', () => {
    started = true;
    for (let i = 1; i < processes; i++) fork('api');
    console.log(`EcoLoop: ${processes} API processes`);
  });

  const stop = () => {
    if (stopping) return;
    stopping = true;
    if (roles.size === 0) process.exit(0);
    for (const worker of roles.keys()) worker.process.kill('SIGTERM');
    // A copy that does not stop within 15 s is killed.
    setTimeout(() => {
      for (const worker of roles.keys()) worker.process.kill('SIGKILL');
      process.exit(1);
    }, 15_000).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
