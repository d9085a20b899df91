import { jest } from '@jest/globals';
import { createTestApp, type TestApp } from '../../../test-support/test-app.js';
import { must, reportCase, unitId } from '../../../test-support/cases.js';
import { DeadlineTimersService } from '../../deadlines/jobs/deadline-timers.service.js';
import { CasesRepository } from '../cases.repository.js';
import { RecentCases } from '../recent-cases.js';

/**
 * An action on a case this API process has just shown or changed does not read the case again
 * (RecentCases); the write's compare-and-set proves the remembered case current, and a case
 * changed behind the process's back is read again, never acted on as it was.
 */
describe('acting on a remembered case', () => {
  let t: TestApp;
  let fengqiao: string;
  let reads: jest.SpiedFunction<CasesRepository['findDetail']>;

  beforeAll(async () => {
    t = await createTestApp();
    fengqiao = await unitId(t, '凤桥镇生态办');
    reads = jest.spyOn(t.app.get(CasesRepository), 'findDetail');
  });
  afterAll(() => t.close());

  const post = async (username: string, id: string, action: string, body: Record<string, unknown>) =>
    t.http().post(`/api/v1/cases/${id}/actions/${action}`).set('Authorization', await t.tokenOf(username)).send(body);
  const chainOk = async (id: string) =>
    (await t.http().get(`/api/v1/audit/verify?caseId=${id}`).set('Authorization', await t.tokenOf('supervisor.city')).expect(200)).body;
  const rectifying = async () => {
    const c = await reportCase(t, 'grid.fengqiao001');
    await must(t, 'dispatcher.nanhu', c.id, 'dispatch', { leadUnitId: fengqiao });
    return must(t, 'handler.fengqiao', c.id, 'sign_for');
  };

  it('writes a run of actions without reading the case, each from the version the last one returned', async () => {
    let c = await rectifying();
    reads.mockClear();
    for (const note of ['已约谈农户', '已清运秸秆', '已设禁烧宣传牌']) {
      const res = await post('handler.fengqiao', c.id, 'report_progress', { expectedVersion: c.version, note });
      expect(res.status).toBe(200);
      expect(res.body.version).toBe(c.version + 1);
      c = res.body;
    }
    expect(reads).not.toHaveBeenCalled();

    const stored = await t.http().get(`/api/v1/cases/${c.id}`).set('Authorization', await t.tokenOf('handler.fengqiao')).expect(200);
    expect(stored.body).toEqual(c);
    expect(await chainOk(c.id)).toEqual({ caseId: c.id, ok: true, events: 6 });
  });

  it('reads the case again when a timer changed it behind the process’s back, and acts on the stored case', async () => {
    const c = await reportCase(t, 'dispatcher.nanhu', { regionCode: '330402', category: 'air.open_burning' });
    const [dispatch] = await t.db.query(`SELECT id FROM deadline WHERE case_id = $1 AND kind = 'dispatch'`, [c.id]);
    await t.db.query(`UPDATE deadline SET remind_at = now() - interval '1 second', created_at = now() - interval '1 hour' WHERE id = $1`, [dispatch.id]);
    // The reminder appends an event (chain head moves) but leaves the version a client decides on.
    expect(await t.app.get(DeadlineTimersService).processReminders({ deadlineIds: [dispatch.id] })).toMatchObject({ processed: 1 });
    expect(t.app.get(RecentCases).at(c.id, c.version)).toBeDefined();

    reads.mockClear();
    const res = await post('dispatcher.nanhu', c.id, 'dispatch', { expectedVersion: c.version, leadUnitId: fengqiao });
    expect(res.status).toBe(200);
    expect(reads).toHaveBeenCalledTimes(1);
    const events = await t.db.query(`SELECT seq, action FROM case_event WHERE case_id = $1 ORDER BY seq`, [c.id]);
    expect(events).toEqual([
      { seq: 1, action: 'report' },
      { seq: 2, action: 'reminder_sent' },
      { seq: 3, action: 'dispatch' },
    ]);
    expect(await chainOk(c.id)).toEqual({ caseId: c.id, ok: true, events: 3 });
  });

  it('answers 409 to a version a timer made old, and acts from the version the timer wrote', async () => {
    const c = await rectifying();
    const [rectify] = await t.db.query(`SELECT id FROM deadline WHERE case_id = $1 AND kind = 'rectify' AND status = 'pending'`, [c.id]);
    await t.db.query(
      `UPDATE deadline SET due_at = now() - interval '1 minute', original_due_at = now() - interval '1 minute', created_at = now() - interval '1 hour' WHERE id = $1`,
      [rectify.id],
    );
    // Overdue and supervised by the timers: version n + 1 in the database, n remembered here.
    expect(await t.app.get(DeadlineTimersService).processOverdue({ deadlineIds: [rectify.id] })).toMatchObject({ processed: 1 });
    expect(t.app.get(RecentCases).at(c.id, c.version)).toBeDefined();

    reads.mockClear();
    const stale = await post('handler.fengqiao', c.id, 'report_progress', { expectedVersion: c.version, note: '按旧版本' });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('stale_version');
    // The failed compare-and-set read the stored case, which is remembered from then on.
    expect(reads).toHaveBeenCalledTimes(1);
    expect(t.app.get(RecentCases).at(c.id, c.version)).toBeUndefined();
    expect(t.app.get(RecentCases).at(c.id, c.version + 1)).toBeDefined();

    const ok = await post('handler.fengqiao', c.id, 'report_progress', { expectedVersion: c.version + 1, note: '按新版本' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ version: c.version + 2, overdue: true });
    expect(reads).toHaveBeenCalledTimes(1);
    expect(await chainOk(c.id)).toMatchObject({ ok: true });
  });

  it('decides a refusal again on the stored case: the remembered one may be out of date', async () => {
    const c = await rectifying();
    const recent = t.app.get(RecentCases);
    const stored = recent.at(c.id, c.version)!;
    // As if the memory held the case before 签收 at today's version (it cannot, but a refusal must not rest on it).
    recent.remember({ ...stored, state: 'assigned' });
    reads.mockClear();
    const res = await post('handler.fengqiao', c.id, 'report_progress', { expectedVersion: c.version, note: '整改中' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ state: 'rectifying', version: c.version + 1 });
    expect(reads).toHaveBeenCalledTimes(1);

    // A refusal that holds on the stored case stands (and reads it once more).
    const refused = await post('handler.fengqiao', c.id, 'approve', { expectedVersion: c.version + 1, comment: '自己销号' });
    expect(refused.status).toBe(403);
    expect(reads).toHaveBeenCalledTimes(2);
  });

  it('refuses a user who may not read the case as if it were not there, though the process remembers it', async () => {
    const c = await rectifying();
    expect(t.app.get(RecentCases).at(c.id, c.version)).toBeDefined();
    const outsider = await post('handler.yuxin', c.id, 'report_progress', { expectedVersion: c.version, note: '越权' });
    expect(outsider.status).toBe(404);
    const elsewhere = await post('dispatcher.xiuzhou', c.id, 'report_progress', { expectedVersion: c.version, note: '越权' });
    expect(elsewhere.status).toBe(404);
    // One who may read it but not do this gets 403, as without the memory.
    const reader = await post('dispatcher.nanhu', c.id, 'report_progress', { expectedVersion: c.version, note: '越级' });
    expect(reader.status).toBe(403);
    expect((await t.db.query(`SELECT version FROM "case" WHERE id = $1`, [c.id]))[0].version).toBe(c.version);
  });
});

describe('RecentCases', () => {
  const row = (id: string, version: number) => ({ id, version }) as never;

  it('gives a case only at the version it was remembered at, and not after a minute', () => {
    const recent = new RecentCases();
    recent.remember(row('a', 3), 0);
    expect(recent.at('a', 3, 1_000)).toMatchObject({ id: 'a', version: 3 });
    expect(recent.at('a', 2, 1_000)).toBeUndefined();
    expect(recent.at('a', 3, 60_000)).toBeUndefined();
    expect(recent.size).toBe(0);
  });

  it('keeps at most 5,000 cases, forgetting the longest unremembered first', () => {
    const recent = new RecentCases();
    for (let i = 0; i < 5_001; i++) recent.remember(row(`c${i}`, 1), 0);
    expect(recent.size).toBe(5_000);
    expect(recent.at('c0', 1, 0)).toBeUndefined();
    expect(recent.at('c5000', 1, 0)).toBeDefined();
    recent.remember(row('c1', 1), 0);
    recent.remember(row('x', 1), 0);
    expect(recent.at('c1', 1, 0)).toBeDefined();
    expect(recent.at('c2', 1, 0)).toBeUndefined();
  });
});
