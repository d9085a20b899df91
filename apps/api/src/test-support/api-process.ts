import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';

/** The built API as deployed (`npm test` builds it before jest). */
const MAIN = path.resolve(__dirname, '../../dist/main.js');

export interface ApiProcess {
  child: ChildProcess;
  port: number;
  base: string;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Starts `node dist/main.js [args]` on the test database (no demo data) and waits until it is healthy. */
export async function startApiProcess(args: string[] = [], env: Record<string, string> = {}, waitHealthy = true): Promise<ApiProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.resolve(MAIN), ...args], {
    env: { ...process.env, NODE_ENV: 'test', DEMO_SEED: 'false', PORT: String(port), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const proc = { child, port, base: `http://127.0.0.1:${port}/api/v1` };
  if (waitHealthy) await healthy(proc);
  return proc;
}

/** Up to 90 s: a starting process migrates and loads reference data, slowly on a busy machine. */
export async function healthy(proc: ApiProcess): Promise<void> {
  for (let i = 0; i < 450; i++) {
    if (proc.child.exitCode !== null || proc.child.signalCode !== null) throw new Error(`the API process on ${proc.port} exited`);
    const ok = await fetch(`${proc.base}/health`).then((r) => r.status === 200, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the API process on ${proc.port} did not become healthy`);
}

/** Stops the processes (SIGTERM) and waits for them to exit. */
export async function stopAll(procs: ApiProcess[]): Promise<void> {
  for (const p of procs) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGTERM');
  await Promise.all(procs.map((p) => new Promise((resolve) => (p.child.exitCode !== null || p.child.signalCode !== null ? resolve(null) : p.child.once('exit', resolve)))));
}
