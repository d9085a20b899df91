import { DEMO_PASSWORD } from '../../seed/demo-data.js';
import { createTestApp, type TestApp } from '../../../test-support/test-app.js';
import { reportCase } from '../../../test-support/cases.js';
import { TestRedisServer } from '../../../test-support/redis-server.js';
import { DeadlineJobName, DeadlineQueue, jobIdFor } from '../jobs/deadline-queue.js';
import { DeadlineReconciler } from '../jobs/deadline.reconciler.js';

/**
 * Fault suite (issue 12 item 4): the API runs on a redis-server of its own, which the test stops and
 * starts again. The database is the source of truth: deadlines due while Redis is away are settled
 * from SQL, writes do not wait for Redis, login and public intake keep answering.
 */
describe('Redis down and back', () => {
  const server = new TestRedisServer(6431);
  let t: TestApp;
  let reconciler: DeadlineReconciler;
  let queue: DeadlineQueue;

  const q = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => t.db.query(sql, params) as Promise<T[]>;
  const pendingDispatch = async (caseId: string) =>
    (await q<{ id: string }>(`SELECT id FROM deadline WHERE case_id = $1 AND kind = 'dispatch' AND status = 'pending'`, [caseId]))[0].id;
  const makeDue = (deadlineId: string) =>
    q(`UPDATE deadline SET due_at = now() - interval '1 minute', original_due_at = now() - interval '1 minute', created_at = now() - interval '1 hour' WHERE id = $1`, [deadlineId]);
  const statusOf = async (deadlineId: string) => (await q<{ status: string }>(`SELECT status FROM deadline WHERE id = $1`, [deadlineId]))[0].status;
  const timed = async <T>(fn: () => Promise<T>) => {
    const started = Date.now();
    const value = await fn();
    return { value, ms: Date.now() - started };
  };
  const waitFor = async (what: string, check: () => Promise<boolean>, ms: number) => {
    const until = Date.now() + ms;
    while (!(await check())) {
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  };

  const timerEnv = { RECONCILE_INTERVAL_MS: '1000', TIMER_GRACE_MS: '0' };
  const savedEnv: Record<string, string | undefined> = {};

  beforeAll(async () => {
    await server.start();
    // TimersConfig reads the process environment.
    for (const [key, value] of Object.entries(timerEnv)) {
      savedEnv[key] = process.env[key];
      process.env[key] = value;
    }
    t = await createTestApp({ REDIS_URL: server.url, REDIS_PREFIX: `${process.env.REDIS_PREFIX}-outage` });
    reconciler = t.app.get(DeadlineReconciler);
    queue = t.app.get(DeadlineQueue);
  }, 60_000);

  afterAll(async () => {
    await server.start().catch(() => undefined); // let the app's connections close cleanly
    try {
      await Promise.race([t?.close(), new Promise((r) => setTimeout(r, 20_000))]);
    } finally {
      await server.stop();
    }
    for (const [key, value] of Object.entries(savedEnv)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }, 60_000);

  it('settles deadlines from SQL, writes at once and keeps login and Open311 up while Redis is stopped, then recovers', async () => {
    const before = await reportCase(t, 'grid.fengqiao001');
    const beforeDeadline = await pendingDispatch(before.id);
    expect(await queue.queue.getJobState(jobIdFor(DeadlineJobName.Due, beforeDeadline))).toBe('delayed');

    await server.stop();
    await waitFor('the app to notice Redis is gone', async () => !queue.available, 10_000);

    // A case reported now does not wait for enqueueing.
    const created = await timed(() => reportCase(t, 'grid.fengqiao001'));
    expect(created.ms).toBeLessThan(1000);
    const duringDeadline = await pendingDispatch(created.value.id);

    // Login and public intake fail open on the rate limits.
    const login = await timed(() => t.http().post('/api/v1/auth/login').send({ username: 'dispatcher.nanhu', password: DEMO_PASSWORD }));
    expect(login.value.status).toBe(200);
    expect(login.ms).toBeLessThan(2000);
    const report = await t.http().post('/open311/v2/requests.json').send({ service_code: 'air.dust', description: `Redis 停机期间的公众举报 ${Date.now()}`, lat: 30.75, long: 120.75 });
    expect(report.status).toBe(201);
    const health = await timed(() => t.http().get('/api/v1/health'));
    expect(health.value.status).toBe(503);
    expect(health.ms).toBeLessThan(3000);

    // Both deadlines fall due during the outage: a pass settles them from SQL and finishes.
    await makeDue(beforeDeadline);
    await makeDue(duringDeadline);
    const pass = await timed(() => reconciler.runOnce({ waitForLock: true }));
    expect(pass.ms).toBeLessThan(10_000);
    // Settled from SQL (Redis is down, so no job did it): by this pass or by the app's periodic one.
    expect(await statusOf(beforeDeadline)).toBe('overdue');
    expect(await statusOf(duringDeadline)).toBe('overdue');

    // The periodic passes are not stuck behind a pending enqueue: a third deadline still fires by itself.
    const third = await reportCase(t, 'grid.fengqiao001');
    const thirdDeadline = await pendingDispatch(third.id);
    await makeDue(thirdDeadline);
    await waitFor('the timer to fire from SQL while Redis is down', async () => (await statusOf(thirdDeadline)) === 'overdue', 15_000);

    // Redis comes back (empty): health recovers and new deadlines are woken up in Redis again.
    await server.start();
    await waitFor('the app to reconnect', async () => queue.available && (await t.http().get('/api/v1/health')).status === 200, 20_000);
    const after = await reportCase(t, 'grid.fengqiao001');
    const afterDeadline = await pendingDispatch(after.id);
    await waitFor('the wake-up job of a new deadline', async () => (await queue.queue.getJobState(jobIdFor(DeadlineJobName.Due, afterDeadline))) === 'delayed', 10_000);
    await makeDue(afterDeadline);
    await waitFor('the timer to fire after the restart', async () => (await statusOf(afterDeadline)) === 'overdue', 15_000);
  }, 90_000);
});
