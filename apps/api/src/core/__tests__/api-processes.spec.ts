import { readFileSync, readdirSync } from 'node:fs';
import { healthy, startApiProcess, stopAll, type ApiProcess } from '../../test-support/api-process.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';

/** Live child processes of `pid` (Linux /proc). */
function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((e) => /^\d+$/.test(e))
    .filter((e) => {
      try {
        const stat = readFileSync(`/proc/${e}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
        return Number(fields[1]) === pid && fields[0] !== 'Z';
      } catch {
        return false;
      }
    })
    .map(Number);
}

async function until<T>(what: string, probe: () => T | undefined, tries = 300): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const v = probe();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** API_PROCESSES: one instance on several cores (node:cluster), as deployed (dist/main.js). */
describe('API_PROCESSES', () => {
  let t: TestApp;
  let api: ApiProcess;
  beforeAll(async () => {
    t = await createTestApp(); // the test database, migrated
    api = await startApiProcess([], { API_PROCESSES: '2', REDIS_PREFIX: `cluster-${Date.now()}` });
  });
  afterAll(async () => {
    await stopAll([api]);
    await t.close();
  });

  it('serves from two processes, replaces one that dies, and stops them all on SIGTERM', async () => {
    const pid = api.child.pid!;
    const copies = await until('two API processes', () => {
      const c = childrenOf(pid);
      return c.length === 2 ? c : undefined;
    });

    // Logged in on one, the token works on whichever process answers.
    const login = await fetch(`${api.base}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'demo1234' }) });
    expect(login.status).toBe(200);
    const { accessToken } = (await login.json()) as { accessToken: string };
    for (let i = 0; i < 6; i++) {
      const res = await fetch(`${api.base}/me`, { headers: { authorization: `Bearer ${accessToken}`, connection: 'close' } });
      expect(res.status).toBe(200);
    }

    process.kill(copies[1]!, 'SIGKILL');
    const replaced = await until('a replacement process', () => {
      const c = childrenOf(pid);
      return c.length === 2 && !c.includes(copies[1]!) ? c : undefined;
    });
    expect(replaced).toContain(copies[0]);
    await healthy(api);

    await stopAll([api]);
    expect(api.child.exitCode).toBe(0);
    expect(replaced.filter((c) => {
      try {
        process.kill(c, 0);
        return true;
      } catch {
        return false;
      }
    })).toEqual([]);
  });
});
