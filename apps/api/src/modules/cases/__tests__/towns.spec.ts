import { isDrawnForSpotCheck } from '@ecoloop/workflow';
import { createTestApp, type TestApp } from '../../../test-support/test-app.js';
import { act, inDays, must, reportCase, unitId, uploadPng } from '../../../test-support/cases.js';
import { DeadlineTimersService } from '../../deadlines/jobs/deadline-timers.service.js';

/** DESIGN §11 over HTTP: the town dispatches and signs off grid-found general cases; the county spot-checks. */
describe('towns (基层治理四平台)', () => {
  let t: TestApp;
  let fengqiaoOffice: string;
  const marker = `镇街${Date.now()}`;

  beforeAll(async () => {
    t = await createTestApp();
    fengqiaoOffice = await unitId(t, '凤桥镇生态办');
  });
  afterAll(() => t.close());

  /** A grid report of 凤桥镇 taken to the town's sign-off (pending_verification). */
  async function toTownSignoff(id: string) {
    await must(t, 'dispatcher.fengqiao', id, 'accept');
    await must(t, 'dispatcher.fengqiao', id, 'dispatch', { leadUnitId: fengqiaoOffice, dueAt: inDays(10) });
    await must(t, 'handler.fengqiao', id, 'sign_for');
    const photo = await uploadPng(t, 'handler.fengqiao');
    return must(t, 'handler.fengqiao', id, 'submit_completion', { measures: '已清理完毕', attachmentIds: [photo] });
  }

  it('a grid report is owned and signed off by the town; the county may not sign it off', async () => {
    const c = await reportCase(t, 'grid.fengqiao001', { title: `${marker} 网格` });
    expect(c).toMatchObject({ ownerLevel: 'town', signoffSteps: ['town'] });
    const town = await t.http().get(`/api/v1/cases/${c.id}`).set('Authorization', await t.tokenOf('dispatcher.fengqiao')).expect(200);
    expect(town.body.allowedActions).toEqual(expect.arrayContaining(['accept', 'dispatch', 'reject']));
    const waiting = await toTownSignoff(c.id);
    expect(waiting.state).toBe('pending_verification');
    await act(t, 'supervisor.nanhu', c.id, 'approve', { comment: '同意' }).then((r) => expect(r.status).toBe(403));
    const closed = await must(t, 'supervisor.fengqiao', c.id, 'approve', { comment: '经现场核查，整改到位' });
    expect(closed.state).toBe('closed');
  });

  it('a major case in the town stays with the county: the town dispatcher cannot accept it', async () => {
    const c = await reportCase(t, 'grid.fengqiao001', { title: `${marker} 重大`, severity: 'major' });
    expect(c).toMatchObject({ ownerLevel: 'county', signoffSteps: ['county', 'city'] });
    await act(t, 'dispatcher.fengqiao', c.id, 'accept').then((r) => expect(r.status).toBe(403));
    await must(t, 'dispatcher.nanhu', c.id, 'accept');
  });

  it('a town that lets its dispatch deadline pass is supervised by the county, and its own staff are told', async () => {
    const c = await reportCase(t, 'grid.fengqiao001', { title: `${marker} 超期` });
    const [{ id: dispatch }] = await t.db.query(`SELECT id FROM deadline WHERE case_id = $1 AND kind = 'dispatch'`, [c.id]);
    await t.db.query(`UPDATE deadline SET due_at = now() - interval '1 minute', original_due_at = now() - interval '1 minute', created_at = now() - interval '1 hour' WHERE id = $1`, [dispatch]);
    expect(await t.app.get(DeadlineTimersService).processOverdue({ deadlineIds: [dispatch] })).toMatchObject({ processed: 1, supervised: 1 });
    const [row] = await t.db.query(`SELECT supervision_level, overdue FROM "case" WHERE id = $1`, [c.id]);
    expect(row).toEqual({ supervision_level: 'county', overdue: true });
    const told: { username: string; kind: string }[] = await t.db.query(
      `SELECT u.username, n.kind FROM notification n JOIN app_user u ON u.id = n.user_id WHERE n.case_id = $1 ORDER BY u.username, n.kind`,
      [c.id],
    );
    expect(told).toEqual(expect.arrayContaining([{ username: 'dispatcher.fengqiao', kind: 'overdue' }, { username: 'supervisor.nanhu', kind: 'auto_supervise' }]));
  });

  it('a town dispatches to units in its town and to departments and outside bodies above it, not to another town', async () => {
    const c = await reportCase(t, 'grid.fengqiao001', { title: `${marker} 越界` });
    const res = await act(t, 'dispatcher.fengqiao', c.id, 'dispatch', { leadUnitId: await unitId(t, '余新镇生态办') });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('unit_outside_jurisdiction');
    const enforcement = await unitId(t, '南湖区综合行政执法局');
    const maritime = await unitId(t, '嘉兴海事局');
    await act(t, 'dispatcher.fengqiao', c.id, 'dispatch', { leadUnitId: fengqiaoOffice, coUnitIds: [await unitId(t, '秀洲区水利局')] }).then((r) =>
      expect([r.status, r.body.code]).toEqual([422, 'unit_outside_jurisdiction']),
    );
    const dispatched = await must(t, 'dispatcher.fengqiao', c.id, 'dispatch', { leadUnitId: enforcement, coUnitIds: [maritime, fengqiaoOffice] });
    expect(dispatched).toMatchObject({ state: 'assigned', leadUnitId: enforcement, leadUnitName: '南湖区综合行政执法局' });
    // Their handlers work the case like any handler: the department signs for it, the outside body reports progress.
    await must(t, 'handler.zhifa', c.id, 'sign_for');
    await must(t, 'handler.haishi', c.id, 'report_progress', { note: '已协助排查水上污染源' });
    await act(t, 'handler.haishi', c.id, 'request_extension', { newDueAt: inDays(30), reason: 'x' }).then((r) => expect(r.status).toBe(403));
  });

  it('lists the units that may take a case of a town: its own, and the departments and outside bodies above it, by kind', async () => {
    const auth = await t.tokenOf('dispatcher.fengqiao');
    const res = await t.http().get('/api/v1/units?regionCode=330402100&withBodiesAbove=true').set('Authorization', auth).expect(200);
    const names = res.body.map((u: { name: string }) => u.name);
    expect(names).toEqual(expect.arrayContaining(['凤桥镇生态办', '南湖区综合行政执法局', '嘉兴市水利局', '嘉兴海事局', '国网嘉兴供电公司']));
    expect(names).not.toContain('余新镇生态办');
    expect(names).not.toContain('秀洲区水利局');
    expect(names).not.toContain('南湖分局'); // a bureau above is not a department
    const plain = await t.http().get('/api/v1/units?regionCode=330402100').set('Authorization', auth).expect(200);
    expect(plain.body.map((u: { name: string }) => u.name)).toEqual(['凤桥镇生态办']);
    expect(new Set(res.body.map((u: { kind: string }) => u.kind))).toEqual(new Set(['town_office', 'department', 'external']));
  });

  it('the county spot-checks a drawn town closure: failing it reopens the case as a relapse', async () => {
    // Report until a case is drawn (10 % of ids); every undrawn one is left reported.
    let drawn: { id: string } | undefined;
    const undrawn: string[] = [];
    for (let i = 0; i < 150 && (!drawn || undrawn.length === 0); i++) {
      const c = await reportCase(t, 'grid.fengqiao001', { title: `${marker} 抽查${i}` });
      if (isDrawnForSpotCheck(c.id)) drawn ??= c;
      else undrawn.push(c.id);
    }
    expect(drawn).toBeDefined();
    await toTownSignoff(drawn!.id);
    await must(t, 'supervisor.fengqiao', drawn!.id, 'approve', { comment: '整改到位' });
    await toTownSignoff(undrawn[0]);
    await must(t, 'supervisor.fengqiao', undrawn[0], 'approve', { comment: '整改到位' });

    const auth = await t.tokenOf('supervisor.nanhu');
    const queue = await t.http().get(`/api/v1/cases?actionable=true&q=${encodeURIComponent(marker)}&pageSize=100`).set('Authorization', auth).expect(200);
    // The queue holds the drawn town closures (the first test's closure may be drawn too), never an undrawn one.
    const queued: string[] = queue.body.items.map((i: { id: string }) => i.id);
    expect(queued).toContain(drawn!.id);
    expect(queued).not.toContain(undrawn[0]);
    for (const id of queued) expect(isDrawnForSpotCheck(id)).toBe(true);
    const one = await t.http().get(`/api/v1/cases/${drawn!.id}`).set('Authorization', auth).expect(200);
    expect(one.body.allowedActions).toContain('spot_check');
    await act(t, 'supervisor.nanhu', undrawn[0], 'spot_check', { approve: true, comment: '抽查' }).then((r) => expect(r.status).toBe(403));
    await act(t, 'supervisor.fengqiao', drawn!.id, 'spot_check', { approve: true, comment: '抽查' }).then((r) => expect(r.status).toBe(403));

    const reopened = await must(t, 'supervisor.nanhu', drawn!.id, 'spot_check', { approve: false, comment: '现场复查发现问题反弹' });
    expect(reopened).toMatchObject({ state: 'rectifying', reopenCount: 1, signoffSteps: ['town', 'county'] });
    const events = await t.http().get(`/api/v1/cases/${drawn!.id}/events`).set('Authorization', auth).expect(200);
    expect(events.body.at(-1)).toMatchObject({ action: 'spot_check', fromState: 'closed', toState: 'rectifying', actorRole: 'supervisor' });
    // The relapse is signed off by the town, then the county; then no spot check is offered again.
    const photo = await uploadPng(t, 'handler.fengqiao');
    await must(t, 'handler.fengqiao', drawn!.id, 'submit_completion', { measures: '再次整改', attachmentIds: [photo] });
    await must(t, 'supervisor.fengqiao', drawn!.id, 'approve', { comment: '镇级核查通过' });
    const closed = await must(t, 'supervisor.nanhu', drawn!.id, 'approve', { comment: '县级核查通过' });
    expect(closed.state).toBe('closed');
    expect(closed.allowedActions).not.toContain('spot_check');

    // The town's figures carry the spot check: one checked, failed (a relapse).
    const stats = await t.http().get('/api/v1/stats/overview?regionCode=330402100').set('Authorization', await t.tokenOf('supervisor.nanhu')).expect(200);
    expect(stats.body.spotChecks).toEqual([{ regionCode: '330402100', regionName: '凤桥镇', checked: 1, passed: 0, failed: 1 }]);
  });
});
