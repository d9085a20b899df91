import { CN_WORK_CALENDAR } from '@ecoloop/workflow';
import { createTestApp, type TestApp } from '../../../test-support/test-app.js';
import { act, inDays, must, reportCase, unitId, uploadPng } from '../../../test-support/cases.js';

describe('the closed loop over HTTP', () => {
  let t: TestApp;
  let fengqiao: string;
  beforeAll(async () => {
    t = await createTestApp();
    fengqiao = await unitId(t, '凤桥镇生态办');
  });
  afterAll(() => t.close());

  it('runs a grid-found general case from report to the town’s sign-off (§11) with a valid history', async () => {
    const photo = await uploadPng(t, 'grid.fengqiao001');
    const created = await reportCase(t, 'grid.fengqiao001', { attachmentIds: [photo], lat: 30.68, lng: 120.82, address: '凤桥镇三星村' });
    expect(created).toMatchObject({ state: 'reported', regionCode: '330402100001', regionName: '凤桥镇第一网格', version: 1, deadlineKind: 'dispatch', ownerLevel: 'town', signoffSteps: ['town'] });
    expect(created.code).toMatch(/^JX-\d{4}-\d{6}$/);
    expect(created.dueAt).toEqual(expect.any(String));
    expect(created.allowedActions).toEqual(['resolve_on_spot']);

    const asDispatcher = await t.http().get(`/api/v1/cases/${created.id}`).set('Authorization', await t.tokenOf('dispatcher.nanhu')).expect(200);
    expect(asDispatcher.body.allowedActions).toEqual(expect.arrayContaining(['accept', 'dispatch', 'reject', 'merge', 'remind']));
    expect(asDispatcher.body.attachments).toEqual([expect.objectContaining({ id: photo, mime: 'image/png' })]);

    expect(await must(t, 'dispatcher.nanhu', created.id, 'accept')).toMatchObject({ state: 'pending_dispatch', version: 2 });
    const dispatched = await must(t, 'dispatcher.nanhu', created.id, 'dispatch', { leadUnitId: fengqiao, dueAt: inDays(10) });
    expect(dispatched).toMatchObject({ state: 'assigned', leadUnitId: fengqiao, leadUnitName: '凤桥镇生态办', deadlineKind: 'sign_for' });

    const handlerView = await t.http().get(`/api/v1/cases/${created.id}`).set('Authorization', await t.tokenOf('handler.fengqiao')).expect(200);
    expect(handlerView.body.allowedActions).toEqual(expect.arrayContaining(['sign_for', 'return']));
    expect(await must(t, 'handler.fengqiao', created.id, 'sign_for')).toMatchObject({ state: 'rectifying', deadlineKind: 'rectify' });
    await must(t, 'handler.fengqiao', created.id, 'report_progress', { note: '已清理现场，正在约谈农户' });
    const evidence = await uploadPng(t, 'handler.fengqiao', '整改后.png');
    const submitted = await must(t, 'handler.fengqiao', created.id, 'submit_completion', { measures: '现场已清理，设置禁烧宣传牌', attachmentIds: [evidence] });
    expect(submitted).toMatchObject({ state: 'pending_verification', signoffIndex: 0, deadlineKind: 'verify' });

    await act(t, 'supervisor.nanhu', created.id, 'approve', { comment: '县级' }).then((r) => expect(r.status).toBe(403));
    const closed = await must(t, 'supervisor.fengqiao', created.id, 'approve', { comment: '核查属实，同意销号' });
    expect(closed).toMatchObject({ state: 'closed', closedAt: expect.any(String), dueAt: null, overdue: false });

    const events = await t.http().get(`/api/v1/cases/${created.id}/events`).set('Authorization', await t.tokenOf('dispatcher.nanhu')).expect(200);
    expect(events.body.map((e: { action: string }) => e.action)).toEqual(['report', 'accept', 'dispatch', 'sign_for', 'report_progress', 'submit_completion', 'approve']);
    expect(events.body.map((e: { seq: number }) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(events.body[5]).toMatchObject({ actorRole: 'handler', actorName: '凤桥镇经办人', attachmentIds: [evidence], comment: '现场已清理，设置禁烧宣传牌', fromState: 'rectifying', toState: 'pending_verification' });
    expect(Object.keys(events.body[0]).sort()).toEqual(['action', 'actorId', 'actorName', 'actorRole', 'at', 'attachmentIds', 'comment', 'fromState', 'hash', 'payload', 'seq', 'toState']);

    const audit = await t.http().get(`/api/v1/audit/verify?caseId=${created.id}`).set('Authorization', await t.tokenOf('supervisor.city')).expect(200);
    expect(audit.body).toEqual({ caseId: created.id, ok: true, events: 7 });
  });

  it('needs county then city sign-off for a major case and schedules a follow-up review', async () => {
    const c = await reportCase(t, 'dispatcher.nanhu', { regionCode: '330402101', severity: 'major', category: 'water.outfall', source: 'hotline', reporterName: '王女士', reporterPhone: '13800001234' });
    expect(c.signoffSteps).toEqual(['county', 'city']);
    const yuxin = await unitId(t, '余新镇生态办');
    await must(t, 'dispatcher.nanhu', c.id, 'dispatch', { leadUnitId: yuxin });
    await must(t, 'handler.yuxin', c.id, 'sign_for');
    await must(t, 'handler.yuxin', c.id, 'submit_completion', { measures: '封堵排污口', attachmentIds: [await uploadPng(t, 'handler.yuxin')] });

    await act(t, 'supervisor.city', c.id, 'approve', { comment: '越级' }).then((r) => expect(r.status).toBe(403));
    const afterCounty = await must(t, 'supervisor.nanhu', c.id, 'approve', { comment: '县级核查通过' });
    expect(afterCounty).toMatchObject({ state: 'pending_verification', signoffIndex: 1 });
    expect(afterCounty.allowedActions).not.toContain('approve');
    await act(t, 'supervisor.nanhu', c.id, 'approve', { comment: 'again' }).then((r) => expect(r.status).toBe(403));

    const closed = await must(t, 'supervisor.city', c.id, 'approve', { comment: '市级核查通过，同意销号' });
    expect(closed).toMatchObject({ state: 'closed', deadlineKind: 'review' });
    const detail = await t.http().get(`/api/v1/cases/${c.id}`).set('Authorization', await t.tokenOf('supervisor.city'));
    const review = detail.body.deadlines.find((d: { kind: string }) => d.kind === 'review');
    expect(review.status).toBe('pending');
    // 30 calendar days; a period ending on a day off runs to 24:00 of the next working day (§7).
    const expected = CN_WORK_CALENDAR.addCalendarDays(new Date(closed.closedAt), 30);
    expect(Math.abs(new Date(review.dueAt).getTime() - expected.getTime())).toBeLessThan(60_000);
  });

  it('sends rejected completions back with a rework count and reopens on a failed review', async () => {
    const c = await reportCase(t, 'grid.fengqiao001', { severity: 'major' });
    await must(t, 'dispatcher.nanhu', c.id, 'dispatch', { leadUnitId: fengqiao });
    await must(t, 'handler.fengqiao', c.id, 'sign_for');
    await must(t, 'handler.fengqiao', c.id, 'submit_completion', { measures: 'm', attachmentIds: [await uploadPng(t, 'handler.fengqiao')] });
    const back = await must(t, 'supervisor.nanhu', c.id, 'reject_completion', { reason: '照片不清晰' });
    expect(back).toMatchObject({ state: 'rectifying', reworkCount: 1, deadlineKind: 'rectify' });
    await must(t, 'handler.fengqiao', c.id, 'submit_completion', { measures: 'm2', attachmentIds: [await uploadPng(t, 'handler.fengqiao')] });
    await must(t, 'supervisor.nanhu', c.id, 'approve', { comment: 'ok' });
    await must(t, 'supervisor.city', c.id, 'approve', { comment: 'ok' });
    const reopened = await must(t, 'supervisor.city', c.id, 'review_fail', { reason: '回头看发现反弹', attachmentIds: [await uploadPng(t, 'supervisor.city')] });
    expect(reopened).toMatchObject({ state: 'rectifying', reopenCount: 1, closedAt: null, signoffIndex: 0 });
  });

  it('lets exactly one of 8 concurrent actions on one case win; the others get 409 and the history has no gap', async () => {
    const c = await reportCase(t, 'grid.fengqiao001');
    const auth = await t.tokenOf('dispatcher.nanhu');
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => t.http().post(`/api/v1/cases/${c.id}/actions/remind`).set('Authorization', auth).send({ expectedVersion: 1, note: `催办 ${i}` })),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409, 409, 409, 409, 409, 409, 409]);
    for (const r of results.filter((x) => x.status === 409)) expect(r.body).toMatchObject({ statusCode: 409, error: 'Conflict' });
    const events = await t.http().get(`/api/v1/cases/${c.id}/events`).set('Authorization', auth);
    expect(events.body.map((e: { seq: number }) => e.seq)).toEqual([1, 2]);
    const audit = await t.http().get(`/api/v1/audit/verify?caseId=${c.id}`).set('Authorization', auth);
    expect(audit.body.ok).toBe(true);
  });

  it('honours Idempotency-Key: same key and body → same case; another body → 422', async () => {
    const auth = await t.tokenOf('grid.fengqiao001');
    const key = `k-${Date.now()}-abcdef`;
    const body = { title: `幂等上报 ${key}`, description: 'd', category: 'noise.construction', source: 'grid_patrol', severity: 'general' };
    const first = await t.http().post('/api/v1/cases').set('Authorization', auth).set('Idempotency-Key', key).send(body).expect(201);
    const again = await t.http().post('/api/v1/cases').set('Authorization', auth).set('Idempotency-Key', key).send(body).expect(201);
    expect(again.body.id).toBe(first.body.id);
    expect(again.headers['idempotent-replayed']).toBe('true');
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM "case" WHERE title = $1`, [body.title]);
    expect(n).toBe(1);
    const other = await t.http().post('/api/v1/cases').set('Authorization', auth).set('Idempotency-Key', key).send({ ...body, title: 'changed' }).expect(422);
    expect(other.body.code).toBe('idempotency_key_reused');
  });

  it('creates one case for concurrent retries with the same key', async () => {
    const auth = await t.tokenOf('grid.fengqiao001');
    const key = `race-${Date.now()}-xyz`;
    const body = { title: `并发幂等 ${key}`, description: 'd', category: 'water', source: 'grid_patrol', severity: 'general' };
    const results = await Promise.all([1, 2, 3, 4].map(() => t.http().post('/api/v1/cases').set('Authorization', auth).set('Idempotency-Key', key).send(body)));
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
  });

  it('answers bad requests with the right status and changes nothing', async () => {
    const c = await reportCase(t, 'grid.fengqiao001');
    const dispatcher = await t.tokenOf('dispatcher.nanhu');
    const missing = await t.http().post(`/api/v1/cases/${c.id}/actions/dispatch`).set('Authorization', dispatcher).send({ expectedVersion: 1 }).expect(422);
    expect(missing.body).toMatchObject({ statusCode: 422, error: 'Unprocessable Entity', details: [expect.objectContaining({ field: 'leadUnitId' })] });
    await t.http().post(`/api/v1/cases/${c.id}/actions/sign_for`).set('Authorization', await t.tokenOf('handler.fengqiao')).send({ expectedVersion: 1 }).expect(404);
    await t.http().post(`/api/v1/cases/${c.id}/actions/approve`).set('Authorization', await t.tokenOf('supervisor.nanhu')).send({ expectedVersion: 1, comment: 'x' }).expect(403);
    await t.http().post(`/api/v1/cases/${c.id}/actions/review_pass`).set('Authorization', await t.tokenOf('supervisor.nanhu')).send({ expectedVersion: 1, comment: 'x' }).expect(422);
    await t.http().post(`/api/v1/cases/${c.id}/actions/fly`).set('Authorization', dispatcher).send({ expectedVersion: 1 }).expect(404);
    await t.http().post(`/api/v1/cases/${c.id}/actions/accept`).set('Authorization', dispatcher).send({ expectedVersion: 7 }).expect(409);
    await t.http().post(`/api/v1/cases/${c.id}/actions/accept`).set('Authorization', dispatcher).send({ expectedVersion: 1, color: 'red' }).expect(400);
    await t.http().post(`/api/v1/cases/${c.id}/actions/dispatch`).set('Authorization', dispatcher).send({ expectedVersion: 1, leadUnitId: await unitId(t, '王江泾镇生态办') }).expect(422);
    await t.http().post('/api/v1/cases').set('Authorization', dispatcher).send({ title: '', description: 'd', category: 'fire', source: 'x', severity: 'huge' }).expect(400);
    const after = await t.http().get(`/api/v1/cases/${c.id}`).set('Authorization', dispatcher).expect(200);
    expect(after.body).toMatchObject({ state: 'reported', version: 1 });
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM case_event WHERE case_id = $1`, [c.id]);
    expect(n).toBe(1);
  });

  it('rejects a merge into a case of another county and merges into an open one nearby', async () => {
    const a = await reportCase(t, 'grid.fengqiao001');
    const b = await reportCase(t, 'grid.fengqiao001');
    const other = await reportCase(t, 'grid.wangjiangjing001');
    const city = 'dispatcher.city';
    const far = await act(t, city, a.id, 'merge', { targetCaseId: other.id });
    expect(far.status).toBe(422);
    const self = await act(t, city, a.id, 'merge', { targetCaseId: a.id });
    expect(self.status).toBe(422);
    const merged = await must(t, 'dispatcher.nanhu', a.id, 'merge', { targetCaseId: b.id });
    expect(merged).toMatchObject({ state: 'merged', duplicateOfId: b.id, dueAt: null });
  });

  it('keeps the original deadline and the extended one after an approved extension, with a new reminder', async () => {
    const c = await reportCase(t, 'grid.fengqiao001');
    await must(t, 'dispatcher.nanhu', c.id, 'dispatch', { leadUnitId: fengqiao, dueAt: inDays(5) });
    await must(t, 'handler.fengqiao', c.id, 'sign_for');
    const requested = await must(t, 'handler.fengqiao', c.id, 'request_extension', { newDueAt: inDays(20), reason: '管网改造需要时间' });
    expect(requested.pendingExtension).toMatchObject({ reason: '管网改造需要时间' });
    expect(requested.allowedActions).not.toContain('request_extension');
    await act(t, 'handler.fengqiao', c.id, 'decide_extension', { approve: true, comment: 'x' }).then((r) => expect(r.status).toBe(403));
    const decided = await must(t, 'dispatcher.nanhu', c.id, 'decide_extension', { approve: true, comment: '同意延期' });
    expect(decided.pendingExtension).toBeNull();
    const rectify = decided.deadlines.find((d: { kind: string; status: string }) => d.kind === 'rectify' && d.status === 'pending');
    expect(new Date(rectify.dueAt).getTime()).toBeCloseTo(new Date(requested.pendingExtension.newDueAt).getTime(), -3);
    expect(new Date(rectify.originalDueAt).getTime()).toBeLessThan(new Date(rectify.dueAt).getTime() - 10 * 86_400_000);
    const [row] = await t.db.query(`SELECT remind_at FROM deadline WHERE id = $1`, [rectify.id]);
    expect(new Date(row.remind_at).getTime()).toBeLessThan(new Date(rectify.dueAt).getTime());
    expect(new Date(row.remind_at).getTime()).toBeGreaterThan(Date.now());
  });

  it('lists with filters, sorting in either spelling, and paging', async () => {
    const marker = `列表${Date.now()}`;
    const a = await reportCase(t, 'grid.fengqiao001', { title: `${marker} A`, category: 'water.outfall' });
    const b = await reportCase(t, 'grid.fengqiao001', { title: `${marker} B`, category: 'air.dust', severity: 'major' });
    const auth = await t.tokenOf('dispatcher.nanhu');
    const ids = async (query: string) => (await t.http().get(`/api/v1/cases?q=${encodeURIComponent(marker)}&${query}`).set('Authorization', auth).expect(200)).body.items.map((i: { id: string }) => i.id);
    expect(await ids('sort=-createdAt')).toEqual([b.id, a.id]);
    expect(await ids('sort=createdAt:asc')).toEqual([a.id, b.id]);
    expect(await ids('sort=createdAt,desc')).toEqual([b.id, a.id]);
    expect(await ids('category=water')).toEqual([a.id]);
    expect(await ids('severity=major')).toEqual([b.id]);
    expect(await ids('state=reported,closed&regionCode=330402100')).toEqual([b.id, a.id]);
    expect(await ids('state=closed')).toEqual([]);
    const page = await t.http().get(`/api/v1/cases?q=${encodeURIComponent(marker)}&pageSize=1&page=2`).set('Authorization', auth).expect(200);
    expect(page.body).toMatchObject({ total: 2, totalExact: true, page: 2, pageSize: 1, items: [{ id: a.id }] });
    await t.http().get('/api/v1/cases?sort=colour').set('Authorization', auth).expect(400);
    await t.http().get('/api/v1/cases?state=open').set('Authorization', auth).expect(400);
  });

  it('finds likely duplicates nearby: open, same kind, within about a kilometre', async () => {
    const here = { lat: 30.7001, lng: 120.8501, category: 'water.black_odorous' };
    const a = await reportCase(t, 'grid.fengqiao001', here);
    const near = await reportCase(t, 'grid.fengqiao001', { ...here, lat: 30.7031, category: 'water.outfall' });
    const far = await reportCase(t, 'grid.fengqiao001', { ...here, lat: 30.75 });
    const otherKind = await reportCase(t, 'grid.fengqiao001', { ...here, category: 'noise.construction' });
    const res = await t.http().get(`/api/v1/cases/${a.id}/duplicates`).set('Authorization', await t.tokenOf('dispatcher.nanhu')).expect(200);
    const ids = res.body.map((d: { id: string }) => d.id);
    expect(ids).toContain(near.id);
    expect(ids).not.toContain(far.id);
    expect(ids).not.toContain(otherKind.id);
    expect(ids).not.toContain(a.id);
    expect(res.body.find((d: { id: string }) => d.id === near.id).distanceM).toBeGreaterThan(250);
    await t.http().get(`/api/v1/cases/${a.id}/duplicates`).set('Authorization', await t.tokenOf('dispatcher.xiuzhou')).expect(404);
  });

  it('detects a tampered event in the hash chain', async () => {
    const c = await reportCase(t, 'grid.fengqiao001');
    await must(t, 'dispatcher.nanhu', c.id, 'accept');
    await must(t, 'dispatcher.nanhu', c.id, 'remind', { note: '请尽快' });
    await t.db.transaction(async (m) => {
      await m.query(`ALTER TABLE case_event DISABLE TRIGGER case_event_no_update`);
      await m.query(`UPDATE case_event SET comment = '篡改' WHERE case_id = $1 AND seq = 2`, [c.id]);
      await m.query(`ALTER TABLE case_event ENABLE TRIGGER case_event_no_update`);
    });
    const audit = await t.http().get(`/api/v1/audit/verify?caseId=${c.id}`).set('Authorization', await t.tokenOf('dispatcher.nanhu')).expect(200);
    expect(audit.body).toMatchObject({ ok: false, events: 3, brokenAt: { seq: 2, reason: 'hash_mismatch' } });
  });

  it('lets the lead unit return a case it cannot take, back to the dispatcher, with the reason', async () => {
    const fengqiao = (await t.db.query(`SELECT id FROM unit WHERE name = '凤桥镇生态办'`))[0].id;
    const c = await reportCase(t, 'grid.fengqiao001');
    await must(t, 'dispatcher.nanhu', c.id, 'dispatch', { leadUnitId: fengqiao });
    const returned = await must(t, 'handler.fengqiao', c.id, 'return', { reason: '不属于本单位职责，应由住建部门处理' });
    expect(returned).toMatchObject({ state: 'pending_dispatch', leadUnitId: null });
    // The handler no longer sees it; the dispatcher has it back on the worklist.
    await t.http().get(`/api/v1/cases/${c.id}`).set('Authorization', await t.tokenOf('handler.fengqiao')).expect(404);
    const back = await t.http().get(`/api/v1/cases/${c.id}`).set('Authorization', await t.tokenOf('dispatcher.nanhu')).expect(200);
    expect(back.body.allowedActions).toEqual(expect.arrayContaining(['dispatch']));
  });
});
