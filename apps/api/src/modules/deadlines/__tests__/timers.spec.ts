import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import { DelayedError } from 'bullmq';
import { statutoryCalendarYear } from '@ecoloop/workflow';
import { AppConfig } from '../../../core/config/app-config.js';
import { createTestApp, type TestApp } from '../../../test-support/test-app.js';
import { inDays, must, reportCase, unitId } from '../../../test-support/cases.js';
import { DeadlinePlanner } from '../deadline-planner.service.js';
import { DeadlineJobName, DeadlineQueue, jobIdFor } from '../jobs/deadline-queue.js';
import { DeadlineReconciler } from '../jobs/deadline.reconciler.js';
import { DeadlineTimersService } from '../jobs/deadline-timers.service.js';
import { DeadlineWorker, type DeadlineJob } from '../jobs/deadline.worker.js';

/**
 * Deadline timers against the real PostgreSQL and Redis. Like every API test file, this one has a
 * database and Redis keys of its own (test-support/isolated-database.ts): no other file's workers or
 * reconcilers see its deadlines, and the reconciler interval is an hour, so every deadline here is
 * processed by what the test calls.
 */
describe('deadline timers', () => {
  let t: TestApp;
  let hooks: { server: Server; received: Record<string, unknown>[] };
  let redis: Redis;
  let prefix: string;
  let timers: DeadlineTimersService;
  let reconciler: DeadlineReconciler;
  let queue: DeadlineQueue;
  let fengqiao: string;
  let savedEnv: NodeJS.ProcessEnv;

  const q = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => t.db.query(sql, params) as Promise<T[]>;
  const deadlineOf = async (caseId: string, kind: string, status = 'pending') =>
    (await q<{ id: string }>(`SELECT id FROM deadline WHERE case_id = $1 AND kind = $2 AND status = $3 ORDER BY created_at DESC LIMIT 1`, [caseId, kind, status]))[0]?.id;
  /** The deadline, set an hour ago (not extended), fell due a minute ago. */
  const dueNow = (deadlineId: string) =>
    q(
      `UPDATE deadline SET due_at = now() - interval '1 minute', original_due_at = now() - interval '1 minute', created_at = now() - interval '1 hour' WHERE id = $1`,
      [deadlineId],
    );
  const eventsOf = (caseId: string) =>
    q<{ seq: number; action: string; from_state: string; to_state: string; actor_id: string | null; actor_name: string; actor_role: string; payload: Record<string, unknown> }>(
      `SELECT seq, action, from_state, to_state, actor_id, actor_name, actor_role, payload FROM case_event WHERE case_id = $1 ORDER BY seq`,
      [caseId],
    );
  const notifiedOf = (caseId: string) =>
    q<{ username: string; kind: string; dedupe_key: string }>(
      `SELECT u.username, n.kind, n.dedupe_key FROM notification n JOIN app_user u ON u.id = n.user_id WHERE n.case_id = $1 ORDER BY u.username, n.kind`,
      [caseId],
    );
  const caseRow = async (id: string) =>
    (await q<{ overdue: boolean; supervision_level: string | null; version: number; due_at: Date | null; deadline_kind: string | null }>(
      `SELECT overdue, supervision_level, version, due_at, deadline_kind FROM "case" WHERE id = $1`,
      [id],
    ))[0];
  const fakeJob = (name: DeadlineJobName, deadlineId: string) => {
    const delays: number[] = [];
    const job: DeadlineJob = { name, data: { deadlineId }, moveToDelayed: async (ts: number) => void delays.push(ts) };
    return { job, delays };
  };
  /** Like Redis FLUSHALL, for this file's keys only (the test Redis is shared). */
  const flushQueue = async () => {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  };

  beforeAll(async () => {
    const received: Record<string, unknown>[] = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        received.push({ path: req.url, ...JSON.parse(body || '{}') });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    hooks = { server, received };
    savedEnv = { ...process.env };
    Object.assign(process.env, {
      TIMER_GRACE_MS: '10000',
      RECONCILE_INTERVAL_MS: '3600000',
      NOTIFY_CHANNEL: 'webhook',
      NOTIFY_WEBHOOK_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    });
    prefix = `${process.env.REDIS_PREFIX}-timers`;
    t = await createTestApp({ REDIS_PREFIX: prefix });
    redis = new Redis(t.app.get(AppConfig).redisUrl);
    timers = t.app.get(DeadlineTimersService);
    reconciler = t.app.get(DeadlineReconciler);
    queue = t.app.get(DeadlineQueue);
    fengqiao = await unitId(t, '凤桥镇生态办');
  });

  afterAll(async () => {
    await flushQueue().catch(() => undefined);
    await redis?.quit();
    await t?.close();
    await new Promise((resolve) => hooks?.server.close(resolve));
    for (const key of ['TIMER_GRACE_MS', 'RECONCILE_INTERVAL_MS', 'NOTIFY_CHANNEL', 'NOTIFY_WEBHOOK_URL']) {
      if (savedEnv[key] === undefined) delete process.env[key];
      else process.env[key] = savedEnv[key];
    }
  });

  /** A case the county owns (one of a town's own is ordered by the county, not the city: §11). */
  const countyCase = (body: Record<string, unknown>) => reportCase(t, 'dispatcher.nanhu', { regionCode: '330402', ...body });

  it('marks a 1530 deadline overdue once: case overdue, city supervision order, events, notifications, webhook', async () => {
    const c = await countyCase({ category: 'air.open_burning', title: '凤桥镇三星村田间秸秆焚烧' });
    const dispatch = await deadlineOf(c.id, 'dispatch');
    // The scheduler woke it up in Redis after commit: due in a minute, reminder 30 s before.
    expect(await queue.queue.getJobState(jobIdFor(DeadlineJobName.Due, dispatch))).toBe('delayed');
    expect(await queue.queue.getJobState(jobIdFor(DeadlineJobName.Remind, dispatch))).toBe('delayed');

    await dueNow(dispatch);
    expect(await timers.processOverdue({ deadlineIds: [dispatch] })).toMatchObject({ cases: 1, processed: 1, supervised: 1 });

    const [d] = await q<{ status: string; settled_at: Date | null }>(`SELECT status, settled_at FROM deadline WHERE id = $1`, [dispatch]);
    expect(d).toEqual({ status: 'overdue', settled_at: null });
    const row = await caseRow(c.id);
    expect(row).toMatchObject({ overdue: true, supervision_level: 'city', version: c.version + 1, deadline_kind: 'supervision' });
    const [order] = await q<{ id: string; level: string; due_at: Date; status: string }>(
      `SELECT id, level, due_at, status FROM deadline WHERE case_id = $1 AND kind = 'supervision'`,
      [c.id],
    );
    expect(order).toMatchObject({ level: 'city', status: 'pending' });
    expect(new Date(order.due_at).getTime()).toBeGreaterThan(Date.now() + 86_400_000); // 5 working days

    const events = await eventsOf(c.id);
    expect(events.map((e) => e.action)).toEqual(['report', 'overdue', 'auto_supervise']);
    const system = { actor_id: null, actor_name: '系统', actor_role: 'system', from_state: 'reported', to_state: 'reported' };
    expect(events[1]).toMatchObject({ ...system, payload: { deadlineId: dispatch, kind: 'dispatch', dueAt: expect.any(String), originalDueAt: expect.any(String) } });
    expect(events[2]).toMatchObject({ ...system, payload: { deadlineId: dispatch, supervisionDeadlineId: order.id, level: 'city', dueAt: new Date(order.due_at).toISOString() } });
    const audit = await t.http().get(`/api/v1/audit/verify?caseId=${c.id}`).set('Authorization', await t.tokenOf('supervisor.city')).expect(200);
    expect(audit.body).toEqual({ caseId: c.id, ok: true, events: 3 });

    // No lead unit yet: the owning county's dispatcher and supervisor, and the ordering city's.
    expect((await notifiedOf(c.id)).map((n) => [n.username, n.kind])).toEqual([
      ['dispatcher.city', 'auto_supervise'],
      ['dispatcher.nanhu', 'overdue'],
      ['supervisor.city', 'auto_supervise'],
      ['supervisor.nanhu', 'overdue'],
    ]);
    const sent = hooks.received.filter((m) => m.caseId === c.id);
    expect(sent).toEqual([expect.objectContaining({ path: '/hook', kind: 'overdue', caseCode: c.code, text: expect.stringContaining('1530超期') })]);
    expect((sent[0].recipients as { username: string }[]).map((r) => r.username).sort()).toEqual(['dispatcher.city', 'dispatcher.nanhu', 'supervisor.city', 'supervisor.nanhu']);

    // Twice — as a job, as a repeated job, as the reconciler — changes nothing more.
    expect(await timers.processOverdue({ deadlineIds: [dispatch] })).toMatchObject({ processed: 0 });
    const again = fakeJob(DeadlineJobName.Due, dispatch);
    await t.app.get(DeadlineWorker).handle(again.job);
    await t.app.get(DeadlineWorker).handle(again.job);
    expect(again.delays).toEqual([]);
    await reconciler.runOnce({ waitForLock: true });
    expect((await eventsOf(c.id)).length).toBe(3);
    expect((await notifiedOf(c.id)).length).toBe(4);
    expect(hooks.received.filter((m) => m.caseId === c.id)).toHaveLength(1);
    expect((await caseRow(c.id)).version).toBe(c.version + 1);

    // A client holding the version from before the order gets 409.
    const stale = await t
      .http()
      .post(`/api/v1/cases/${c.id}/actions/accept`)
      .set('Authorization', await t.tokenOf('dispatcher.nanhu'))
      .send({ expectedVersion: c.version });
    expect(stale.status).toBe(409);

    // The city's order runs out too: overdue and notified, but nothing above the city to escalate to.
    await dueNow(order.id);
    expect(await timers.processOverdue({ deadlineIds: [order.id] })).toMatchObject({ cases: 1, processed: 1, supervised: 0 });
    expect((await eventsOf(c.id)).map((e) => e.action)).toEqual(['report', 'overdue', 'auto_supervise', 'overdue']);
    expect(await caseRow(c.id)).toMatchObject({ overdue: true, supervision_level: 'city', version: c.version + 2 });
    expect((await notifiedOf(c.id)).filter((n) => n.dedupe_key.startsWith(`overdue:${order.id}:`)).map((n) => n.username)).toEqual([
      'dispatcher.nanhu',
      'supervisor.nanhu',
    ]);
    const audit2 = await t.http().get(`/api/v1/audit/verify?caseId=${c.id}`).set('Authorization', await t.tokenOf('supervisor.city')).expect(200);
    expect(audit2.body.ok).toBe(true);
  });

  it('reminds once while pending, and does nothing for settled deadlines', async () => {
    const c = await countyCase({ category: 'air.open_burning' });
    const dispatch = await deadlineOf(c.id, 'dispatch');
    await q(`UPDATE deadline SET remind_at = now() - interval '1 second', created_at = now() - interval '1 hour' WHERE id = $1`, [dispatch]);
    expect(await timers.processReminders({ deadlineIds: [dispatch] })).toMatchObject({ processed: 1 });
    expect(await timers.processReminders({ deadlineIds: [dispatch] })).toMatchObject({ processed: 0 });
    const reminder = fakeJob(DeadlineJobName.Remind, dispatch);
    await t.app.get(DeadlineWorker).handle(reminder.job);
    expect(reminder.delays).toEqual([]);

    const events = await eventsOf(c.id);
    expect(events.map((e) => e.action)).toEqual(['report', 'reminder_sent']);
    expect(events[1]).toMatchObject({ actor_role: 'system', actor_name: '系统', payload: { deadlineId: dispatch, kind: 'dispatch' } });
    expect((await notifiedOf(c.id)).map((n) => [n.username, n.kind])).toEqual([
      ['dispatcher.nanhu', 'reminder'],
      ['supervisor.nanhu', 'reminder'],
    ]);
    expect(hooks.received.filter((m) => m.caseId === c.id)).toEqual([expect.objectContaining({ kind: 'reminder', text: expect.stringContaining('1530提醒') })]);
    expect((await caseRow(c.id)).version).toBe(c.version); // a reminder changes nothing a client decides on

    // Dispatched: the dispatch deadline is met. Its time passing later means nothing.
    await must(t, 'dispatcher.nanhu', c.id, 'dispatch', { leadUnitId: fengqiao });
    const [met] = await q<{ status: string }>(`SELECT status FROM deadline WHERE id = $1`, [dispatch]);
    expect(met.status).toBe('met');
    await dueNow(dispatch);
    await q(`UPDATE deadline SET reminded_at = NULL, remind_at = now() - interval '1 minute' WHERE id = $1`, [dispatch]);
    expect(await timers.processOverdue({ deadlineIds: [dispatch] })).toMatchObject({ processed: 0 });
    expect(await timers.processReminders({ deadlineIds: [dispatch] })).toMatchObject({ processed: 0 });
    const late = fakeJob(DeadlineJobName.Due, dispatch);
    await t.app.get(DeadlineWorker).handle(late.job);
    expect(late.delays).toEqual([]);
    expect((await eventsOf(c.id)).map((e) => e.action)).toEqual(['report', 'reminder_sent', 'dispatch']);
    expect(await caseRow(c.id)).toMatchObject({ overdue: false, supervision_level: null });
  });

  it('loses no timer: after the queue is wiped the reconciler fires what is due once and wakes the rest again', async () => {
    const lost = await countyCase({ category: 'air.open_burning' });
    const later = await reportCase(t, 'grid.fengqiao001', { category: 'air.open_burning' });
    const lostDeadline = await deadlineOf(lost.id, 'dispatch');
    const laterDeadline = await deadlineOf(later.id, 'dispatch');
    await flushQueue();
    expect(await queue.queue.getJobState(jobIdFor(DeadlineJobName.Due, laterDeadline))).toBe('unknown');
    await dueNow(lostDeadline); // and the API was down while it fell due

    const report = await reconciler.runOnce({ waitForLock: true });
    expect(report!.overdue).toBe(1); // only this file's deadlines are in its database
    expect((await eventsOf(lost.id)).map((e) => e.action)).toEqual(['report', 'overdue', 'auto_supervise']);
    expect(await caseRow(lost.id)).toMatchObject({ overdue: true, supervision_level: 'city' });
    const order = await deadlineOf(lost.id, 'supervision');
    expect(await queue.queue.getJobState(jobIdFor(DeadlineJobName.Due, order))).toBe('delayed');
    // The one not due yet has its wake-ups back.
    expect(await queue.queue.getJobState(jobIdFor(DeadlineJobName.Due, laterDeadline))).toBe('delayed');
    expect(await queue.queue.getJobState(jobIdFor(DeadlineJobName.Remind, laterDeadline))).toBe('delayed');

    await reconciler.runOnce({ waitForLock: true });
    expect((await eventsOf(lost.id)).length).toBe(3);
    expect((await eventsOf(later.id)).map((e) => e.action)).toEqual(['report']);
  });

  it('gives a deadline born already due (back-dated data) a grace before acting on it', async () => {
    const c = await reportCase(t, 'grid.fengqiao001', { category: 'air.open_burning' });
    const dispatch = await deadlineOf(c.id, 'dispatch');
    // As the demo seed or an import makes it: due before the row was even written.
    await q(`UPDATE deadline SET due_at = created_at - interval '1 day', original_due_at = created_at - interval '1 day' WHERE id = $1`, [dispatch]);
    expect(await timers.processOverdue({ deadlineIds: [dispatch] })).toMatchObject({ processed: 0 });
    const waiting = fakeJob(DeadlineJobName.Due, dispatch);
    await expect(t.app.get(DeadlineWorker).handle(waiting.job)).rejects.toBeInstanceOf(DelayedError);
    const [{ created_at }] = await q<{ created_at: Date }>(`SELECT created_at FROM deadline WHERE id = $1`, [dispatch]);
    expect(Math.abs(waiting.delays[0] - (new Date(created_at).getTime() + 10_000))).toBeLessThan(1000);
    await q(`UPDATE deadline SET created_at = created_at - interval '11 seconds' WHERE id = $1`, [dispatch]);
    expect(await timers.processOverdue({ deadlineIds: [dispatch] })).toMatchObject({ processed: 1 });
  });

  it('sends a job that woke too early (due time extended) back to sleep until the due time', async () => {
    const c = await reportCase(t, 'grid.fengqiao001', { category: 'air.open_burning' });
    const dispatch = await deadlineOf(c.id, 'dispatch');
    const [{ due_at }] = await q<{ due_at: Date }>(`SELECT due_at FROM deadline WHERE id = $1`, [dispatch]);
    const early = fakeJob(DeadlineJobName.Due, dispatch);
    await expect(t.app.get(DeadlineWorker).handle(early.job, 'token')).rejects.toBeInstanceOf(DelayedError);
    expect(early.delays).toHaveLength(1);
    expect(Math.abs(early.delays[0] - new Date(due_at).getTime())).toBeLessThan(1000);
    expect((await eventsOf(c.id)).map((e) => e.action)).toEqual(['report']);
  });

  it('runs real jobs: a deadline of a few seconds is reminded, then marked overdue by the worker', async () => {
    const admin = await t.tokenOf('admin');
    const policy = await t
      .http()
      .post('/api/v1/admin/deadline-policies')
      .set('Authorization', admin)
      .send({ category: 'radiation', kind: 'dispatch', amount: 0.04, unit: 'minutes', reminderLeadMinutes: 0.02 })
      .expect(201);
    try {
      const c = await reportCase(t, 'grid.fengqiao001', { category: 'radiation' });
      const dispatch = await deadlineOf(c.id, 'dispatch');
      for (let i = 0; i < 60 && (await q(`SELECT 1 FROM deadline WHERE id = $1 AND status = 'overdue'`, [dispatch])).length === 0; i++) {
        await new Promise((r) => setTimeout(r, 200));
      }
      expect((await eventsOf(c.id)).map((e) => e.action)).toEqual(['report', 'reminder_sent', 'overdue', 'auto_supervise']);
      expect(hooks.received.filter((m) => m.caseId === c.id)).toEqual([]); // not the 1530 fast track
    } finally {
      await t.http().delete(`/api/v1/admin/deadline-policies/${policy.body.id}`).set('Authorization', admin).expect(204);
    }
  });

  it('counts overdue against the original and after an extension; tells the lead unit', async () => {
    const c = await countyCase({ category: 'air.dust' });
    await must(t, 'dispatcher.nanhu', c.id, 'dispatch', { leadUnitId: fengqiao, dueAt: inDays(10) });
    await must(t, 'handler.fengqiao', c.id, 'sign_for');
    await must(t, 'handler.fengqiao', c.id, 'request_extension', { newDueAt: inDays(20), reason: '需协调农业部门' });
    await must(t, 'dispatcher.nanhu', c.id, 'decide_extension', { approve: true, comment: '同意' });
    const rectify = await deadlineOf(c.id, 'rectify');
    const stats = async () => {
      const res = await t.http().get('/api/v1/stats/deadlines?regionCode=330402').set('Authorization', await t.tokenOf('supervisor.nanhu')).expect(200);
      return res.body.byKind.find((k: { kind: string }) => k.kind === 'rectify');
    };
    const before = await stats();
    // Both the original and the extended due time have passed.
    await q(
      `UPDATE deadline SET original_due_at = now() - interval '2 days', due_at = now() - interval '1 minute', created_at = now() - interval '3 days' WHERE id = $1`,
      [rectify],
    );
    expect(await timers.processOverdue({ deadlineIds: [rectify] })).toMatchObject({ processed: 1, supervised: 1 });
    const after = await stats();
    expect(after.overdueAgainstOriginal - before.overdueAgainstOriginal).toBe(1);
    expect(after.overdueAfterExtension - before.overdueAfterExtension).toBe(1);
    expect(after.overdueOpen - before.overdueOpen).toBe(1);
    expect(after.extended).toBe(1); // the only extended rectify deadline in this file's database

    const names = (await notifiedOf(c.id)).map((n) => [n.username, n.kind]);
    expect(names).toEqual(expect.arrayContaining([['handler.fengqiao', 'overdue'], ['dispatcher.nanhu', 'overdue'], ['supervisor.city', 'auto_supervise']]));
    expect(names.map(([u]) => u)).not.toContain('grid.fengqiao001');

    await t.http().get('/api/v1/stats/deadlines').set('Authorization', await t.tokenOf('handler.fengqiao')).expect(403);
    await t.http().get('/api/v1/stats/deadlines?regionCode=330402').set('Authorization', await t.tokenOf('supervisor.xiuzhou')).expect(404);
  });

  it('serves each user their own inbox', async () => {
    const handler = await t.tokenOf('handler.fengqiao');
    const list = await t.http().get('/api/v1/notifications?unread=true&pageSize=50').set('Authorization', handler).expect(200);
    expect(list.body.unread).toBeGreaterThanOrEqual(1);
    expect(list.body.total).toBe(list.body.unread);
    const item = list.body.items.find((n: { kind: string }) => n.kind === 'overdue');
    expect(item).toMatchObject({ read: false, readAt: null, caseCode: expect.stringMatching(/^JX-/), title: expect.stringContaining('超期') });

    const read = await t.http().post(`/api/v1/notifications/${item.id}/read`).set('Authorization', handler).expect(200);
    expect(read.body).toMatchObject({ id: item.id, read: true });
    const after = await t.http().get('/api/v1/notifications').set('Authorization', handler).expect(200);
    expect(after.body.unread).toBe(list.body.unread - 1);

    const [other] = await q<{ id: string }>(`SELECT n.id FROM notification n JOIN app_user u ON u.id = n.user_id WHERE u.username = 'dispatcher.nanhu' LIMIT 1`);
    await t.http().post(`/api/v1/notifications/${other.id}/read`).set('Authorization', handler).expect(404);
    await t.http().post('/api/v1/notifications/not-an-id/read').set('Authorization', handler).expect(404);
    const [{ read_at }] = await q<{ read_at: Date | null }>(`SELECT read_at FROM notification WHERE id = $1`, [other.id]);
    expect(read_at).toBeNull();

    const all = await t.http().post('/api/v1/notifications/read-all').set('Authorization', handler).expect(200);
    expect(all.body.updated).toBe(list.body.unread - 1);
    expect((await t.http().get('/api/v1/notifications?unread=true').set('Authorization', handler).expect(200)).body).toMatchObject({ unread: 0, total: 0, items: [] });
    await t.http().get('/api/v1/notifications').expect(401);
  });

  it('lets the admin edit the working-day calendar and the policies, and nobody else', async () => {
    const admin = await t.tokenOf('admin');
    await q(`DELETE FROM work_calendar WHERE year = 2031`); // a year no test plans in
    // Unstored: the statutory holidays the planner falls back to, without 调休.
    expect((await t.http().get('/api/v1/admin/calendar/2031').set('Authorization', admin).expect(200)).body).toEqual({ year: 2031, stored: false, holidays: statutoryCalendarYear(2031).holidays, workdays: [] });
    // 2031-01-02 is a Thursday, 2031-01-04 a Saturday.
    await t.http().put('/api/v1/admin/calendar/2031').set('Authorization', admin).send({ holidays: ['2031-01-02', '2031-01-01'], workdays: ['2031-01-04'] }).expect(200);
    expect((await t.http().get('/api/v1/admin/calendar/2031').set('Authorization', admin).expect(200)).body).toEqual({
      year: 2031,
      stored: true,
      holidays: ['2031-01-01', '2031-01-02'],
      workdays: ['2031-01-04'],
    });
    const calendar = await t.app.get(DeadlinePlanner).calendar();
    expect(calendar.isWorkingDay('2031-01-02')).toBe(false);
    expect(calendar.isWorkingDay('2031-01-04')).toBe(true);
    const bad = await t.http().put('/api/v1/admin/calendar/2031').set('Authorization', admin).send({ holidays: ['2032-01-01'], workdays: ['2031-01-06'] }).expect(422);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['holidays', 'workdays']);
    await t.http().put('/api/v1/admin/calendar/2031').set('Authorization', admin).send({ holidays: ['2031-13-01'], workdays: [] }).expect(422);
    await t.http().put('/api/v1/admin/calendar/2031').set('Authorization', await t.tokenOf('dispatcher.city')).send({ holidays: [], workdays: [] }).expect(403);

    const policies = (await t.http().get('/api/v1/admin/deadline-policies').set('Authorization', admin).expect(200)).body;
    const catchAll = policies.find((p: { kind: string; source: null; category: null; severity: null }) => p.kind === 'dispatch' && !p.source && !p.category && !p.severity);
    expect(catchAll).toMatchObject({ amount: 1, unit: 'working_days' });
    await t.http().delete(`/api/v1/admin/deadline-policies/${catchAll.id}`).set('Authorization', admin).expect(409);
    await t.http().patch(`/api/v1/admin/deadline-policies/${catchAll.id}`).set('Authorization', admin).send({ category: 'water' }).expect(409);
    await t.http().post('/api/v1/admin/deadline-policies').set('Authorization', admin).send({ kind: 'dispatch', amount: 2, unit: 'days' }).expect(409);
    await t.http().post('/api/v1/admin/deadline-policies').set('Authorization', admin).send({ kind: 'dispatch', amount: 2, unit: 'fortnights' }).expect(400);

    const created = await t
      .http()
      .post('/api/v1/admin/deadline-policies')
      .set('Authorization', admin)
      .send({ source: 'drone', category: 'water.outfall', kind: 'rectify', amount: 7, unit: 'days', reminderLeadMinutes: 1440 })
      .expect(201);
    expect(created.body).toMatchObject({ source: 'drone', category: 'water.outfall', severity: null, kind: 'rectify', amount: 7, unit: 'days', reminderLeadMinutes: 1440 });
    const planner = t.app.get(DeadlinePlanner);
    const start = new Date('2031-03-03T02:00:00Z');
    const planned = await planner.plan('rectify', { source: 'drone', category: 'water.outfall', severity: 'general' }, start);
    expect(planned.dueAt.getTime() - start.getTime()).toBe(7 * 86_400_000);
    const patched = await t.http().patch(`/api/v1/admin/deadline-policies/${created.body.id}`).set('Authorization', admin).send({ amount: 3 }).expect(200);
    expect(patched.body).toMatchObject({ id: created.body.id, amount: 3, source: 'drone' });
    expect((await planner.plan('rectify', { source: 'drone', category: 'water.outfall', severity: 'general' }, start)).dueAt.getTime() - start.getTime()).toBe(3 * 86_400_000);
    await t.http().post('/api/v1/admin/deadline-policies').set('Authorization', await t.tokenOf('supervisor.city')).send({ kind: 'rectify', amount: 1, unit: 'days' }).expect(403);
    await t.http().delete(`/api/v1/admin/deadline-policies/${created.body.id}`).set('Authorization', admin).expect(204);
    await t.http().delete(`/api/v1/admin/deadline-policies/${created.body.id}`).set('Authorization', admin).expect(404);
  });

  it('reports the queue lag in GET /health', async () => {
    const res = await t.http().get('/api/v1/health').expect(200);
    expect(res.body.queue).toEqual({ waiting: expect.any(Number), delayedDue: expect.any(Number), oldestDueMs: res.body.queue.oldestDueMs === null ? null : expect.any(Number) });
  });
});

describe('role api', () => {
  it('runs no deadline worker or reconciler, but still schedules', async () => {
    const t = await createTestApp({ APP_ROLE: 'api', REDIS_PREFIX: `${process.env.REDIS_PREFIX}-api-role` });
    try {
      expect((t.app.get(DeadlineWorker) as unknown as { worker: unknown }).worker).toBeNull();
      const c = await reportCase(t, 'grid.fengqiao001', { category: 'air.open_burning' });
      const [{ id }] = await t.db.query(`SELECT id FROM deadline WHERE case_id = $1`, [c.id]);
      expect(await t.app.get(DeadlineQueue).queue.getJobState(jobIdFor(DeadlineJobName.Due, id))).toBe('delayed');
      await t.app.get(DeadlineQueue).queue.obliterate({ force: true });
    } finally {
      await t.close();
    }
  });
});
