import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const processesModule = path.join(__dirname, '..', 'lib', 'processes.mjs');

/** Running and not a zombie (a zombie is gone for good; its parent may never reap it). */
function running(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/** Polls `condition` every 100 ms; gives up after 30 s (the watchdog needs about one). */
async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; !condition(); i++) {
    if (i === 300) throw new Error('gave up waiting');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * A script, run as `npm start` runs, that starts `sleep 600` with startChild(), prints its pid, then
 * does `then` ('wait' for a signal, or 'exit' without cleaning up). Resolves with both pids.
 */
async function startScript(then: 'wait' | 'exit'): Promise<{ script: number; sleeper: number }> {
  const code = `import { startChild } from ${JSON.stringify(processesModule)};
    const { child } = startChild('sleeper', 'sleep', ['600']);
    process.stdout.write(child.pid + '\\n');
    if (${JSON.stringify(then)} === 'exit') setTimeout(() => process.exit(1), 500);
    else setInterval(() => {}, 1000);`;
  const script = spawn(process.execPath, ['--input-type=module', '-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve) => script.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString())));
  return { script: script.pid as number, sleeper: Number(line.trim()) };
}

describe('the watchdog of npm start and npm test', () => {
  const started: number[] = [];
  afterEach(() => {
    for (const pid of started.splice(0)) if (running(pid)) process.kill(pid, 'SIGKILL');
  });

  it('stops what a script started once the script is SIGKILLed', async () => {
    const { script, sleeper } = await startScript('wait');
    started.push(script, sleeper);
    expect(running(sleeper)).toBe(true);
    process.kill(script, 'SIGKILL');
    await until(() => !running(sleeper));
  });

  it('stops what a script started when it exits without cleaning up', async () => {
    const { script, sleeper } = await startScript('exit');
    started.push(script, sleeper);
    expect(running(sleeper)).toBe(true);
    await until(() => !running(sleeper));
  });
});
